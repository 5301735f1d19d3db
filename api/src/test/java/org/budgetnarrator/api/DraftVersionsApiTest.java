package org.budgetnarrator.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Saved draft versions: edits, conflicts, regeneration that respects edits, restoring; frozen reports. */
@MicronautTest(transactional = false)
class DraftVersionsApiTest {

    @Inject
    @Client("/")
    HttpClient http;

    private GraphQLClient client() {
        return new GraphQLClient(http);
    }

    private static String code(JsonNode result) {
        return result.path("errors").get(0).path("extensions").path("code").asText();
    }

    @Test
    void editsAreNewVersionsRegenerationRespectsThemAndOldVersionsRestore() {
        JsonNode v1 = client().run("versions", "code", "HN-WB", "year", 2024, "section", "SELF_EVALUATION_DEVIATION").path("data").path("regenerateDraft");
        assertEquals(1, v1.path("version").asInt());
        assertEquals("GENERATED", v1.path("origin").asText());
        String generated = v1.path("text").asText();

        JsonNode v2 = client().run("save-draft", "code", "HN-WB", "year", 2024, "section", "SELF_EVALUATION_DEVIATION", "base", 1,
                "text", generated + "（已人工修改）").path("data").path("saveDraft");
        assertEquals(2, v2.path("version").asInt());
        assertEquals(1, v2.path("baseVersion").asInt());
        assertEquals("EDITED", v2.path("origin").asText());

        // Someone else's save based on version 1 is a conflict, shown, not lost.
        JsonNode conflict = client().run("save-draft", "code", "HN-WB", "year", 2024, "section", "SELF_EVALUATION_DEVIATION", "base", 1, "text", "另一人的修改");
        assertEquals("CONFLICT", code(conflict));
        assertTrue(conflict.path("errors").get(0).path("message").asText().contains("version 2"));

        // Regenerating does not overwrite the edited version unless forced.
        assertEquals("CONFLICT", code(client().run("versions", "code", "HN-WB", "year", 2024, "section", "SELF_EVALUATION_DEVIATION")));
        JsonNode v3 = client().run("versions", "code", "HN-WB", "year", 2024, "section", "SELF_EVALUATION_DEVIATION", "force", true).path("data").path("regenerateDraft");
        assertEquals(3, v3.path("version").asInt());

        JsonNode restored = client().query("mutation { restoreDraftVersion(departmentCode: \"HN-WB\", year: 2024, section: SELF_EVALUATION_DEVIATION, version: 2) "
                + "{ version origin text } }").path("data").path("restoreDraftVersion");
        assertEquals(4, restored.path("version").asInt());
        assertEquals("RESTORED", restored.path("origin").asText());
        assertTrue(restored.path("text").asText().endsWith("（已人工修改）"));

        JsonNode listed = client().query("{ department(code: \"HN-WB\") { year(year: 2024) { draftVersions(section: SELF_EVALUATION_DEVIATION) { version origin } } } }")
                .path("data").path("department").path("year").path("draftVersions");
        assertEquals(4, listed.size());
    }

    @Test
    void polishWithoutAConfiguredModelIsUnavailableAndNamesTheMissingSetting() {
        JsonNode result = client().run("regenerate-mode", "code", "XN-WB", "year", 2024, "section", "TOTALS", "mode", "POLISH");
        assertEquals("UNAVAILABLE", code(result));
        assertTrue(result.path("errors").get(0).path("message").asText().contains("narrator.llm.base-url"), result.toString());
    }

    @Test
    void aFrozenReportCarriesItsHashAndNeverChanges() {
        String freeze = "mutation { freezeReport(departmentCode: \"XN-WB\", year: 2024) { style text contentHash templates frozenAt } }";
        JsonNode first = client().query(freeze).path("data").path("freezeReport");
        assertEquals(64, first.path("contentHash").asText().length());
        assertTrue(first.path("text").asText().contains("下降7.7%"));
        assertTrue(first.path("templates").asText().contains("general-budget.ftl"));
        JsonNode again = client().query(freeze).path("data").path("freezeReport");
        assertEquals(first.path("contentHash").asText(), again.path("contentHash").asText());
        assertEquals(first.path("frozenAt").asText(), again.path("frozenAt").asText(), "the same content is the same frozen report");

        JsonNode otherStyle = client().query("mutation { freezeReport(departmentCode: \"XN-WB\", year: 2024, style: \"default\") { contentHash } }")
                .path("data").path("freezeReport");
        assertNotEquals(first.path("contentHash").asText(), otherStyle.path("contentHash").asText());
        JsonNode listed = client().query("{ department(code: \"XN-WB\") { year(year: 2024) { frozenReports { contentHash } } } }")
                .path("data").path("department").path("year").path("frozenReports");
        assertEquals(2, listed.size());
    }
}
