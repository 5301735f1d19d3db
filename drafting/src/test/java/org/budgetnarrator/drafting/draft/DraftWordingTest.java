package org.budgetnarrator.drafting.draft;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.budgetnarrator.model.read.YearData;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The wording rules, one by one: facts in, exact Chinese out. */
class DraftWordingTest {

    private final DraftEngine engine = DraftEngine.shipped();
    private final StyleProfile xianning = StyleProfiles.load("xianning");

    /** A department-year with one 项 line (2013501) and the given totals. */
    private static Map<String, Object> doc(String actual, String initial, String previousTotal) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("format", "budget-narrator/department-year@1");
        doc.put("year", 2024);
        doc.put("stage", "FINAL_ACCOUNTS");
        doc.put("department", Map.of("code", "T", "name", "测试办公室", "level", "CITY"));
        if (previousTotal != null) {
            doc.put("summary", Map.of("previousTotalIncome", previousTotal, "previousTotalExpenditure", previousTotal));
        }
        doc.put("incomes", List.of(Map.of("source", "general_public_budget_appropriation", "amount", actual)));
        Map<String, Object> item = new LinkedHashMap<>(Map.of("code", "2013501", "name", "行政运行", "actual", actual,
                "basic", actual, "generalBudget", actual));
        if (initial != null) {
            item.put("initialBudget", initial);
        }
        doc.put("accounts", new ArrayList<>(List.of(
                Map.of("code", "201", "name", "一般公共服务支出", "actual", actual, "basic", actual, "generalBudget", actual),
                Map.of("code", "20135", "name", "对外联络事务", "actual", actual, "basic", actual, "generalBudget", actual),
                item)));
        return doc;
    }

    private static YearData data(Map<String, Object> doc) throws Exception {
        return DraftsPassTheAuditTest.of("t.json", new ObjectMapper().writeValueAsBytes(doc));
    }

    private String text(Map<String, Object> doc, SectionKind section) throws Exception {
        return engine.draft(data(doc), section, xianning).text();
    }

    @Test
    void aRiseIsIncreaseAndGrowth() throws Exception {
        assertEquals("2024年度收、支总计均为110万元。与2023年度相比，收、支总计各增加10万元，增长10.0%，"
                + "主要原因：【待补充：收、支总计较上年变动的主要原因】。", text(doc("110", null, "100"), SectionKind.TOTALS));
    }

    @Test
    void aFallIsDecreaseAndDecline() throws Exception {
        assertEquals("2024年度收、支总计均为95万元。与2023年度相比，收、支总计各减少5万元，下降5.0%。",
                text(doc("95", null, "100"), SectionKind.TOTALS));
    }

    @Test
    void noChangeIsFlat() throws Exception {
        assertEquals("2024年度收、支总计均为100万元。与2023年度相比，收、支总计持平。", text(doc("100", null, "100"), SectionKind.TOTALS));
    }

    @Test
    void anItemEqualToItsBudgetCompletesOneHundredPercent() throws Exception {
        String text = text(doc("100", "100", null), SectionKind.GENERAL_BUDGET);
        assertTrue(text.contains("1.一般公共服务支出（类）对外联络事务（款）行政运行（项）。年初预算为100万元，支出决算为100万元，完成年初预算的100%。"), text);
    }

    @Test
    void anItemBelowBudgetSaysSmallerAndNeedsItsReason() throws Exception {
        Draft draft = engine.draft(data(doc("80", "100", null)), SectionKind.GENERAL_BUDGET, xianning);
        assertTrue(draft.text().contains("完成年初预算的80%。决算数小于年初预算数的主要原因：【待补充：行政运行决算数小于年初预算数的主要原因】。"),
                draft.text());
        assertEquals(1, draft.missing().size());
        Draft.Gap gap = draft.missing().get(0);
        assertEquals("account:2013501", gap.subject());
        assertEquals("BUDGET", gap.aspect());
        assertEquals("【待补充：行政运行决算数小于年初预算数的主要原因】", draft.text().substring(gap.offset(), gap.offset() + gap.length()));
    }

    @Test
    void anItemAboveBudgetSaysBigger() throws Exception {
        String text = text(doc("130", "100", null), SectionKind.GENERAL_BUDGET);
        assertTrue(text.contains("完成年初预算的130%。决算数大于年初预算数的主要原因：【待补充"), text);
    }

    @Test
    void aSmallVarianceNeedsNoReason() throws Exception {
        Draft draft = engine.draft(data(doc("95", "100", null)), SectionKind.GENERAL_BUDGET, xianning);
        assertTrue(draft.text().contains("完成年初预算的95%。"), draft.text());
        assertFalse(draft.text().contains("主要原因"), draft.text());
        assertEquals(List.of(), draft.missing());
    }

    @Test
    void recordedReasonsAreListedFirstSecond() throws Exception {
        Map<String, Object> doc = doc("80", "100", null);
        doc.put("reasons", List.of(Map.of("subject", "account:2013501", "aspect", "BUDGET", "code", "PERSONNEL_OUT"),
                Map.of("subject", "account:2013501", "aspect", "BUDGET", "note", "压减了会议费")));
        String text = text(doc, SectionKind.GENERAL_BUDGET);
        assertTrue(text.contains("决算数小于年初预算数的主要原因：一是因干部人事调整，人员调出，人员经费支出相应减少；二是压减了会议费。"), text);
    }

    @Test
    void aZeroLineIsLeftOut() throws Exception {
        Map<String, Object> doc = doc("100", "100", null);
        @SuppressWarnings("unchecked")
        List<Object> accounts = (List<Object>) doc.get("accounts");
        accounts.add(Map.of("code", "2013502", "name", "一般行政管理事务", "actual", "0", "initialBudget", "0"));
        String text = text(doc, SectionKind.GENERAL_BUDGET);
        assertFalse(text.contains("一般行政管理事务"), text);
    }

    @Test
    void aFundOrThreePublicStatedAsZeroSaysTheUnitHasNone() throws Exception {
        assertEquals("本单位当年无政府性基金预算财政拨款收入支出。", text(doc("100", "100", null), SectionKind.GOVERNMENT_FUND));
        assertEquals("本单位当年无国有资本经营预算财政拨款支出。", text(doc("100", "100", null), SectionKind.STATE_CAPITAL));
        Map<String, Object> doc = doc("100", "100", null);
        doc.put("threePublic", List.of(Map.of("item", "TOTAL", "actual", "0", "budget", "0")));
        assertEquals("本单位当年无财政拨款“三公”经费支出。", text(doc, SectionKind.THREE_PUBLIC));
    }

    @Test
    void threePublicFiguresNeverEnteredAreAGapNotANone() throws Exception {
        assertEquals("【待补充：财政拨款“三公”经费支出数据未录入】", text(doc("100", "100", null), SectionKind.THREE_PUBLIC));
    }

    @Test
    void aDefaultStyleWritesTwoDecimalsAndAPercentToTwoDecimals() throws Exception {
        String text = engine.draft(data(doc("95", null, "100")), SectionKind.TOTALS, StyleProfiles.load("default")).text();
        assertEquals("2024年度收、支总计均为95.00万元。与2023年度相比，收、支总计各减少5.00万元，下降5.00%。", text);
    }

    @Test
    void theHunanStyleWritesThousandsSeparators() throws Exception {
        String text = engine.draft(data(doc("4863.67", null, "5000")), SectionKind.TOTALS, StyleProfiles.load("hunan")).text();
        assertTrue(text.startsWith("2024年度收、支总计均为4,863.67万元。与2023年度相比，收、支总计各减少136.33万元，下降2.73%。"), text);
    }

    @Test
    void indicatorsWithoutActualsAreAGapNeverNoDeviation() throws Exception {
        // Zhanjiang's targets as if a self-evaluation had been entered without its actuals (a budget year drafts no deviations).
        Map<String, Object> doc = new ObjectMapper().readValue(getClass().getResourceAsStream("/demo/zhanjiang-2026.json").readAllBytes(),
                new com.fasterxml.jackson.core.type.TypeReference<java.util.LinkedHashMap<String, Object>>() {
                });
        doc.put("stage", "SELF_EVALUATION");
        YearData targets = DraftsPassTheAuditTest.of("zhanjiang-2026.json", new ObjectMapper().writeValueAsBytes(doc));
        String text = engine.draft(targets, SectionKind.INDICATOR_DEVIATIONS, StyleProfiles.load("default")).text();
        assertFalse(text.contains("无偏差"), text);
        assertTrue(text.contains("项指标的实际完成值未录入"), text);
    }
}
