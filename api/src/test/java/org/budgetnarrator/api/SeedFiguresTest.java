package org.budgetnarrator.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The seeds' figures, typed here from the published documents (shared/seeds), come back through GraphQL
 * from the demo data the server loads at start-up.
 */
@MicronautTest(transactional = false)
class SeedFiguresTest {

    @Inject
    @Client("/")
    HttpClient http;

    private JsonNode year(String code, int year) {
        JsonNode result = new GraphQLClient(http).run("year-overview", "code", code, "year", year);
        assertTrue(result.path("errors").isMissingNode(), () -> "errors: " + result.path("errors"));
        return result.path("data").path("department");
    }

    private static JsonNode find(JsonNode list, String key, String value) {
        for (JsonNode n : list) {
            if (value.equals(n.path(key).asText())) {
                return n;
            }
        }
        throw new AssertionError("no " + key + " = " + value + " in " + list);
    }

    @Test
    void xianningAdministrativeRunningLineMatchesTables03And05AndTheNarrative() {
        JsonNode result = new GraphQLClient(http).run("account-line", "code", "XN-WB", "year", 2024, "account", "2013501");
        JsonNode line = result.path("data").path("department").path("year").path("account");
        assertEquals("行政运行", line.path("name").asText());
        assertEquals("ITEM", line.path("level").asText());
        assertEquals("244.27", line.path("actual").asText());
        assertEquals("239.50", line.path("basic").asText());
        assertEquals("4.78", line.path("project").asText());
        assertEquals("272.49", line.path("initialBudget").asText());
        assertEquals("89.64", line.path("completionOfInitialBudget").asText(), "244.27 ÷ 272.49, half up");
        assertEquals("20135", line.path("parent").path("code").asText());
        assertEquals("对外联络事务", line.path("parent").path("name").asText());
    }

    @Test
    void xianningTotalsAndClassLinesMatchTable01() {
        JsonNode dept = year("XN-WB", 2024);
        JsonNode y = dept.path("year");
        assertEquals("FINAL_ACCOUNTS", y.path("stage").asText());
        assertEquals("429.80", y.path("incomeTotal").asText());
        JsonNode functional = y.path("functional");
        assertEquals("347.04", find(functional, "code", "201").path("actual").asText());
        assertEquals("107.55", find(functional, "code", "201").path("project").asText());
        assertEquals("47.43", find(functional, "code", "208").path("actual").asText());
        assertEquals("4.76", find(functional, "code", "210").path("actual").asText());
        assertEquals("30.57", find(functional, "code", "221").path("actual").asText());
        assertEquals("26.30", find(functional, "code", "2210201").path("actual").asText());
        BigDecimal classes = BigDecimal.ZERO;
        BigDecimal initial = BigDecimal.ZERO;
        for (JsonNode line : functional) {
            if (line.path("level").asText().equals("CLASS")) {
                classes = classes.add(new BigDecimal(line.path("actual").asText()));
            }
            if (line.path("level").asText().equals("ITEM")) {
                initial = initial.add(new BigDecimal(line.path("initialBudget").asText()));
            }
        }
        assertEquals(new BigDecimal("429.80"), classes);
        // The narrative's nine 项 budgets sum to 551.48 against its stated 551.47 (a rounding difference kept as published).
        assertEquals(new BigDecimal("551.48"), initial);
        assertEquals("551.47", y.path("summary").path("initialBudget").asText());
        JsonNode medical = find(functional, "code", "2101103");
        assertEquals("1.95", medical.path("initialBudget").asText());
        assertEquals("0.00", medical.path("actual").asText());
    }

    @Test
    void xianningBasicExpenditureDetailMatchesTable06() {
        JsonNode economic = year("XN-WB", 2024).path("year").path("economic");
        assertEquals("290.33", find(economic, "code", "301").path("actual").asText());
        assertEquals("31.93", find(economic, "code", "302").path("actual").asText());
        assertEquals("59.76", find(economic, "code", "30101").path("actual").asText());
        assertEquals("68.62", find(economic, "code", "30107").path("actual").asText());
        assertEquals("9.37", find(economic, "code", "30239").path("actual").asText());
        assertEquals("8.28", find(economic, "code", "30299").path("actual").asText());
    }

