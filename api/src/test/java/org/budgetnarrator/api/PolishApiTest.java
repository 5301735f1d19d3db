package org.budgetnarrator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * regenerateDraft in POLISH mode against a local OpenAI-compatible server that rewords the draft it is sent
 * (faithfully, or adding a number): the stored version is the model's text or the template's with the reason,
 * and the same facts drafted again call no model.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PolishApiTest implements TestPropertyProvider {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private volatile boolean invent;
    private final AtomicInteger calls = new AtomicInteger();
    private HttpServer model;

    @Inject
    @Client("/")
    HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        try {
            model = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        model.createContext("/v1/chat/completions", exchange -> {
            calls.incrementAndGet();
            JsonNode request = MAPPER.readTree(exchange.getRequestBody());
            JsonNode messages = request.path("messages");
            String draft = MAPPER.readTree(messages.get(messages.size() - 1).path("content").asText()).path("draft").asText();
            String text = draft.replace("主要用于", "主要用于保障") + (invent ? "另安排专项资金12.5万元。" : "");
            byte[] body = MAPPER.writeValueAsBytes(Map.of("id", "x", "object", "chat.completion", "created", 1, "model", "stub-model",
                    "choices", List.of(Map.of("index", 0, "finish_reason", "stop",
                            "message", Map.of("role", "assistant", "content", MAPPER.writeValueAsString(Map.of("text", text))))),
                    "usage", Map.of("prompt_tokens", 1, "completion_tokens", 1, "total_tokens", 2)));
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        model.start();
        return Map.of("narrator.llm.base-url", "http://127.0.0.1:" + model.getAddress().getPort() + "/v1",
                "narrator.llm.model", "stub-model", "narrator.llm.backoff", "10ms");
    }

    @AfterAll
    void stopModel() {
        model.stop(0);
    }

    private JsonNode regenerate(String mode) {
        return regenerate("GENERAL_BUDGET", mode);
    }

    private JsonNode regenerate(String section, String mode) {
        JsonNode result = new GraphQLClient(http).run("regenerate-mode", "code", "XN-WB", "year", 2024, "section", section,
                "mode", mode, "force", true);
        assertTrue(result.path("errors").isMissingNode(), () -> result.toString());
        return result.path("data").path("regenerateDraft");
    }

    @Test
    void aFaithfulPolishIsStoredAndTheSameFactsAgainCallNoModel() {
        invent = false;
        JsonNode template = regenerate("TEMPLATE");
        assertEquals("TEMPLATE", template.path("mode").asText());

        int before = calls.get();
        JsonNode polished = regenerate("POLISH");
        assertEquals("POLISH", polished.path("mode").asText());
        assertEquals("polish.v1", polished.path("promptVersion").asText());
        assertEquals("stub-model", polished.path("model").asText());
        assertTrue(polished.path("fallbackReason").isNull(), polished.toString());
        assertEquals(template.path("text").asText().replace("主要用于", "主要用于保障"), polished.path("text").asText());
        assertEquals(before + 1, calls.get());

        JsonNode again = regenerate("POLISH");
        assertEquals(polished.path("text").asText(), again.path("text").asText());
        assertEquals(before + 1, calls.get(), "unchanged facts: the accepted answer is reused, no model call");
    }

    @Test
    void anInventedNumberIsRefusedAndTheTemplateStoredWithTheReason() {
        invent = true;
        try {
            // Another section than the faithful test's, whose accepted answer is cached.
            JsonNode template = regenerate("TOTALS", "TEMPLATE");
            JsonNode polished = regenerate("TOTALS", "POLISH");
            assertEquals("POLISH", polished.path("mode").asText());
            assertEquals(template.path("text").asText(), polished.path("text").asText(), "the template draft is kept");
            assertFalse(polished.path("text").asText().contains("12.5"));
            assertTrue(polished.path("fallbackReason").asText().contains("“12.5”"), polished.toString());
            JsonNode listed = new GraphQLClient(http).query("{ department(code: \"XN-WB\") { year(year: 2024) { "
                    + "draftVersions(section: TOTALS) { version mode fallbackReason } } } }")
                    .path("data").path("department").path("year").path("draftVersions");
            JsonNode last = listed.get(listed.size() - 1);
            assertEquals(polished.path("version").asInt(), last.path("version").asInt());
            assertTrue(last.path("fallbackReason").asText().contains("12.5"), "the reason is kept with the stored draft");
        } finally {
            invent = false;
        }
    }

    @Test
    void suggestReasonsAsksNoModelWhenNoReasonIsMissingAndOnlyForOnesOwnDepartment() {
        // Xianning's published reasons are all recorded: no line lacks one, so the model is not asked at all.
        int before = calls.get();
        JsonNode result = new GraphQLClient(http, "officer-xn").query("mutation { suggestReasons(departmentCode: \"XN-WB\", year: 2024) "
                + "{ suggestions { subject code } fallbackReason promptVersion model } }");
        assertTrue(result.path("errors").isMissingNode(), result::toString);
        JsonNode s = result.path("data").path("suggestReasons");
        assertEquals("suggest-reasons.v1", s.path("promptVersion").asText());
        assertEquals(0, s.path("suggestions").size());
        assertTrue(s.path("fallbackReason").isNull(), s.toString());
        assertEquals(before, calls.get(), "no gap, no model call");
        assertEquals("PERMISSION_DENIED", new GraphQLClient(http, "officer-hn").query("mutation { suggestReasons(departmentCode: \"XN-WB\", "
                + "year: 2024) { fallbackReason } }").path("errors").get(0).path("extensions").path("code").asText());
    }

    @Test
    void suggestReasonsDoesNotRegenerateText() {
        JsonNode result = new GraphQLClient(http).run("regenerate-mode", "code", "XN-WB", "year", 2024, "section", "TOTALS", "mode", "SUGGEST_REASONS");
        assertEquals("BAD_USER_INPUT", result.path("errors").get(0).path("extensions").path("code").asText());
    }
}
