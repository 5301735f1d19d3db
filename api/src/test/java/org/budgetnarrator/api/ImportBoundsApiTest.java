package org.budgetnarrator.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.budgetnarrator.model.imports.DepartmentYearImporter;
import org.budgetnarrator.model.imports.ImportResult;
import org.budgetnarrator.model.imports.WorkbookWriter;
import org.budgetnarrator.model.store.DepartmentYearStore;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Imported values are bounded the same way on SQLite and PostgreSQL (this class runs on both): a number
 * with more digits than NUMERIC(24,6) keeps, a text longer than its column or with a NUL byte, a table with
 * too many rows — each is refused through the GraphQL mutation with a problem naming the place, the field,
 * the value and the limit, and the database is left exactly as it was; values at the limits are stored and
 * read back identically, and audit them normally.
 */
@MicronautTest(transactional = false)
// The checks are about outcomes, not speed: on a loaded test machine a sign-in alone can pass the client's 10 s default.
@Property(name = "micronaut.http.client.read-timeout", value = "120s")
class ImportBoundsApiTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    DataSource dataSource;

    @Inject
    DepartmentYearImporter importer;

    @Inject
    DepartmentYearStore store;

    private GraphQLClient client() {
        return new GraphQLClient(http);
    }

    /** Imports the small document, broken in one place, through the mutation; asserts nothing changed; returns the one error. */
    private JsonNode refused(Consumer<Map<String, Object>> breakIt) {
        Map<String, Object> doc = Documents.small("T-BOUND", 2024);
        breakIt.accept(doc);
        return refused(new String(Documents.json(doc), StandardCharsets.UTF_8));
    }

    private JsonNode refused(String document) {
        String before = Database.snapshot(dataSource);
        JsonNode result = client().run("import", "document", document, "fileName", "bounds.json");
        assertTrue(result.path("errors").isMissingNode(), () -> "a problem, not a GraphQL error: " + result.path("errors"));
        JsonNode payload = result.path("data").path("importDepartmentYear");
        assertFalse(payload.path("stored").asBoolean(), "nothing stored");
        assertEquals(before, Database.snapshot(dataSource), "the database must be unchanged");
        List<JsonNode> errors = new ArrayList<>();
        payload.path("problems").forEach(p -> {
            if (p.path("severity").asText().equals("ERROR")) {
                errors.add(p);
            }
        });
        assertEquals(1, errors.size(), () -> "one error: " + payload.path("problems"));
        JsonNode error = errors.get(0);
        assertEquals("bounds.json", error.path("file").asText());
        assertTrue(error.path("message").asText().startsWith("error: bounds.json, "), error.path("message").asText());
        return error;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> summary(Map<String, Object> doc) {
        return (Map<String, Object>) doc.computeIfAbsent("summary", k -> new LinkedHashMap<>());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> project(Map<String, Object> doc) {
        return (Map<String, Object>) ((List<Object>) doc.get("projects")).get(0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> department(Map<String, Object> doc) {
        return (Map<String, Object>) doc.get("department");
    }

    private static String withRawNumber(String field, String number) {
        // A JSON number as written (a Map would hold a double): replace a placeholder string.
        Map<String, Object> doc = Documents.small("T-BOUND", 2024);
        summary(doc).put(field, "@NUMBER@");
        return new String(Documents.json(doc), StandardCharsets.UTF_8).replace("\"@NUMBER@\"", number);
    }

    @Test
    void aTwelveByteNumberOfTwentyMillionDigitsIsRefused() {
        JsonNode p = refused(withRawNumber("executed", "1e-20000000"));
        assertEquals("$.summary.executed", p.path("path").asText());
        assertEquals("executed (全年执行数)", p.path("field").asText());
        assertEquals("1e-20000000", p.path("value").asText());
        assertEquals("expected at most 6 decimal places", p.path("expected").asText());
    }

    @Test
    void decimalsTheColumnWouldRoundAwayAreRefusedOnBothDatabases() {
        JsonNode asString = refused(doc -> Documents.account(doc, 2).put("actual", "429.800000000000000000001"));
        assertEquals("$.accounts[2].actual", asString.path("path").asText());
        assertEquals("429.800000000000000000001", asString.path("value").asText());
        assertEquals("expected at most 6 decimal places", asString.path("expected").asText());
        JsonNode asNumber = refused(withRawNumber("adjustedBudget", "429.800000000000000000001"));
        assertEquals("expected at most 6 decimal places", asNumber.path("expected").asText());
    }

    @Test
    void aScaleBeyondPostgresNumericIsAProblemNotInternal() {
        JsonNode p = refused(withRawNumber("executed", "1e-16384"));
        assertEquals("1e-16384", p.path("value").asText());
        assertEquals("expected at most 6 decimal places", p.path("expected").asText());
    }

    @Test
    void nineteenDigitsBeforeThePointAreRefusedNamingTheLimit() {
        JsonNode score = refused(doc -> summary(doc).put("totalScore", "1234567890123456789"));
        assertEquals("$.summary.totalScore", score.path("path").asText());
        assertEquals("expected at most 18 digits before the decimal point", score.path("expected").asText());
        JsonNode amount = refused(doc -> project(doc).put("executed", "1234567890123456789.5"));
        assertEquals("$.projects[0].executed", amount.path("path").asText());
        assertEquals("expected at most 12 digits before the decimal point", amount.path("expected").asText());
    }

    @Test
    void aTextLongerThanItsColumnIsRefusedNamingTheLimit() {
        JsonNode name = refused(doc -> department(doc).put("name", "局".repeat(201)));
        assertEquals("$.department.name", name.path("path").asText());
        assertEquals("name (部门名称)", name.path("field").asText());
        assertEquals("expected at most 200 characters (found 201)", name.path("expected").asText());
        assertTrue(name.path("value").asText().endsWith("… (201 characters)"), name.path("value").asText());
        JsonNode body = refused(doc -> doc.put("documents", List.of(Map.of("kind", "OTHER", "text", "9".repeat(200_001)))));
        assertEquals("$.documents[0].text", body.path("path").asText());
        assertEquals("expected at most 200,000 characters (found 200,001)", body.path("expected").asText());
        assertTrue(body.path("message").asText().length() < 300, "the value is quoted shortened");
    }

    @Test
    void aNulByteIsRefusedNamingTheField() {
        JsonNode p = refused(doc -> department(doc).put("duties", "外事\u0000管理"));
        assertEquals("$.department.duties", p.path("path").asText());
        assertEquals("duties (部门主要职责)", p.path("field").asText());
        assertEquals("外事\\u0000管理", p.path("value").asText());
        assertTrue(p.path("expected").asText().contains("control characters"), p.path("expected").asText());
    }

    @Test
    void tooManyRowsAreRefusedNamingTheLimit() {
        JsonNode p = refused(doc -> {
            List<Object> projects = new ArrayList<>();
            for (int i = 0; i <= 5_000; i++) {
                projects.add(Map.of("name", "项目" + i));
            }
            doc.put("projects", projects);
        });
        assertEquals("$.projects[5000]", p.path("path").asText());
        assertEquals("expected at most 5,000 rows in projects; this row and those after it were not read", p.path("expected").asText());
    }

    @Test
    void aDocumentNestedTooDeeplyIsOneProblem() {
        JsonNode p = refused(withRawNumber("executed", "[".repeat(10_000) + "]".repeat(10_000)));
        assertTrue(p.path("expected").asText().contains("nested at most 16 levels deep"), p.path("expected").asText());
    }

    /** A department-year with every kind of number at its limits and the longest document text. */
    private static Map<String, Object> atTheLimits(String code, boolean longDocument) {
        Map<String, Object> doc = Documents.small(code, 2024);
        List<Object> accounts = new ArrayList<>();
        // Only the 项 lines: their 款 and 类 are derived as sums with 13 digits before the point.
        accounts.add(Documents.line("2013501", "行政运行", "999999999999.999999"));
        accounts.add(Documents.line("2013502", "一般行政管理事务", "999999999999.999999"));
        doc.put("accounts", accounts);
        Map<String, Object> summary = summary(doc);
        summary.put("initialBudget", "0.000001");
        summary.put("adjustedBudget", "999999999999.999999");
        summary.put("executed", "999999999999.999999");
        summary.put("totalScore", "999999999999999999.999999");
        summary.put("budgetExecutionWeight", "100");
        summary.put("budgetExecutionScore", "0.000001");
        Map<String, Object> project = project(doc);
        project.put("adjustedBudget", "999999999999.999999");
        project.put("executed", "0.000001");
        project.put("score", "-999999999999999999.999999");
        @SuppressWarnings("unchecked")
        Map<String, Object> indicator = (Map<String, Object>) ((List<Object>) project.get("indicators")).get(0);
        indicator.put("weight", "999999999999999999.999999");
        indicator.put("score", "0.000001");
        Map<String, Object> yuan = new LinkedHashMap<>();
        yuan.put("name", "以元计的任务");
        yuan.put("moneyUnit", "元");
        yuan.put("executed", "999999999999.99");
        @SuppressWarnings("unchecked")
        List<Object> projects = (List<Object>) doc.get("projects");
        projects.add(yuan);
        if (longDocument) {
            doc.put("documents", List.of(Map.of("kind", "FINAL_ACCOUNTS_NARRATIVE",
                    "text", "本部门认真贯彻落实预算管理各项要求，规范支出管理。\n".repeat(8_000).substring(0, 200_000))));
        }
        return doc;
    }

    private JsonNode read(String code) {
        JsonNode result = client().run("bounds-year", "code", code, "year", 2024);
        assertTrue(result.path("errors").isMissingNode(), () -> result.path("errors").toString());
        return result.path("data").path("department").path("year");
    }

    private static void assertAtTheLimits(JsonNode year) {
        JsonNode summary = year.path("summary");
        assertEquals("0.000001", summary.path("initialBudget").asText());
        assertEquals("999999999999.999999", summary.path("adjustedBudget").asText());
        assertEquals("999999999999.999999", summary.path("executed").asText());
        assertEquals("999999999999999999.999999", summary.path("totalScore").asText());
        assertEquals("0.000001", summary.path("budgetExecutionScore").asText());
        Map<String, String> accounts = new LinkedHashMap<>();
        year.path("accounts").forEach(a -> accounts.put(a.path("code").asText(), a.path("actual").asText()));
        assertEquals(Map.of("201", "1999999999999.999998", "20135", "1999999999999.999998",
                "2013501", "999999999999.999999", "2013502", "999999999999.999999"), accounts);
        JsonNode projects = year.path("projects").path("nodes");
        assertEquals("0.000001", projects.get(0).path("executed").asText());
        assertEquals("-999999999999999999.999999", projects.get(0).path("score").asText());
        JsonNode indicator = projects.get(0).path("indicators").get(0);
        assertEquals("999999999999999999.999999", indicator.path("weight").asText());
        assertEquals("0.000001", indicator.path("score").asText());
        assertEquals("99999999.999999", projects.get(1).path("executed").asText(), "999,999,999,999.99 元 in 万元, exactly");
    }

    @Test
    void valuesAtTheLimitsAreStoredAndReadBackIdenticallyAndAudited() {
        Map<String, Object> doc = atTheLimits("T-LIMITS", true);
        JsonNode result = client().run("import", "document", new String(Documents.json(doc), StandardCharsets.UTF_8),
                "fileName", "limits.json");
        JsonNode payload = result.path("data").path("importDepartmentYear");
        assertTrue(payload.path("stored").asBoolean(), () -> result.toString());
        assertEquals("999999999999.999999", payload.path("departmentYear").path("summary").path("executed").asText());
        JsonNode year = read("T-LIMITS");
        assertAtTheLimits(year);
        assertEquals(((Map<?, ?>) ((List<?>) doc.get("documents")).get(0)).get("text"), year.path("documents").get(0).path("text").asText());

        JsonNode audit = client().run("audit", "code", "T-LIMITS", "year", 2024);
        assertTrue(audit.path("errors").isMissingNode(), () -> audit.path("errors").toString());
        assertTrue(audit.path("data").path("department").path("year").path("audit").isArray());
    }

    @Test
    void valuesAtTheLimitsRoundTripThroughAWorkbookExactly() {
        ImportResult json = importer.importContent("limits.json", Documents.json(atTheLimits("T-LIMITS-WB", false)));
        assertTrue(json.stored(), () -> json.errors().toString());
        Map<String, Object> stored = store.export("T-LIMITS-WB", 2024).orElseThrow();
        @SuppressWarnings("unchecked")
        Map<String, Object> summary = (Map<String, Object>) stored.get("summary");
        assertEquals("999999999999.999999", summary.get("executed"));
        assertEquals("999999999999999999.999999", summary.get("totalScore"));
        // A numeric cell is a double: the workbook keeps such amounts as text so that they come back whole.
        ImportResult again = importer.importContent("limits.xlsx", new WorkbookWriter().write(stored));
        assertTrue(again.stored(), () -> again.errors().stream().map(p -> p.message()).toList().toString());
        assertEquals(Documents.MAPPER.valueToTree(stored), Documents.MAPPER.valueToTree(store.export("T-LIMITS-WB", 2024).orElseThrow()));
    }
}