    @Test
    void xianningThreePublicExpensesCarryNarrativeBudgetsCountsAndLastYear() {
        JsonNode y = year("XN-WB", 2024).path("year");
        JsonNode three = y.path("threePublic");
        JsonNode total = find(three, "item", "TOTAL");
        assertEquals("115.90", total.path("budget").asText());
        assertEquals("46.35", total.path("actual").asText());
        assertEquals("40", total.path("completionRate").asText());
        assertEquals("-6.17", total.path("yoyChange").asText());
        JsonNode travel = find(three, "item", "OVERSEAS_TRAVEL");
        assertEquals("因公出国（境）费", travel.path("name").asText());
        assertEquals("100.00", travel.path("budget").asText());
        assertEquals("33.65", travel.path("actual").asText());
        assertEquals("-5.71", travel.path("yoyChange").asText());
        assertEquals("-14.5", travel.path("yoyRate").asText(), "5.71 ÷ 39.36 = 14.507%: the report's 14% is truncated");
        assertEquals(3, travel.path("groups").asInt());
        assertEquals(5, travel.path("persons").asInt());
        JsonNode foreign = find(three, "item", "RECEPTION_FOREIGN");
        assertEquals("7.87", foreign.path("actual").asText());
        assertEquals(11, foreign.path("groups").asInt());
        assertEquals(94, foreign.path("persons").asInt());
        assertEquals(2, find(three, "item", "VEHICLE_OPERATION").path("vehicles").asInt());

        JsonNode summary = y.path("summary");
        assertEquals("31.93", summary.path("officeRunningCost").asText());
        assertEquals("33.77", summary.path("previousOfficeRunningCost").asText());
        assertEquals("0.45", summary.path("procurementTotal").asText());
        assertEquals("0.00", summary.path("procurementSme").asText());
        assertEquals("0.45", summary.path("procurementMicro").asText());
        assertEquals("461.63", summary.path("previousTotalIncome").asText(), "429.8 + 31.83");
        int vehicles = 0;
        for (JsonNode v : y.path("vehicles")) {
            vehicles += v.path("count").asInt();
        }
        assertEquals(2, vehicles);
    }

    @Test
    void xianningKeepsItsPublishedNarrativeAndNotesOnTheSeedsContradictions() {
        JsonNode y = year("XN-WB", 2024).path("year");
        JsonNode narrative = find(y.path("documents"), "kind", "FINAL_ACCOUNTS_NARRATIVE");
        assertTrue(narrative.path("text").asText().contains("31.83"));
        assertTrue(narrative.path("text").asText().contains("9.4"));
        StringBuilder notes = new StringBuilder();
        y.path("notes").forEach(n -> notes.append(n.path("subject").asText()).append(' ').append(n.path("text").asText()).append('\n'));
        assertTrue(notes.toString().contains("115.9"), "the 三公 budget conflict is noted");
        assertTrue(notes.toString().contains("31.3"), "the 31.3 / 31.83 conflict is noted");
        assertTrue(y.path("indicators").size() > 30, "the department self-evaluation table's indicators");
    }

    @Test
    void xianningProjectSelfEvaluationsGiveBudgetExecutedAndRate() {
        JsonNode result = new GraphQLClient(http).run("projects", "code", "XN-WB", "year", 2024);
        JsonNode projects = result.path("data").path("department").path("year").path("projects").path("nodes");
        JsonNode work = find(projects, "name", "外事工作经费");
        assertEquals("79.00", work.path("adjustedBudget").asText());
        assertEquals("64.00", work.path("executed").asText());
        assertEquals("81.01", work.path("executionRate").asText());
        assertTrue(work.path("indicators").size() >= 10);
        JsonNode exchange = find(projects, "name", "公务员交流");
        assertEquals("7.00", exchange.path("adjustedBudget").asText());
        assertEquals("5.10", exchange.path("executed").asText());
    }

