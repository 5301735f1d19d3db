package org.budgetnarrator.drafting.indicator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/**
 * The evaluator on the demo department-years of the model module (read from the class path, where
 * the model module puts {@code demo/*.json}).
 */
class DemoDataTest {

    private static final ScoringProfile NATIONAL = ScoringProfiles.national();

    private static JsonNode demo(String name) throws IOException {
        try (InputStream in = DemoDataTest.class.getClassLoader().getResourceAsStream("demo/" + name + ".json")) {
            assertNotNull(in, "demo/" + name + ".json on the class path");
            return new ObjectMapper().readTree(in);
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static BigDecimal decimal(JsonNode n, String field) {
        String t = text(n, field);
        return t == null ? null : new BigDecimal(t);
    }

    private static List<IndicatorInput> inputs(JsonNode indicators) {
        List<IndicatorInput> out = new ArrayList<>();
        if (indicators == null) {
            return out; // a project without an indicator table (Xianning's 公车运行维护)
        }
        for (JsonNode n : indicators) {
            out.add(new IndicatorInput(text(n, "level1"), text(n, "level2"), text(n, "name"), text(n, "target"),
                    text(n, "actual"), decimal(n, "weight"), decimal(n, "score")));
        }
        return out;
    }

    private static List<Status> statuses(List<IndicatorInput> inputs) {
        return inputs.stream().map(i -> IndicatorEvaluator.evaluate(i, NATIONAL).status()).toList();
    }

    @Test
    void hunanReScoresToItsRecordedTotal() throws IOException {
        JsonNode hunan = demo("hunan-2024");
        JsonNode summary = hunan.get("summary");
        List<IndicatorInput> inputs = inputs(hunan.get("indicators"));
        assertEquals(24, inputs.size());

        SelfEvaluation s = SelfEvaluation.evaluate(decimal(summary, "executed"), decimal(summary, "adjustedBudget"),
                inputs, decimal(summary, "totalScore"), NATIONAL);

        assertEquals("8.47", s.budgetExecution().score().toPlainString());
        assertEquals("84.65", s.budgetExecution().rate().setScale(2, java.math.RoundingMode.HALF_UP).toPlainString());
        assertEquals("98.47", s.suggestedTotal().toPlainString());
        assertEquals(0, s.suggestedTotal().compareTo(s.recordedTotal()));
        assertFalse(s.differs());
        assertEquals(List.of(), s.notes(), "every indicator got a suggestion");
        assertTrue(s.indicators().stream().noneMatch(IndicatorEvaluation::scoreDiffers));
    }

    @Test
    void hunanStatusesArePinnedIndicatorByIndicator() throws IOException {
        List<IndicatorInput> inputs = inputs(demo("hunan-2024").get("indicators"));
        Status M = Status.MET;
        Status X = Status.EXCEEDED;
        // 0 ≥4 对 / 新增4 对 is met exactly; 1–8 and 18 (100% / 936%), 23 (≥90% / 95%) exceed; the
        // qualitative rows are met by a positive actual or an achievement in numbers. No row is
        // NOT_MET, NOT_COMPARABLE or UNPARSED.
        assertEquals(List.of(M, X, X, X, X, X, X, X, X, M, M, M, M, M, M, M, M, M, X, M, M, M, M, X), statuses(inputs));
    }

    @Test
    void hunanRulesNameWhatWasApplied() throws IOException {
        List<IndicatorInput> inputs = inputs(demo("hunan-2024").get("indicators"));
        IndicatorEvaluation controlled = IndicatorEvaluator.evaluate(inputs.get(15), NATIONAL);
        assertEquals("控制在范 围内", inputs.get(15).target());
        assertEquals(Status.MET, controlled.status());
        assertInstanceOf(IndicatorValue.Qualitative.class, controlled.target());

        IndicatorEvaluation growth = IndicatorEvaluator.evaluate(inputs.get(18), NATIONAL);
        assertEquals("9.360000", growth.completionRatio().toPlainString());
        assertTrue(growth.rule().contains("more is better"), growth.rule());

        IndicatorEvaluation conferences = IndicatorEvaluator.evaluate(inputs.get(13), NATIONAL);
        IndicatorValue.Comparison c = assertInstanceOf(IndicatorValue.Comparison.class, conferences.actual());
        assertEquals(Operator.GE, c.operator());
        assertEquals("场次", c.unit());
    }

    @Test
    void xianningProjectIndicatorsArePinned() throws IOException {
        JsonNode projects = demo("xianning-2024").get("projects");
        List<IndicatorInput> work = inputs(projects.get(0).get("indicators"));
        IndicatorEvaluation cost = IndicatorEvaluator.evaluate(work.get(0), NATIONAL); // 外事工作支出 79 → 64
        assertEquals(Status.EXCEEDED, cost.status());
        assertEquals(Direction.LESS_IS_BETTER, cost.direction());
        assertEquals("1.234375", cost.completionRatio().toPlainString());
        IndicatorEvaluation guests = IndicatorEvaluator.evaluate(work.get(3), NATIONAL); // 接待外宾 40 → 60
        assertEquals(Status.EXCEEDED, guests.status());
        assertEquals("1.500000", guests.completionRatio().toPlainString());
        IndicatorEvaluation apec = IndicatorEvaluator.evaluate(work.get(11), NATIONAL); // 3批 4人次 → 5批 7人次
        assertEquals(Status.EXCEEDED, apec.status());
        assertEquals("1.666667", apec.completionRatio().toPlainString());

        IndicatorEvaluation visits = IndicatorEvaluator.evaluate(inputs(projects.get(2).get("indicators")).get(0), NATIONAL);
        assertEquals(Status.EXCEEDED, visits.status()); // 出访支出成本 100 → 33.7
        assertEquals("2.967359", visits.completionRatio().toPlainString());

        Map<Status, Integer> counts = new TreeMap<>();
        for (JsonNode p : projects) {
            statuses(inputs(p.get("indicators"))).forEach(s -> counts.merge(s, 1, Integer::sum));
        }
        // 34 project indicators: 9 exceed (3 costs below target; 4 bare counts, 30→38 人次 and 3批 4人次
        // → 5批 7人次 above target), 25 are met (equal numbers and percentages, restated qualitatives).
        assertEquals(Map.of(Status.MET, 25, Status.EXCEEDED, 9), counts);
    }

    @Test
    void xianningDepartmentIndicatorsAreAllMetWithoutWeights() throws IOException {
        List<IndicatorInput> inputs = inputs(demo("xianning-2024").get("indicators"));
        assertEquals(39, inputs.size());
        for (IndicatorInput in : inputs) {
            IndicatorEvaluation e = IndicatorEvaluator.evaluate(in, NATIONAL);
            assertEquals(Status.MET, e.status(), in.name() + ": " + e.rule());
            assertEquals(null, e.suggestedScore(), "no weight, no suggestion");
        }
        IndicatorEvaluation control = IndicatorEvaluator.evaluate(inputs.get(1), NATIONAL); // 在职人员控制率, 运行成本
        assertEquals(Direction.LESS_IS_BETTER, control.direction());
        IndicatorEvaluation execution = IndicatorEvaluator.evaluate(inputs.get(9), NATIONAL); // 预算执行率
        assertEquals(Direction.MORE_IS_BETTER, execution.direction());
    }

    @Test
    void shijiazhuangTargetsAllReadButHaveNoActuals() throws IOException {
        JsonNode sjz = demo("shijiazhuang-2024");
        List<IndicatorInput> inputs = new ArrayList<>(inputs(sjz.get("indicators")));
        sjz.get("projects").forEach(p -> inputs.addAll(inputs(p.get("indicators"))));
        assertEquals(57, inputs.size());
        for (IndicatorInput in : inputs) {
            IndicatorEvaluation e = IndicatorEvaluator.evaluate(in, NATIONAL);
            assertEquals(Status.NOT_COMPARABLE, e.status(), in.name());
            assertTrue(e.rule().contains("no actual recorded"), e.rule());
            assertFalse(e.target() instanceof IndicatorValue.Unparsed, in.target() + " → " + e.target());
        }
        IndicatorValue approx = IndicatorValueParser.parse(inputs.get(0).target()); // 450 人次左右
        assertEquals(Operator.APPROX, ((IndicatorValue.Comparison) approx).operator());
    }

    @Test
    void zhanjiangTargetsReadExceptTheNotApplicableRows() throws IOException {
        List<IndicatorInput> inputs = inputs(demo("zhanjiang-2026").get("indicators"));
        List<String> unparsed = inputs.stream().map(i -> IndicatorValueParser.parse(i.target()))
                .filter(v -> v instanceof IndicatorValue.Unparsed).map(IndicatorValue::text).toList();
        assertEquals(List.of("无", "无"), unparsed);
    }
}
