package org.budgetnarrator.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.budgetnarrator.model.db.StatementCounter;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Over-limit queries get a clear error before any SQL runs; introspection can be switched off. */
@MicronautTest(transactional = false)
// Statements are counted: no background drafting worker polling meanwhile, nor the health monitor (every minute).
@Property(name = "narrator.jobs.background", value = "false")
@Property(name = "micronaut.health.monitor.enabled", value = "false")
@Property(name = "narrator.graphql.max-depth", value = "6")
@Property(name = "narrator.graphql.max-complexity", value = "3000")
@Property(name = "narrator.graphql.introspection", value = "false")
class QueryLimitsTest {

    @Inject
    @Client("/")
    HttpClient http;

    private JsonNode refused(String query, String code) {
        GraphQLClient client = new GraphQLClient(http);
        client.query("{ me { username } }"); // signs in first, so the count below is the query's alone
        long before = StatementCounter.count();
        JsonNode result = client.query(query);
        assertEquals(code, result.path("errors").get(0).path("extensions").path("code").asText(), result.toString());
        // One statement: the bearer token's check against the stored user, before the query is looked at.
        assertEquals(before + 1, StatementCounter.count(), "no SQL ran for the refused query but the token check");
        return result;
    }

    @Test
    void aQueryDeeperThanTheLimitIsRefusedBeforeAnySql() {
        refused("{ department(code: \"XN-WB\") { year(year: 2024) { previousYear { previousYear { previousYear { previousYear { year } } } } } } }",
                "QUERY_TOO_DEEP");
    }

    @Test
    void aQueryTooComplexIsRefusedCountingPageSizes() {
        JsonNode result = refused("{ departments(first: 100) { nodes { departmentYears { projects(first: 100) { nodes { name code } } } } } }",
                "QUERY_TOO_COMPLEX");
        assertTrue(result.path("errors").get(0).path("message").asText().contains("complexity"));
        JsonNode small = new GraphQLClient(http).query("{ departments(first: 5) { nodes { departmentYears { projects(first: 5) { nodes { name } } } } } }");
        assertTrue(small.path("errors").isMissingNode(), small.toString());
    }

    @Test
    void introspectionCanBeSwitchedOff() {
        JsonNode result = new GraphQLClient(http).query("{ __schema { types { name } } }");
        assertEquals("GRAPHQL_VALIDATION_FAILED", result.path("errors").get(0).path("extensions").path("code").asText(), result.toString());
    }
}
