package org.budgetnarrator.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Self-evaluation scoring and indicator values over GraphQL. */
@MicronautTest(transactional = false)
class EvaluationApiTest {

    @Inject
    @Client("/")
    HttpClient http;

    private JsonNode year(String code, int year, String profile) {
        JsonNode result = new GraphQLClient(http).run("evaluation", "code", code, "year", year, "profile", profile);
        assertTrue(result.path("errors").isMissingNode(), () -> result.path("errors").toString());
        return result.path("data").path("department").path("year");
    }

    @Test
    void hunanScoresEightPointFourSevenForBudgetExecutionAndNinetyEightPointFourSevenInTotal() {
        JsonNode e = year("HN-WB", 2024, null).path("evaluation");
        assertEquals("national", e.path("profile").asText());
        assertTrue(e.path("profileTitle").asText().contains("财预〔2020〕10号"), e.path("profileTitle").asText());
        assertEquals("84.65", e.path("budgetExecutionRate").asText());
        assertEquals("8.47", e.path("budgetExecutionScore").asText());
        assertEquals("98.47", e.path("suggestedTotal").asText());
        assertEquals("98.47", e.path("recordedTotal").asText());
        assertFalse(e.path("differs").asBoolean());
    }

    @Test
    void aRegionalProfileGivingTheBudgetRowTwentyPointsIsNamedInTheResult() {
        JsonNode e = year("HN-WB", 2024, "budget20").path("evaluation");
        assertEquals("budget20", e.path("profile").asText());
        assertEquals("16.93", e.path("budgetExecutionScore").asText());
    }

    @Test
    void indicatorsExposeRawTextParsedValueAndEvaluation() {
        JsonNode indicators = year("HN-WB", 2024, null).path("indicators");
        JsonNode visits = indicators.get(3);
        assertEquals("≥100 人 次", visits.path("target").asText());
        assertEquals("COMPARISON", visits.path("targetValue").path("kind").asText());
        assertEquals("GE", visits.path("targetValue").path("operator").asText());
        assertEquals("100", visits.path("targetValue").path("number").asText());
        assertEquals("人次", visits.path("targetValue").path("unit").asText());
        assertEquals("EXCEEDED", visits.path("evaluation").path("status").asText());
        assertEquals("1.3", visits.path("evaluation").path("completionRatio").asText());
        assertEquals("2", visits.path("evaluation").path("suggestedScore").asText());
    }

    @Test
    void anUnknownProfileIsBadUserInput() {
        JsonNode result = new GraphQLClient(http).run("evaluation", "code", "HN-WB", "year", 2024, "profile", "nowhere");
        assertEquals("BAD_USER_INPUT", result.path("errors").get(0).path("extensions").path("code").asText());
    }

    @Test
    void theShippedProfilesAreListed() {
        JsonNode profiles = new GraphQLClient(http).query("{ scoringProfiles { name title budgetExecutionWeight qualitativeBands { from to } } }")
                .path("data").path("scoringProfiles");
        assertEquals(3, profiles.size());
    }
}
