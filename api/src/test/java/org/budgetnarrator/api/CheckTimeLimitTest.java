package org.budgetnarrator.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.budgetnarrator.model.imports.DepartmentYearImporter;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The request's time limit reaches inside the narrative check and the audit: a check or an audit of a long text
 * stops at it with TIMEOUT, and no thread is left checking for a client that has its answer.
 */
@MicronautTest(transactional = false)
@Property(name = "narrator.graphql.timeout", value = "50ms")
class CheckTimeLimitTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    DepartmentYearImporter importer;

    /** Xianning's narrative, repeated to the given length. */
    @SuppressWarnings("unchecked")
    private static String longNarrative(int length) {
        List<Map<String, Object>> documents = (List<Map<String, Object>>) Documents.demo("xianning-2024.json").get("documents");
        String narrative = (String) documents.get(0).get("text");
        StringBuilder text = new StringBuilder();
        while (text.length() < length) {
            text.append(narrative).append('\n');
        }
        text.setLength(length);
        return text.toString();
    }

    /** Threads inside the audit's code (the narrative checker, the table rules). */
    private static List<String> threadsChecking() {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(e -> Arrays.stream(e.getValue()).anyMatch(f -> f.getClassName().startsWith("org.budgetnarrator.drafting.audit.")))
                .map(e -> e.getKey().getName()).toList();
    }

    private static void assertTimeoutAndNoThreadLeft(JsonNode result) {
        assertEquals("TIMEOUT", result.path("errors").path(0).path("extensions").path("code").asText(), result::toString);
        assertEquals(List.of(), threadsChecking());
    }

    @Test
    void aCheckOfALongTextStopsAtTheTimeLimit() {
        GraphQLClient client = new GraphQLClient(http, "viewer");
        // Warm the path first, so that the long check's fields start well within the limit.
        client.run("check-narrative", "code", "XN-WB", "year", 2024, "text", "机关运行经费支出 31.93 万元。");
        JsonNode result = client.run("check-narrative", "code", "XN-WB", "year", 2024, "text", longNarrative(100_000));
        assertTimeoutAndNoThreadLeft(result);
        assertTrue(result.path("data").path("checkNarrative").isMissingNode() || result.path("data").path("checkNarrative").isNull(),
                result::toString);
    }

    @Test
    @SuppressWarnings("unchecked")
    void anAuditOfALongStoredNarrativeStopsAtTheTimeLimit() {
        Map<String, Object> doc = Documents.demo("xianning-2024.json");
        ((Map<String, Object>) doc.get("department")).put("code", "XN-LONG");
        ((List<Map<String, Object>>) doc.get("documents")).get(0).put("text", longNarrative(60_000));
        assertTrue(importer.importContent("xianning-long.json", Documents.json(doc)).stored());
        GraphQLClient client = new GraphQLClient(http);
        client.run("audit", "code", "XN-WB", "year", 2024);
        JsonNode result = client.run("audit", "code", "XN-LONG", "year", 2024);
        assertTimeoutAndNoThreadLeft(result);
    }
}
