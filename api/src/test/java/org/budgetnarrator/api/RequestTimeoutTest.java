package org.budgetnarrator.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** A request that runs past the configured time limit stops fetching and says so. */
@MicronautTest(transactional = false)
@Property(name = "narrator.graphql.timeout", value = "0ms")
class RequestTimeoutTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Test
    void aRequestPastItsTimeLimitGetsTimeoutErrors() throws Exception {
        GraphQLClient client = new GraphQLClient(http);
        Thread.sleep(5);
        JsonNode result = client.query("{ departments(first: 4) { nodes { code departmentYears { accounts(classification: FUNCTIONAL) { code } "
                + "projects(first: 10) { nodes { name indicators { name } } } } } } }");
        assertTrue(result.toString().contains("\"TIMEOUT\""), result.toString());
    }
}
