package org.budgetnarrator.api;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Health, readiness (database and migrations) and Prometheus metrics by GraphQL operation, as an administrator sees
 * them (anyone else gets the status only: ManagementEndpointsTest).
 */
@MicronautTest(transactional = false)
class OperationsTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Test
    void healthAndReadinessReportTheDatabaseAndMigrations() throws java.io.IOException {
        long migrations;
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of("../model/src/main/resources/db/migration/sqlite"))) {
            migrations = files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql")).count();
        }
        String admin = GraphQLClient.token(http, "admin");
        Map<?, ?> health = http.toBlocking().retrieve(HttpRequest.GET("/health").bearerAuth(admin), Map.class);
        assertEquals("UP", health.get("status"));
        String readiness = http.toBlocking().retrieve(HttpRequest.GET("/health/readiness").bearerAuth(admin), String.class);
        assertTrue(readiness.contains("\"migrations\"") && readiness.contains("\"installed\":" + migrations)
                && readiness.contains("\"expected\":" + migrations), readiness);
        assertTrue(readiness.contains("\"UP\""), readiness);
        String full = http.toBlocking().retrieve(HttpRequest.GET("/health").bearerAuth(admin), String.class);
        assertTrue(full.contains("\"model\"") && full.contains("\"configured\":false") && full.contains("narrator.llm.base-url"),
                "the model's health says it is not configured and what is missing: " + full);
    }

    @Test
    void metricsCountRequestsByOperation() {
        String admin = GraphQLClient.token(http, "admin");
        new GraphQLClient(http).query("query SeedsList { departments(first: 2) { totalCount } }");
        String metrics = new String(http.toBlocking().retrieve(HttpRequest.GET("/prometheus").bearerAuth(admin), byte[].class),
                java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(metrics.contains("narrator_graphql_requests_seconds_count{") && metrics.contains("operation=\"SeedsList\""), metrics);
        new GraphQLClient(http).query("{ department(code: \"XN-WB\") { year(year: 2024) { draft(section: TOTALS) { text } } } }");
        new GraphQLClient(http).query("mutation { importDepartmentYear(document: \"{}\") { stored } }");
        String after = new String(http.toBlocking().retrieve(HttpRequest.GET("/prometheus").bearerAuth(admin), byte[].class), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(after.contains("narrator_drafts_total{section=\"TOTALS\"}"), after);
        assertTrue(after.contains("narrator_import_errors_total"), after);
        assertTrue(after.contains("narrator_model_calls_total") && after.contains("narrator_model_polish_total{outcome=\"fallback\"}"), after);
        java.util.regex.Matcher statements = java.util.regex.Pattern.compile("(?m)^narrator_sql_statements_total (\\S+)$").matcher(after);
        assertTrue(statements.find() && Double.parseDouble(statements.group(1)) > 0, "SQL statements are counted: " + after);
    }
}