    @Test
    void hunanBudgetExecutionRateIs8465PercentAndScoresAddUp() {
        JsonNode dept = year("HN-WB", 2024);
        assertEquals("PROVINCIAL", dept.path("level").asText());
        JsonNode summary = dept.path("year").path("summary");
        assertEquals("4863.67", summary.path("initialBudget").asText());
        assertEquals("5462.27", summary.path("adjustedBudget").asText());
        assertEquals("4624.00", summary.path("executed").asText());
        assertEquals("84.65", summary.path("executionRate").asText(), "4,624.00 ÷ 5,462.27");
        assertEquals("8.47", summary.path("budgetExecutionScore").asText());
        assertEquals("98.47", summary.path("totalScore").asText());
        assertEquals("2912.15", summary.path("basicExpenditure").asText());
        assertEquals("1614.61", summary.path("projectExpenditure").asText());
        assertEquals("97.24", summary.path("businessExpenditure").asText());
        JsonNode indicators = dept.path("year").path("indicators");
        // The published table has 24 scored indicators (产出 50, 效益 30, 满意度 10).
        assertEquals(24, indicators.size());
        BigDecimal weights = BigDecimal.ZERO;
        BigDecimal scores = BigDecimal.ZERO;
        for (JsonNode i : indicators) {
            weights = weights.add(new BigDecimal(i.path("weight").asText()));
            scores = scores.add(new BigDecimal(i.path("score").asText()));
        }
        assertEquals(0, weights.compareTo(new BigDecimal("90")));
        assertEquals(0, scores.add(new BigDecimal("8.47")).compareTo(new BigDecimal("98.47")));
        assertEquals("≥4 对", indicators.get(0).path("target").asText());
        assertEquals("≥100 人 次", find(indicators, "name", "美国青少年来湘参访交流").path("target").asText());
        assertEquals("130 人次", find(indicators, "name", "美国青少年来湘参访交流").path("actual").asText());
    }

    @Test
    void shijiazhuangHasEightProjectsWithCodesBudgetsPlansAndIndicatorBases() {
        JsonNode result = new GraphQLClient(http).run("projects", "code", "438001", "year", 2024);
        JsonNode projects = result.path("data").path("department").path("year").path("projects");
        assertEquals(8, projects.path("totalCount").asInt());
        JsonNode exchange = find(projects.path("nodes"), "name", "对外交流活动经费");
        assertEquals("1000.00", exchange.path("initialBudget").asText());
        assertTrue(exchange.path("code").asText().startsWith("13010024P"));
        JsonNode equipment = find(projects.path("nodes"), "name", "办公设备购置");
        assertEquals("10.70", equipment.path("initialBudget").asText());
        assertEquals("13010024P0097121005", equipment.path("code").asText());
        List<String> plan = new ArrayList<>();
        equipment.path("spendingPlan").forEach(m -> plan.add(m.path("month").asInt() + ":" + m.path("percent").asText()));
        assertEquals(List.of("6:60", "10:90", "12:100"), plan);
        JsonNode count = find(equipment.path("indicators"), "name", "办公设备购置数量");
        assertEquals("≥8台", count.path("target").asText());
        assertEquals("工作计划", count.path("basis").asText());
    }

    @Test
    void zhanjiangKeyTasksInYuanTotal7186TenThousandYuan() {
        JsonNode dept = year("ZJ-WB", 2026);
        assertEquals(33, dept.path("staffCount").asInt());
        assertEquals("1069.37", dept.path("year").path("summary").path("basicExpenditure").asText());
        assertEquals("71.86", dept.path("year").path("summary").path("projectExpenditure").asText());
        JsonNode result = new GraphQLClient(http).run("projects", "code", "ZJ-WB", "year", 2026,
                "filter", java.util.Map.of("category", "年度重点工作任务"));
        JsonNode projects = result.path("data").path("department").path("year").path("projects");
        assertEquals(7, projects.path("totalCount").asInt());
        // 718,630.00 元 = 71.863 万元 exactly; shown as the report does, half up to two decimals: 71.86.
        assertEquals("71.863", projects.path("initialBudgetTotal").asText());
        assertEquals(new BigDecimal("71.86"), new BigDecimal(projects.path("initialBudgetTotal").asText()).setScale(2, RoundingMode.HALF_UP));
        JsonNode first = find(projects.path("nodes"), "name", "2025年非税工作经费");
        assertEquals("元", first.path("sourceMoneyUnit").asText());
        assertEquals("1.863", first.path("initialBudget").asText(), "18,630.00 元");
    }

    @Test
    void unknownDepartmentIsNullNotAnError() {
        JsonNode result = new GraphQLClient(http).run("account-line", "code", "NO-SUCH", "year", 2024, "account", "201");
        assertTrue(result.path("errors").isMissingNode());
        assertTrue(result.path("data").path("department").isNull());
        JsonNode missingYear = new GraphQLClient(http).run("account-line", "code", "XN-WB", "year", 1999, "account", "201");
        assertTrue(missingYear.path("data").path("department").path("year").isNull());
        JsonNode missingLine = new GraphQLClient(http).run("account-line", "code", "XN-WB", "year", 2024, "account", "9999999");
        assertNull(missingLine.path("data").path("department").path("year").path("account").textValue());
    }
}
