package org.budgetnarrator.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.budgetnarrator.model.imports.DepartmentYearImporter;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The audit over GraphQL: findings of a stored year, officers' verdicts that survive re-imports, checking a draft. */
@MicronautTest(transactional = false)
class AuditApiTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    DepartmentYearImporter importer;

    private JsonNode audit(String severity) {
        JsonNode result = new GraphQLClient(http).run("audit", "code", "XN-WB", "year", 2024, "severity", severity);
        assertTrue(result.path("errors").isMissingNode(), () -> result.path("errors").toString());
        return result.path("data").path("department").path("year").path("audit");
    }

    private static JsonNode rule(JsonNode findings, String rule, String found) {
        for (JsonNode f : findings) {
            if (f.path("ruleId").asText().equals(rule) && f.path("found").asText().equals(found)) {
                return f;
            }
        }
        throw new AssertionError("no " + rule + " " + found + " in " + findings);
    }

    @Test
    void xianningAuditListsItsErrorsWithPlacesInTheNarrative() {
        JsonNode errors = audit("ERROR");
        JsonNode fall = rule(errors, "N03", "9.4%");
        assertTrue(fall.path("message").asText().contains("7.72%"));
        JsonNode place = fall.path("subjects").get(0);
        assertEquals("FINAL_ACCOUNTS_NARRATIVE", place.path("document").asText());
        assertTrue(place.path("offset").asInt() > 0 && place.path("length").asInt() > 0);
        assertEquals(11, errors.size());
    }

    @Test
    void aFalseAlarmVerdictSurvivesReimportAndIsShownWithTheFinding() {
        JsonNode warning = rule(audit("WARNING"), "W06", "是是");
        String fingerprint = warning.path("fingerprint").asText();
        JsonNode reviewed = new GraphQLClient(http).run("review-finding", "code", "XN-WB", "year", 2024, "fingerprint", fingerprint,
                "status", "FALSE_ALARM", "note", "“主要是是”系原文笔误，已知").path("data").path("reviewFinding");
        assertEquals("FALSE_ALARM", reviewed.path("review").path("status").asText());

        byte[] xianning = Documents.json(Documents.demo("xianning-2024.json"));
        assertTrue(importer.importContent("xianning-again.json", xianning).stored());
        JsonNode again = rule(audit("WARNING"), "W06", "是是");
        assertEquals(fingerprint, again.path("fingerprint").asText());
        assertEquals("FALSE_ALARM", again.path("review").path("status").asText());
        assertEquals("“主要是是”系原文笔误，已知", again.path("review").path("note").asText());
    }

    @Test
    void reviewingAFindingThatDoesNotExistIsNotFound() {
        JsonNode result = new GraphQLClient(http).run("review-finding", "code", "XN-WB", "year", 2024, "fingerprint", "nope",
                "status", "ACCEPTED");
        assertEquals("NOT_FOUND", result.path("errors").get(0).path("extensions").path("code").asText());
    }

    @Test
    void checkingADraftFindsAWrongShareAndStoresNothing() {
        JsonNode findings = new GraphQLClient(http).run("check-narrative", "code", "XN-WB", "year", 2024,
                "text", "1.一般公共服务（类）支出 347.04 万元，占 18 %。").path("data").path("checkNarrative");
        assertEquals(1, findings.size());
        assertEquals("N04", findings.get(0).path("ruleId").asText());
        assertEquals("draft", findings.get(0).path("subjects").get(0).path("document").asText());
    }
}
