package org.budgetnarrator.drafting.audit;

import org.budgetnarrator.model.domain.StoredDocument;
import org.budgetnarrator.model.read.YearData;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each kind of claim and wording rule, by changing one thing in Xianning's correct sentences. */
class NarrativeCheckerTest {

    private final YearData xianning = Demo.load("xianning-2024.json");

    private List<Finding> check(String text) {
        return new NarrativeChecker(xianning).check("draft", text);
    }

    private static Finding only(List<Finding> findings) {
        assertEquals(1, findings.size(), () -> findings.stream().map(Finding::messageZh).toList().toString());
        return findings.get(0);
    }

    @Test
    void correctSentencesRaiseNothing() {
        assertEquals(List.of(), check("2024年度收、支总计均为 429.8 万元。与 2023年度相比，收、支总计各减少 31.83 万元，下降 6.9 %。"));
        assertEquals(List.of(), check("1.一般公共服务（类）支出 347.04 万元，占 81 %。"));
        assertEquals(List.of(), check("3.公务接待费全年预算为 8.9 万元，支出决算为 7.93 万元，完成全年预算的 89 %，较上年增加 1.67 万元，增长 27 %。"));
    }

    @Test
    void figuresJoinedByAndSpeakOfTheTopicsNamedBeforeThemInOrder() {
        assertEquals(List.of(), check("人员经费和公用经费分别为 290.33 万元和 31.93 万元。"));
        List<Finding> swapped = check("人员经费和公用经费分别为 31.93 万元和 290.33 万元。");
        assertEquals(List.of("N01", "N01"), swapped.stream().map(Finding::ruleId).toList());
        assertEquals(List.of("290.33 万元", "31.93 万元"), swapped.stream().map(Finding::expected).toList());
    }

    @Test
    void aFigureAfterAndWithNamesBetweenIsItsOwnNamesFigure() {
        assertEquals(List.of(), check("其中：人员经费 290.33 万元和公用经费 31.93 万元。"));
    }

    @Test
    void aWrongAmountIsAnError() {
        Finding f = only(check("其中：基本支出 322.62 万元，占本年支出 75 %。"));
        assertEquals("N01", f.ruleId());
        assertEquals(Severity.ERROR, f.severity());
        assertEquals("322.26 万元", f.expected());
    }

    @Test
    void aWrongShareIsAnErrorNamingTheRightOne() {
        Finding f = only(check("1.一般公共服务（类）支出 347.04 万元，占 18 %。"));
        assertEquals("N04", f.ruleId());
        assertTrue(f.messageZh().contains("80.74%"), f.messageZh());
    }

    @Test
    void aRiseWrittenAsAFallIsAWordingError() {
        Finding f = only(check("机关运行经费支出 31.93 万元，比上年决算数增加 1.84 万元。"));
        assertEquals("W01", f.ruleId());
        assertEquals("减少", f.expected());
    }

    @Test
    void flatWrittenForAFallIsAWordingError() {
        Finding f = only(check("机关运行经费支出 31.93 万元，与上年持平。"));
        assertEquals("W01", f.ruleId());
        assertEquals("持平", f.found());
    }

    @Test
    void biggerWrittenForSmallerIsAnError() {
        List<Finding> findings = check("8.住房保障支出（类）住房改革支出（款）住房公积金（项）。年初预算为 28.33万元，支出决算为 26.3万元，"
                + "完成年初预算的 93 %。支出决算数大于年初预算数的主要原因是：因干部人事变动，有人员调出。");
        assertEquals("W02", only(findings).ruleId());
    }

    @Test
    void aVarianceWithoutItsReasonIsFlagged() {
        Finding f = only(check("9.住房保障支出（类）住房改革支出（款）提租补贴（项）。年初预算为 4.89 万元，支出决算为 4.27 万元，"
                + "完成年初预算的 87%。支出决算数小于年初预算数。"));
        assertEquals("W03", f.ruleId());
    }

    @Test
    void aWrongCountIsAnError() {
        Finding f = only(check("外宾接待支出 7.87 万元。2024 年共接待来访团组 12 个，94 人次。"));
        assertEquals("N06", f.ruleId());
        assertEquals("11", f.expected());
    }

    @Test
    void aWrongCompletionRateIsAnError() {
        Finding f = only(check("2.公务用车运行费全年预算为 7 万元，支出决算为 4.78万元，完成全年预算的 86 %。"));
        assertEquals("N05", f.ruleId());
        assertTrue(f.messageZh().contains("68.29%"));
    }

    @Test
    void templateResidueIsCaught() {
        assertEquals("W04", only(check("经营收入 0 万元，增加持平。")).ruleId());
        assertEquals("W04", only(check("本单位XX年度无此项支出。")).ruleId());
    }

    @Test
    void sayingThereIsNoGovernmentFundWhereThereIsNoneRaisesNothing() {
        assertEquals(List.of(), check("本单位当年无政府性基金预算财政拨款收入支出。"));
    }

