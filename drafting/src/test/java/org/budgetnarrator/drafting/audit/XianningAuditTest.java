package org.budgetnarrator.drafting.audit;

import org.budgetnarrator.model.domain.StoredDocument;
import org.budgetnarrator.model.read.YearData;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The audit of Xianning 2024 finds every mistake DOMAIN.md lists, tells rounding from error, and raises
 * nothing else: the complete set of findings is pinned here, so a new false alarm fails the test.
 */
class XianningAuditTest {

    private final YearData xianning = Demo.load("xianning-2024.json");
    private final List<Finding> findings = Audit.run(xianning);

    private static String key(Finding f) {
        return f.severity() + " " + f.ruleId() + " " + (f.found() == null ? "" : f.found());
    }

    private List<Finding> find(String rule, String containing) {
        return findings.stream().filter(f -> f.ruleId().equals(rule) && f.messageZh().contains(containing)).toList();
    }

    @Test
    void generalBudgetFallOf9Point4PercentIsAnError() {
        Finding f = find("N03", "9.4").get(0);
        assertEquals(Severity.ERROR, f.severity());
        assertTrue(f.messageZh().contains("7.72%") && f.messageZh().contains("35.98 ÷ 465.78"), f.messageZh());
        assertTrue(f.messageZh().contains("一般公共预算财政拨款支出减少 35.98 万元，下降 9.4 %"), "names the sentence");
    }

    @Test
    void appropriationIncomeFallOf31Point3IsAnError() {
        Finding f = find("N02", "31.3").get(0);
        assertEquals(Severity.ERROR, f.severity());
        assertTrue(f.messageZh().contains("31.83"), f.messageZh());
    }

    @Test
    void threePublicTableBudgetsRepeatingTheActualsAreErrors() {
        List<Finding> table = findings.stream().filter(f -> f.ruleId().equals("T08")).toList();
        assertEquals(5, table.size());
        assertTrue(table.stream().allMatch(f -> f.severity() == Severity.ERROR && f.messageZh().contains("误填")));
        assertTrue(find("T08", "合计").get(0).messageZh().contains("115.9"));
    }

    @Test
    void projectShareOf58PercentIsAnErrorAnd107Point5IsRounding() {
        assertEquals(Severity.ERROR, find("N04", "58%").get(0).severity());
        assertTrue(find("N04", "58%").get(0).messageZh().contains("100.00%"));
        assertEquals(Severity.ROUNDING, find("N01", "107.5万元").get(0).severity());
    }

    @Test
    void microFirmContractsAboveSmeContractsIsAnError() {
        assertEquals(Severity.ERROR, find("T11", "小微企业").get(0).severity());
    }

    @Test
    void selfEvaluationTableBasicExpenditureOf429Point8IsAnError() {
        Finding f = find("N01", "基本支出总额").get(0);
        assertEquals(Severity.ERROR, f.severity());
        assertEquals("322.26 万元", f.expected());
    }

    @Test
    void initialBudgetsSumming551Point48Against551Point47IsRounding() {
        assertEquals(Severity.ROUNDING, find("T13", "551.48").get(0).severity());
    }

    @Test
    void overseasTravelFallTruncatedTo14PercentIsRoundingNotError() {
        Finding f = find("N03", "14 %").get(0);
        assertEquals(Severity.ROUNDING, f.severity());
        assertTrue(f.messageZh().contains("14.51%"));
    }

    @Test
    void previousYearFiguresThatCannotBothHoldAreAnError() {
        assertEquals(Severity.ERROR, find("T12", "465.78").get(0).severity());
    }

    @Test
    void theNarrativeIsCheckedClaimByClaimAndCorrectSentencesRaiseNothing() {
        NarrativeChecker checker = new NarrativeChecker(xianning);
        StoredDocument narrative = xianning.documents().stream().filter(d -> d.kind().equals("FINAL_ACCOUNTS_NARRATIVE")).findFirst().orElseThrow();
        List<Finding> narrativeFindings = checker.check(narrative.kind(), narrative.body());
        assertTrue(checker.claimsCompared() >= 90, "claims compared: " + checker.claimsCompared());
        // Every ERROR or ROUNDING finding on the narrative is one of DOMAIN.md's mistakes: no false alarm.
        Set<String> numeric = narrativeFindings.stream().filter(f -> f.severity() != Severity.WARNING).map(XianningAuditTest::key)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(Set.of("ERROR N02 31.3 万元", "ERROR N03 9.4%", "ERROR N04 58%", "ROUNDING N01 107.5 万元",
                "ROUNDING N03 14%")), numeric);
    }

    @Test
    void theWholeAuditIsExactlyTheseFindings() {
        Set<String> all = findings.stream().map(f -> key(f) + " " + f.subjects().get(0).code() + "/" + f.subjects().get(0).field())
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> expected = new TreeSet<>(Set.of(
                // DOMAIN.md's mistakes
                "ERROR N01 429.8 万元 null/null", "ERROR N02 31.3 万元 null/null", "ERROR N03 9.4% null/null", "ERROR N04 58% null/null",
                "ERROR T08 46.35 TOTAL/budget", "ERROR T08 33.65 OVERSEAS_TRAVEL/budget", "ERROR T08 4.78 VEHICLE/budget",
                "ERROR T08 4.78 VEHICLE_OPERATION/budget", "ERROR T08 7.93 RECEPTION/budget",
                "ERROR T11 0.45 total/micro", "ROUNDING T13 551.47 合计/initialBudget", "ROUNDING N03 14% null/null",
                // the root of the 9.4% mistake: last year's figures cannot both hold
                "ERROR T12 465.78 一般公共预算财政拨款支出/previousGeneralBudgetExpenditure",
                // rounding in the tables (尾数误差) and in the narrative
                "ROUNDING N01 107.5 万元 null/null", "ROUNDING T01 290.33 301/amount", "ROUNDING T02 347.04 201/total",
                "ROUNDING T02 347.04 20135/total", "ROUNDING T02 244.27 2013501/total", "ROUNDING T07 46.35 TOTAL/budget",
                "ROUNDING T07 46.35 TOTAL/actual", "ROUNDING T15 429.8 执行数/executed",
                // wording: names that differ from the account table, template residue, doubled characters
                "WARNING N07 财政事务 null/null", "WARNING N07 行政管理事务 null/null", "WARNING N07 其他社会保障和就业支出支出 null/null",
                "WARNING W04 增加（减少） null/null", "WARNING W06 为为 null/null", "WARNING W06 是是 null/null",
                // "其他社会保障和就业支出支出" is also a doubled word; two reasons copied word for word between lines
                "WARNING W06 支出支出 null/null",
                // "部门（单位）共有车辆": the template's alternative left in place
                "WARNING W04 部门（单位） null/null",
                "WARNING W09 决算数较上年减少的主要原因是：2024年度严格执行因公出国（境）管理审批，出国（… null/null",
                "WARNING W09 支出决算数小于年初预算数的主要原因：因干部人事变动，有人员调出。 null/null"));
        assertEquals(expected, all);
    }
}
