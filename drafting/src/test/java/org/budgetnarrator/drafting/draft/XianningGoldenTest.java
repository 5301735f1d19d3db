package org.budgetnarrator.drafting.draft;

import org.budgetnarrator.drafting.audit.Audit;
import org.budgetnarrator.drafting.audit.Finding;
import org.budgetnarrator.drafting.audit.Severity;
import org.budgetnarrator.model.imports.BoundDocument;
import org.budgetnarrator.model.imports.DocumentBinder;
import org.budgetnarrator.model.imports.DocumentValidator;
import org.budgetnarrator.model.imports.JsonDocumentReader;
import org.budgetnarrator.model.read.DocumentYearData;
import org.budgetnarrator.model.read.YearData;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Golden test on Xianning 2024: from its data and the reasons it published (carried by the demo data), the
 * drafted 第三部分 reproduces every number and percentage of the published one, section by section — except
 * where the published figure is one of DOMAIN.md's mistakes, where the draft gives the right figure.
 */
class XianningGoldenTest {

    private static final Pattern FIGURE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(万元|%|％|个|人次|辆|台（套）)");
    private static final Pattern HEADING = Pattern.compile("(?m)^(十[一二三四]?|[一二三四五六七八九])、");

    static YearData xianning() throws IOException {
        byte[] json = XianningGoldenTest.class.getResourceAsStream("/demo/xianning-2024.json").readAllBytes();
        BoundDocument doc = new DocumentBinder().bind(new JsonDocumentReader().read("xianning-2024.json", json));
        new DocumentValidator().validate(doc);
        return DocumentYearData.of(doc);
    }