    @Test
    void aTextFindingKeepsItsFingerprintWhenTheTextIsEditedElsewhere() {
        String sentence = "机关运行经费支出 31.93 万元，比上年决算数减少 1.84 万元，降低 9.9%。";
        String before = only(check(sentence)).fingerprint();
        String after = only(check("（前面新加了一段说明。）\n" + sentence)).fingerprint();
        assertEquals(before, after);
    }

    @Test
    void aClaimAboutWhatTheDataDoNotHoldIsNotJudged() {
        assertEquals(List.of(), check("货物采购授予中小企业合同金额占货物支出金额的 37%。"));
        assertEquals(List.of(), check("支持湖北联创食品有限公司签署总金额 3000 万元供货协议。"));
    }

    @Test
    void findingsPointAtTheClaimInTheText() {
        String text = "机关运行经费支出 31.93 万元，比上年决算数减少 1.84 万元，降低 9.9%。";
        Finding f = only(check(text));
        Subject place = f.subjects().get(0);
        assertEquals("9.9%", text.substring(place.offset(), place.offset() + place.length()));
    }

    @Test
    void neverThrowsOnAnyText() {
        Random random = new Random(42);
        StoredDocument narrative = xianning.documents().stream().filter(d -> d.kind().equals("FINAL_ACCOUNTS_NARRATIVE")).findFirst().orElseThrow();
        String source = narrative.body();
        for (int i = 0; i < 2000; i++) {
            StringBuilder text = new StringBuilder();
            int pieces = 1 + random.nextInt(6);
            for (int p = 0; p < pieces; p++) {
                int start = random.nextInt(source.length());
                text.append(source, start, Math.min(source.length(), start + random.nextInt(120)));
                if (random.nextBoolean()) {
                    text.append(random.nextInt(1000)).append(random.nextBoolean() ? "万元" : "%").append("（）(类)（款）（项）".charAt(random.nextInt(11)));
                }
            }
            new NarrativeChecker(xianning).check("draft", text.toString());
        }
    }

    /** Xianning's data without 公开05's 年初预算 (as a report read from a layout that prints it only in its text). */
    private static YearData withoutInitialBudgets() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.JsonNode doc;
        try (var in = NarrativeCheckerTest.class.getResourceAsStream("/demo/xianning-2024.json")) {
            doc = mapper.readTree(in);
        }
        doc.path("publishedTables").forEach(r -> ((com.fasterxml.jackson.databind.node.ObjectNode) r).remove("initialBudget"));
        return Demo.fromJson("xianning-2024.json", mapper.writeValueAsBytes(doc));
    }

    @Test
    void aComparisonWordAgainstTheFiguresItsParagraphStatesIsAnErrorWhereTheDataHoldNoBudget() throws Exception {
        NarrativeChecker checker = new NarrativeChecker(withoutInitialBudgets());
        String item = "2.一般公共服务支出（类）对外联络事务（款）一般行政管理事务（项）。年初预算为 186.00 万元，支出决算为 150.00 万元。";
        List<Finding> said = checker.check("draft", item + "决算数大于预算数的主要原因：工作调整。").stream()
                .filter(x -> x.ruleId().equals("W02")).toList();
        Finding f = only(said);
        assertEquals("小于", f.expected());
        assertTrue(f.messageZh().contains("文中支出决算 150 万元小于文中年初预算 186 万元"), f.messageZh());
        assertEquals(List.of(), checker.check("draft", item + "决算数小于预算数的主要原因：工作调整。").stream()
                .filter(x -> x.ruleId().equals("W02")).toList());
        // a second comparison without figures of its own is not held to the first item's
        assertEquals(List.of(), checker.check("draft", item + "决算数小于预算数的主要原因：工作调整。另一项决算数大于预算数的主要原因：追加任务。")
                .stream().filter(x -> x.ruleId().equals("W02")).toList());
        // a bare 预算数 is the full-year budget where the paragraph states one
        assertEquals(List.of(), checker.check("draft", "2.一般公共服务支出（类）对外联络事务（款）一般行政管理事务（项）。年初预算为 0 万元，"
                + "全年预算为 186.00 万元，支出决算为 150.00 万元。决算数小于预算数的主要原因：工作调整。").stream()
                .filter(x -> x.ruleId().equals("W02")).toList());
    }

    @Test
    void aYearEndOfAnotherYearIsFlaggedAndATitleOfAnotherYearIsAnError() {
        Finding end = only(check("截至2023年12月31日，本部门共有车辆 2 辆。"));
        assertEquals("W20", end.ruleId());
        assertEquals(Severity.WARNING, end.severity());
        assertEquals(List.of(), check("截至2024年12月31日，本部门共有车辆 2 辆。"));
        NarrativeChecker checker = new NarrativeChecker(xianning);
        Finding title = only(checker.checkTitle("FINAL_ACCOUNTS_NARRATIVE", "第三部分 咸宁市外办2023年度部门决算情况说明"));
        assertEquals("W21", title.ruleId());
        assertEquals(Severity.ERROR, title.severity());
        assertEquals(List.of(), checker.checkTitle("FINAL_ACCOUNTS_NARRATIVE", "第三部分 咸宁市外办2024年度部门决算情况说明"));
    }
}
