package org.budgetnarrator.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A department's drafts, versions, reasons, review verdicts and proposals are its working data: its officers and
 * administrators read them; viewers, other departments' officers and anonymous readers (public reading on) read
 * only the published tables, their audit and frozen reports.
 */
@MicronautTest(transactional = false)
@Property(name = "narrator.security.public-read", value = "true")
@Property(name = "narrator.jobs.background", value = "false")
class WorkingDataAccessTest {

    @Inject
    @Client("/")
    HttpClient http;

    /** Each working field of Xianning 2024, asked alone. */
    private static final Map<String, String> WORKING = Map.of(
            "draft", "draft(section: TOTALS) { text }",
            "report", "report { text }",
            "draftVersions", "draftVersions { version text }",
            "reasons", "reasons { subject note }",
            "proposedReasons", "proposedReasons { subject }");

    private static JsonNode year(GraphQLClient client, String fields) {
        return client.query("{ department(code: \"XN-WB\") { year(year: 2024) { " + fields + " } } }");
    }

    private static String code(JsonNode result) {
        return result.path("errors").path(0).path("extensions").path("code").asText("");
    }

    @Test
    void onlyTheDepartmentsOfficersAndAdministratorsReadItsWorkingData() {
        new GraphQLClient(http, "officer-xn").query(
                "mutation { saveDraft(departmentCode: \"XN-WB\", year: 2024, section: TOTALS, text: \"未公开的稿子。\") { version } }");
        for (Map.Entry<String, String> field : WORKING.entrySet()) {
            for (String reader : List.of("officer-xn", "admin")) {
                JsonNode allowed = year(new GraphQLClient(http, reader), field.getValue());
                assertEquals("", code(allowed), field.getKey() + " as " + reader + ": " + allowed);
            }
            for (String reader : new String[] {"viewer", "officer-hn", null}) {
                JsonNode refused = year(new GraphQLClient(http, reader), field.getValue());
                assertEquals(reader == null ? "UNAUTHENTICATED" : "PERMISSION_DENIED", code(refused), field.getKey() + " as " + reader + ": " + refused);
                assertFalse(refused.toString().contains("未公开的稿子"), refused.toString());
            }
        }
    }

    @Test
    void reviewVerdictsAreShownOnlyToTheDepartment() {
        GraphQLClient officer = new GraphQLClient(http, "officer-xn");
        String fingerprint = year(officer, "audit { fingerprint }").path("data").path("department").path("year").path("audit").path(0)
                .path("fingerprint").asText();
        JsonNode reviewed = officer.query("mutation { reviewFinding(departmentCode: \"XN-WB\", year: 2024, fingerprint: \"" + fingerprint
                + "\", status: FALSE_ALARM, note: \"内部意见\") { fingerprint } }");
        assertEquals("", code(reviewed), reviewed.toString());
        String audit = "audit { fingerprint review { status note reviewedBy } }";
        assertTrue(year(officer, audit).toString().contains("内部意见"));
        assertTrue(year(new GraphQLClient(http, "admin"), audit).toString().contains("内部意见"));
        for (String reader : new String[] {"viewer", "officer-hn", null}) {
            JsonNode other = year(new GraphQLClient(http, reader), audit);
            assertEquals("", code(other), "the audit itself is published: " + other);
            assertTrue(other.path("data").path("department").path("year").path("audit").size() > 0);
            assertFalse(other.toString().contains("内部意见"), reader + " sees the verdict: " + other);
        }
    }

    @Test
    void publishedDataStaysReadableToEveryone() {
        for (String reader : new String[] {"viewer", "officer-hn", null}) {
            JsonNode published = year(new GraphQLClient(http, reader), "year accounts(classification: FUNCTIONAL) { code } frozenReports { contentHash } evaluation { suggestedTotal }");
            assertEquals("", code(published), reader + ": " + published);
        }
    }
}
