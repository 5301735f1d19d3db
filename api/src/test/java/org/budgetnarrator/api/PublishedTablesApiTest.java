package org.budgetnarrator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.budgetnarrator.model.db.StatementCounter;
import org.budgetnarrator.model.generate.Generator;
import org.budgetnarrator.model.imports.DepartmentYearImporter;
import org.budgetnarrator.model.imports.ImportResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The public tables as published, over GraphQL: each table with its columns, rows, cells and the report's own
 * layout; all-source (公开03) and general-budget (公开05) figures of one account apart; a nested page of many
 * departments' tables at a constant number of statements.
 */
@MicronautTest(transactional = false)
@Property(name = "narrator.jobs.background", value = "false")
@Property(name = "narrator.security.public-read", value = "true")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublishedTablesApiTest {

    private static final Path PLANNING = Path.of("..", "model", "src", "test", "resources", "fixtures", "reports",
            "putuo-planning-bureau-2024", "department-year.json");

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    DepartmentYearImporter importer;

    @BeforeAll
    void importReports() throws Exception {
        ImportResult planning = importer.importContent("planning.json", Files.readAllBytes(PLANNING));
        assertTrue(planning.stored(), () -> planning.errors().toString());
        Generator generator = new Generator(11);
        ObjectMapper mapper = new ObjectMapper();
        for (int i = 1; i <= 30; i++) {
            ImportResult result = importer.importContent("pt-" + i + ".json", mapper.writeValueAsBytes(generator.document(i, 2024)));
            assertTrue(result.stored(), () -> result.errors().toString());
        }
    }

    private JsonNode year(String query) {
        JsonNode result = new GraphQLClient(http, null).query("{ department(code: \"SH-PT-GH\") { year(year: 2024) { " + query + " } } }");
        assertTrue(result.path("errors").isMissingNode(), () -> result.path("errors").toString());
        return result.path("data").path("department").path("year");
    }

    private static BigDecimal amount(JsonNode cell) {
        return new BigDecimal(cell.path("amount").asText());
    }

    @Test
    void allSourceAndGeneralBudgetFiguresOfOneAccountAreServedApart() {
        JsonNode year = year("t03: publishedTables(table: T03) { row(key: \"2120101\") { name cell(column: \"total\") { amount } } } "
                + "t05: publishedTables(table: T05) { row(key: \"2120101\") { cell(column: \"total\") { amount } basic: cell(column: \"basic\") { amount } } } "
                + "account(code: \"2120101\") { actual generalBudget }");
        BigDecimal all = amount(year.path("t03").get(0).path("row").path("cell"));
        BigDecimal general = amount(year.path("t05").get(0).path("row").path("cell"));
        assertEquals(0, all.compareTo(new BigDecimal("1105.68")), all.toString());
        assertEquals(0, general.compareTo(new BigDecimal("1092.80")), general.toString());
        assertEquals(0, amount(year.path("t05").get(0).path("row").path("basic")).compareTo(new BigDecimal("1084.02")));
        // The account line is the tables seen per account: 03's total is its actual, 05's its general-budget figure.
        assertEquals(0, new BigDecimal(year.path("account").path("actual").asText()).compareTo(all));
        assertEquals(0, new BigDecimal(year.path("account").path("generalBudget").asText()).compareTo(general));
    }

    @Test
    void printedTotalsCarryOversAndTheReportsOwnLayoutAreServed() {
        JsonNode tables = year("publishedTables { table number printedLabel position columns { key label kind } "
                + "rows { key templateName name side account cells { column kind amount quantity } } }").path("publishedTables");
        Map<String, JsonNode> byTable = new java.util.HashMap<>();
        tables.forEach(t -> byTable.put(t.path("table").asText(), t));
        JsonNode t01 = byTable.get("T01");
        JsonNode grand = null;
        JsonNode carry = null;
        for (JsonNode row : t01.path("rows")) {
            if (row.path("key").asText().equals("income_grand_total")) {
                grand = row;
            }
            if (row.path("key").asText().equals("carry_forward_begin")) {
                carry = row;
            }
        }
        assertTrue(grand != null && carry != null, "收入总计 and 年初结转和结余 are rows of 公开01");
        assertEquals("收入总计", grand.path("templateName").asText());
        assertEquals("INCOME", grand.path("side").asText());
        assertEquals(false, grand.path("account").asBoolean());
        assertEquals(0, amount(grand.path("cells").get(0)).compareTo(new BigDecimal("9859.38")));
        assertEquals(0, amount(carry.path("cells").get(0)).compareTo(new BigDecimal("112.88")));
        // The report prints the 三公 table seventh, numbered 七 (the template puts it ninth).
        assertEquals("七", byTable.get("T09").path("printedLabel").asText());
        assertEquals(7, byTable.get("T09").path("position").asInt());
        assertEquals("公开09", byTable.get("T09").path("number").asText());
        // Tables come in the report's order; those without a recorded place (narrative-only disclosures) after them.
        int last = 0;
        boolean unplaced = false;
        for (JsonNode t : tables) {
            if (t.path("position").isNull()) {
                unplaced = true;
                continue;
            }
            assertTrue(!unplaced && t.path("position").asInt() > last, "in printed order: " + t.path("table"));
            last = t.path("position").asInt();
        }
        assertEquals("COUNT", byTable.get("T09").path("columns").findValues("kind").stream()
                .filter(k -> k.asText().equals("COUNT")).findFirst().map(JsonNode::asText).orElse(""));
    }

    @Test
    void aBlankCellIsNullAndAColumnTheTableLacksIsBadInput() {
        JsonNode year = year("publishedTables(table: T03) { row(key: \"2120101\") { cell(column: \"remittance\") { amount } } }");
        assertTrue(year.path("publishedTables").get(0).path("row").path("cell").isNull(), "a blank cell is null, not 0");
        JsonNode result = new GraphQLClient(http, null).query("{ department(code: \"SH-PT-GH\") { year(year: 2024) { "
                + "publishedTables(table: T03) { row(key: \"2120101\") { cell(column: \"amount\") { amount } } } } } }");
        assertEquals("BAD_USER_INPUT", result.path("errors").get(0).path("extensions").path("code").asText(), result.toString());
        assertTrue(result.path("errors").get(0).path("message").asText().contains("公开03"), result.toString());
    }

    private long statementsFor(int first) {
        String query = "query($first: Int!) { departments(first: $first, filter: {nameContains: \"生成部门\"}) { nodes { code "
                + "departmentYears { year publishedTables { table printedLabel rows { key name cells { column amount } } "
                + "previousRows { key cells { column amount } } } } } } }";
        GraphQLClient client = new GraphQLClient(http, null);
        client.query(query, "first", first);
        long before = StatementCounter.count();
        JsonNode result = client.query(query, "first", first);
        long statements = StatementCounter.count() - before;
        assertTrue(result.path("errors").isMissingNode(), () -> result.path("errors").toString());
        JsonNode nodes = result.path("data").path("departments").path("nodes");
        assertEquals(first, nodes.size());
        for (JsonNode department : nodes) {
            assertTrue(department.path("departmentYears").get(0).path("publishedTables").size() >= 3, department.toString());
        }
        return statements;
    }

    @Test
    void aNestedPageOfManyDepartmentsTablesCostsTheSameStatementsAsOfFew() {
        long five = statementsFor(5);
        long thirty = statementsFor(30);
        assertEquals(five, thirty, () -> "statements for 5 departments vs 30: " + StatementCounter.recent());
    }
}
