package org.budgetnarrator.api;

import org.budgetnarrator.api.support.WithEchoModel;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * regenerateDraft in POLISH mode against a local OpenAI-compatible server that rewords the draft it is sent
 * (faithfully, or adding a number): the stored version is the model's text or the template's with the reason,
 * and the same facts drafted again call no model.
 */
@MicronautTest(transactional = false)
class PolishApiTest extends WithEchoModel {

    @Inject
    @Client("/")
    HttpClient http;

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
        model.invent = false;
        JsonNode template = regenerate("TEMPLATE");
        assertEquals("TEMPLATE", template.path("mode").asText());

        int before = model.calls();
        JsonNode polished = regenerate("POLISH");
        assertEquals("POLISH", polished.path("mode").asText());
        assertEquals("polish.v1", polished.path("promptVersion").asText());
        assertEquals("stub-model", polished.path("model").asText());
        assertTrue(polished.path("fallbackReason").isNull(), polished.toString());
        assertEquals(template.path("text").asText().replace("主要用于", "主要用于保障"), polished.path("text").asText());
        assertEquals(before + 1, model.calls());

        JsonNode again = regenerate("POLISH");
        assertEquals(polished.path("text").asText(), again.path("text").asText());
        assertEquals(before + 1, model.calls(), "unchanged facts: the accepted answer is reused, no model call");
    }

    @Test
    void anInventedNumberIsRefusedAndTheTemplateStoredWithTheReason() {
        model.invent = true;
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
            model.invent = false;
        }
    }

    @Test
    void suggestReasonsAsksNoModelWhenNoReasonIsMissingAndOnlyForOnesOwnDepartment() {
        // Xianning's published reasons are all recorded: no line lacks one, so the model is not asked at all.
        int before = model.calls();
        JsonNode result = new GraphQLClient(http, "officer-xn").query("mutation { suggestReasons(departmentCode: \"XN-WB\", year: 2024) "
                + "{ suggestions { subject code } fallbackReason promptVersion model } }");
        assertTrue(result.path("errors").isMissingNode(), result::toString);
        JsonNode s = result.path("data").path("suggestReasons");
        assertEquals("suggest-reasons.v1", s.path("promptVersion").asText());
        assertEquals(0, s.path("suggestions").size());
        assertTrue(s.path("fallbackReason").isNull(), s.toString());
        assertEquals(before, model.calls(), "no gap, no model call");
        assertEquals("PERMISSION_DENIED", new GraphQLClient(http, "officer-hn").query("mutation { suggestReasons(departmentCode: \"XN-WB\", "
                + "year: 2024) { fallbackReason } }").path("errors").get(0).path("extensions").path("code").asText());
    }

    @Test
    void aBulkJobInPolishModeWritesThePolishedReports() throws Exception {
        GraphQLClient admin = new GraphQLClient(http);
        JsonNode started = admin.run("start-bulk-draft", "year", 2024, "mode", "POLISH", "format", "MARKDOWN",
                "filter", Map.of("region", "咸宁")).path("data").path("startBulkDraft");
        assertEquals("POLISH", started.path("mode").asText(), started.toString());
        JsonNode job;
        long deadline = System.nanoTime() + 60_000_000_000L;
        do {
            Thread.sleep(200);
            job = admin.run("draft-job", "id", started.path("id").asText()).path("data").path("draftJob");
        } while (!job.path("status").asText().equals("FINISHED") && System.nanoTime() < deadline);
        assertEquals(1, job.path("done").asInt(), job.toString());
        byte[] zip = http.toBlocking().retrieve(io.micronaut.http.HttpRequest.GET(job.path("downloadPath").asText())
                .bearerAuth(GraphQLClient.token(http, "admin")), byte[].class);
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            assertEquals("XN-WB-2024.md", in.getNextEntry().getName());
            assertTrue(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).contains("主要用于保障"));
        }
        assertEquals("BAD_USER_INPUT", admin.run("start-bulk-draft", "year", 2024, "mode", "POLISH", "format", "JSON")
                .path("errors").get(0).path("extensions").path("code").asText());
    }

    @Test
    void suggestReasonsDoesNotRegenerateText() {
        JsonNode result = new GraphQLClient(http).run("regenerate-mode", "code", "XN-WB", "year", 2024, "section", "TOTALS", "mode", "SUGGEST_REASONS");
        assertEquals("BAD_USER_INPUT", result.path("errors").get(0).path("extensions").path("code").asText());
    }
}
