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

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No N+1: the nested query departments → years → account lines, projects → indicators costs the same
 * number of SQL statements over 5 departments as over 100, because every nested list is batched.
 */
@MicronautTest(transactional = false)
// Statements are counted: no background drafting worker polling meanwhile.
@Property(name = "narrator.jobs.background", value = "false")
@Property(name = "narrator.demo.enabled", value = "false")
@Property(name = "narrator.security.public-read", value = "true")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NestedQueryStatementCountTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    DepartmentYearImporter importer;

    @BeforeAll
    void generateDepartments() throws Exception {
        Generator generator = new Generator(7);
        ObjectMapper mapper = new ObjectMapper();
        for (int i = 1; i <= 100; i++) {
            for (int year : new int[]{2023, 2024}) {
                ImportResult result = importer.importContent("generated-" + i + "-" + year + ".json",
                        mapper.writeValueAsBytes(generator.document(i, year)));
                assertTrue(result.stored(), () -> String.join("\n", result.errors().stream().map(p -> p.message()).toList()));
            }
        }
    }

    private long statementsFor(int first) {
        GraphQLClient client = new GraphQLClient(http, null); // anonymous: public reading is on
        client.run("nested-departments", "first", first); // warm-up: the first request opens connections
        long before = StatementCounter.count();
        JsonNode result = client.run("nested-departments", "first", first, "filter", Map.of("nameContains", "生成部门"));
        long statements = StatementCounter.count() - before;
        assertTrue(result.path("errors").isMissingNode(), () -> "errors: " + result.path("errors"));
        JsonNode nodes = result.path("data").path("departments").path("nodes");
        assertEquals(first, nodes.size());
        for (JsonNode department : nodes) {
            assertEquals(2, department.path("departmentYears").size());
            for (JsonNode year : department.path("departmentYears")) {
                assertTrue(year.path("accounts").size() > 0);
                assertTrue(year.path("projects").path("nodes").size() >= 3);
                assertTrue(year.path("projects").path("nodes").get(0).path("indicators").size() >= 4);
            }
        }
        assertEquals(100, result.path("data").path("departments").path("totalCount").asInt());
        return statements;
    }

    @Test
    void nestedQueryCostsTheSameStatementsForFiveAndForAHundredDepartments() {
        long five = statementsFor(5);
        long hundred = statementsFor(100);
        assertEquals(five, hundred, () -> "statements for 5 departments vs 100: " + StatementCounter.recent());
        // page + totalCount + years + account lines + projects + project indicators
        assertEquals(6, hundred, () -> "statements: " + StatementCounter.recent());
    }
}
