package org.budgetnarrator.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A long text is checked in time linear in its length: a long run of digits no longer holds a core for minutes. */
@MicronautTest(transactional = false)
class LongTextCheckTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Test
    void aTextWithALongRunOfDigitsIsCheckedAndItsFindingsAnswered() {
        StringBuilder text = new StringBuilder("1.一般公共服务（类）支出 347.04 万元，占 18 %。\n");
        while (text.length() < 100_000) {
            text.append("1234567890");
        }
        text.setLength(100_000);
        JsonNode result = new GraphQLClient(http, "viewer").run("check-narrative", "code", "XN-WB", "year", 2024, "text", text.toString());
        assertTrue(result.path("errors").isMissingNode(), () -> result.path("errors").toString());
        JsonNode findings = result.path("data").path("checkNarrative");
        assertEquals(1, findings.size(), findings::toString);
        assertEquals("N04", findings.get(0).path("ruleId").asText());
    }
}