    /** The figures of each section (一 … 十三), in order, as "value unit" with the value's trailing zeros dropped. */
    static Map<String, List<String>> figuresBySection(String text) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        Matcher heading = HEADING.matcher(text);
        List<int[]> starts = new ArrayList<>();
        List<String> names = new ArrayList<>();
        while (heading.find()) {
            starts.add(new int[]{heading.start()});
            names.add(heading.group(1));
        }
        for (int i = 0; i < starts.size(); i++) {
            int end = i + 1 < starts.size() ? starts.get(i + 1)[0] : text.length();
            List<String> figures = new ArrayList<>();
            Matcher m = FIGURE.matcher(text.substring(starts.get(i)[0], end));
            while (m.find()) {
                BigDecimal v = new BigDecimal(m.group(1)).stripTrailingZeros();
                figures.add((v.scale() < 0 ? v.setScale(0) : v).toPlainString() + " " + m.group(2).replace('％', '%'));
            }
            out.put(names.get(i), figures);
        }
        return out;
    }

    private static List<String> sorted(List<String> figures) {
        List<String> s = new ArrayList<>(figures);
        s.sort(String::compareTo);
        return s;
    }

    /** A published figure that is one of DOMAIN.md's mistakes, and what the draft writes instead (null: nothing). */
    private record Correction(String section, String published, String drafted, String why) {
    }

    private static final List<Correction> CORRECTIONS = List.of(
            new Correction("四", "31.3 万元", "31.83 万元", "财政拨款收入 fell by 31.83, as the totals say (DOMAIN: 31.3 vs 31.83)"),
            new Correction("四", "0 万元", null, "template residue \"增加（减少）0万元\" (audit W04): the draft writes 持平 for no change"),
            new Correction("四", "0 万元", null, "the same residue for 国有资本经营预算财政拨款收入"),
            new Correction("五", "9.4 %", "7.7 %", "35.98 ÷ 465.78 = 7.72% (DOMAIN: 下降9.4%)"),
            new Correction("九", "14 %", "15 %", "5.71 ÷ 39.36 = 14.507%, rounded half up: 15% (DOMAIN: truncated)"),
            new Correction("十一", "0 %", null, "the share of micro firms in SME contracts of 0 cannot be stated (DOMAIN: SME 0 vs micro 0.45)"),
            new Correction("十一", "100 %", null, "SME share of goods contracts: not in the data and contradicting SME 0 (same mistake)"),
            new Correction("十一", "0 %", null, "SME share of works contracts: not in the data (same sentence)"),
            new Correction("十一", "0 %", null, "SME share of services contracts: not in the data (same sentence)"),
            new Correction("十三", "107.5 万元", "107.55 万元", "project spending is 107.55 (DOMAIN)"),
            new Correction("十三", "58 %", "100 %", "107.55 ÷ 107.55 (DOMAIN: 58%)"));

    @Test
    void everyPublishedFigureIsReproducedSectionBySectionExceptDomainMistakes() throws IOException {
        YearData data = xianning();
        String published = data.documents().stream().filter(d -> d.kind().equals("FINAL_ACCOUNTS_NARRATIVE")).findFirst().orElseThrow().body();
        Draft report = DraftEngine.shipped().report(data, StyleProfiles.load("xianning"));
        Map<String, List<String>> want = figuresBySection(published);
        Map<String, List<String>> got = figuresBySection(report.text());
        int compared = 0;
        for (String section : List.of("一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三")) {
            List<String> expected = new ArrayList<>(want.getOrDefault(section, List.of()));
            for (Correction c : CORRECTIONS) {
                if (c.section().equals(section)) {
                    assertTrue(expected.remove(c.published()), () -> section + ": published figure " + c.published() + " not found: " + expected);
                    if (c.drafted() != null) {
                        expected.add(c.drafted());
                    }
                }
            }
            assertEquals(sorted(expected), sorted(got.getOrDefault(section, List.of())), "section " + section + "'s figures");
            compared += expected.size();
        }
        assertTrue(compared >= 140, "figures compared: " + compared);
    }

    @Test
    void theDemoReportIsCompleteNoReasonIsMissing() throws IOException {
        Draft report = DraftEngine.shipped().report(xianning(), StyleProfiles.load("xianning"));
        assertEquals(List.of(), report.missing());
        assertTrue(!report.text().contains("【待补充"));
    }

    @Test
    void theAuditFindsNoErrorInTheDraft() throws IOException {
        YearData data = xianning();
        Draft report = DraftEngine.shipped().report(data, StyleProfiles.load("xianning"));
        List<Finding> findings = Audit.checkText(data, report.text());
        assertEquals(List.of(), findings.stream().filter(f -> f.severity() != Severity.WARNING).map(Finding::messageZh).toList());
    }

    @Test
    void everyNumberOfTheDraftIsAFactTracedToItsLine() throws IOException {
        Draft report = DraftEngine.shipped().report(xianning(), StyleProfiles.load("xianning"));
        Draft.PlacedFact first = report.facts().stream().filter(f -> f.fact().subject().equals("account:2013501")
                && f.fact().field().equals("actual")).findFirst().orElseThrow();
        assertEquals("244.27", report.text().substring(first.offset(), first.offset() + first.length()));
        // Every figure with a unit in the text is a placed fact, but for those inside what officers wrote
        // (reasons, outcomes, plans), which the draft quotes.
        YearData data = xianning();
        List<int[]> quoted = new ArrayList<>();
        List<String> officerTexts = new ArrayList<>();
        data.reasons().forEach(r -> officerTexts.add(r.note()));
        data.projects().forEach(p -> {
            officerTexts.add(p.outcome());
            officerTexts.add(p.improvementPlan() == null ? null : p.improvementPlan().replace("\n", ""));
        });
        for (String t : officerTexts) {
            if (t == null) {
                continue;
            }
            String core = t.replaceAll("[。；\\s]+$", "");
            for (int i = report.text().indexOf(core); i >= 0; i = report.text().indexOf(core, i + 1)) {
                quoted.add(new int[]{i, i + core.length()});
            }
        }
        Matcher m = FIGURE.matcher(report.text());
        while (m.find()) {
            int at = m.start(1);
            boolean traced = report.facts().stream().anyMatch(f -> f.offset() == at)
                    || report.text().startsWith("100万元以上设备", at)
                    || quoted.stream().anyMatch(q -> at >= q[0] && at < q[1]);
            int from = Math.max(0, at - 20);
            assertTrue(traced, () -> "untraced figure " + m.group() + " in …" + report.text().substring(from, Math.min(report.text().length(), at + 10)));
        }
        // Sentences list the facts they used.
        Draft.Sentence sentence = report.sentences().stream().filter(s -> s.text().startsWith("1.一般公共服务支出（类）")).findFirst().orElseThrow();
        assertTrue(sentence.facts().isEmpty(), "the path sentence has no figure");
    }
}
