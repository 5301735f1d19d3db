package org.budgetnarrator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.budgetnarrator.model.db.StatementCounter;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every request input is bounded before any work starts: the body (size, nesting, number and string lengths), the
 * query text, each argument's length, list size and characters, and numbers' digits and exponents. Over a bound is
 * a 4xx or BAD_USER_INPUT naming what was too big, never a 500 or INTERNAL, and nothing is stored.
 */
@MicronautTest(transactional = false)
@Property(name = "narrator.jobs.background", value = "false")
// Micronaut's health monitor polls readiness (a statement) in the background, which would land in statement counts.
@Property(name = "micronaut.health.monitor.enabled", value = "false")
// Bodies of tens of megabytes, on a machine shared with other builds: the client's default 10 s is too short.
@Property(name = "micronaut.http.client.read-timeout", value = "120s")
class RequestBoundsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Inject
    EmbeddedServer server;

    @Inject
    @Client("/")
    HttpClient micronautClient;

    @Inject
    DataSource dataSource;

    private final java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();

    private HttpResponse<String> post(String accept, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(server.getURI().resolve("/graphql"))
                .header("Authorization", "Bearer " + GraphQLClient.token(micronautClient, "admin"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (accept != null) {
            b.header("Accept", accept);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return MAPPER.readTree(response.body());
    }

    private static JsonNode firstError(JsonNode result) {
        return result.path("errors").path(0);
    }

    private static void assertBadUserInput(JsonNode result, String... mentions) {
        JsonNode error = firstError(result);
        assertEquals("BAD_USER_INPUT", error.path("extensions").path("code").asText(), result.toString());
        for (String mention : mentions) {
            assertTrue(error.path("message").asText().contains(mention), "message names " + mention + ": " + result);
        }
    }

    private GraphQLClient admin() {
        return new GraphQLClient(micronautClient);
    }

    private String snapshot() {
        return Database.snapshot(dataSource);
    }

    @Test
    void deeplyNestedJsonIs400WithAGraphqlErrorNamingTheDepth() throws Exception {
        String nested = "[".repeat(100_000) + "]".repeat(100_000);
        for (String accept : new String[] {"application/json", "application/graphql-response+json"}) {
            HttpResponse<String> r = post(accept, "{\"query\":\"query Q($v: [String]) { __typename }\",\"variables\":{\"v\":" + nested + "}}");
            assertEquals(400, r.statusCode(), r.body());
            JsonNode error = firstError(json(r));
            assertEquals("BAD_REQUEST", error.path("extensions").path("code").asText(), r.body());
            assertTrue(error.path("message").asText().contains("nest"), r.body());
        }
    }

    @Test
    void aThousandDigitNumberIsRefusedNamingItsLength() throws Exception {
        String digits = "9".repeat(1000);
        HttpResponse<String> r = post("application/graphql-response+json",
                "{\"query\":\"query Q($y: Int!) { department(code: \\\"XN-WB\\\") { year(year: $y) { year } } }\",\"variables\":{\"y\":" + digits + "}}");
        assertEquals(400, r.statusCode(), r.body());
        JsonNode error = firstError(json(r));
        assertTrue(error.path("message").asText().contains("number"), r.body());
        assertFalse(r.body().contains(digits), "the answer does not echo the number");

        // The same number as a literal in the query text: refused by the Int type, not an internal error.
        JsonNode literal = admin().query("{ department(code: \"XN-WB\") { year(year: " + digits + ") { year } } }");
        assertFalse("INTERNAL".equals(firstError(literal).path("extensions").path("code").asText()), literal.toString());
        assertTrue(literal.path("data").path("department").isMissingNode() || literal.path("data").isNull(), literal.toString());
    }

    @Test
    void aHugeExponentAsAnIntVariableIsBadUserInputAndNothingRuns() throws Exception {
        String before = snapshot();
        for (String value : new String[] {"1e2147483647", "1E+2147483647", "1e-2147483647", "12345678901"}) {
            HttpResponse<String> year = post(null, "{\"query\":\"mutation S($y: Int!) { saveDraft(departmentCode: \\\"XN-WB\\\", year: $y, "
                    + "section: TOTALS, text: \\\"x\\\") { version } }\",\"variables\":{\"y\":" + value + "}}");
            assertEquals(200, year.statusCode(), year.body());
            assertBadUserInput(json(year), "'y'", "expected an Int");
        }
        // An exponent beyond what a decimal can hold at all is refused while the body is read.
        HttpResponse<String> overflow = post("application/graphql-response+json",
                "{\"query\":\"query Q($y: Int!) { department(code: \\\"XN-WB\\\") { year(year: $y) { year } } }\",\"variables\":{\"y\":1e99999999999}}");
        assertEquals(400, overflow.statusCode(), overflow.body());
        assertEquals(before, snapshot());
    }

    @Test
    void aNulByteInAStringArgumentIsBadUserInputNamingTheArgumentAndNothingIsStored() {
        String before = snapshot();
        JsonNode text = admin().run("save-draft", "code", "XN-WB", "year", 2024, "section", "TOTALS", "text", "正文\u0000后文");
        assertBadUserInput(text, "saveDraft.text", "control character");
        JsonNode note = admin().run("set-reasons", "code", "XN-WB", "year", 2024, "subject", "account:2013501", "aspect", "BUDGET",
                "reasons", List.of(Map.of("note", "好"), Map.of("note", "压减\u0007会议费")));
        assertBadUserInput(note, "setReasons.reasons[1].note");
        JsonNode inline = admin().query("{ department(code: \"XN\\u0000WB\") { name } }");
        assertBadUserInput(inline, "department.code");
        assertEquals(before, snapshot());

        // Tab, carriage return and line feed are text.
        JsonNode saved = admin().run("save-draft", "code", "XN-WB", "year", 2024, "section", "TOTALS", "text", "一\t二\r\n三");
        assertEquals("一\t二\r\n三", saved.path("data").path("saveDraft").path("text").asText(), saved.toString());
    }

    @Test
    void setReasonsWithAHundredThousandReasonsIsRefusedBeforeAnySql() {
        GraphQLClient client = admin();
        client.query("{ me { username } }");
        String before = snapshot();
        List<Map<String, String>> reasons = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            reasons.add(Map.of("code", "PERSONNEL_OUT"));
        }
        long statements = StatementCounter.count();
        JsonNode result = client.run("set-reasons", "code", "XN-WB", "year", 2024, "subject", "account:2013501", "aspect", "BUDGET",
                "reasons", reasons);
        // One statement: the bearer token's check against the stored user; nothing of the mutation ran.
        assertEquals(statements + 1, StatementCounter.count(), "no SQL ran but the token check");
        assertBadUserInput(result, "setReasons.reasons: at most 50 items, got 100000");
        assertTrue(result.path("data").isNull() || result.path("data").isMissingNode(), result.toString());
        assertEquals(before, snapshot());

        JsonNode fifty = client.run("set-reasons", "code", "XN-WB", "year", 2024, "subject", "account:2013501", "aspect", "BUDGET",
                "reasons", reasons.subList(0, 50));
        assertEquals(50, fifty.path("data").path("setReasons").size(), fifty.toString());
    }

    @Test
    void stringArgumentsHaveLengthLimitsAndAStringAtItsLimitIsAccepted() {
        String before = snapshot();
        JsonNode tooLong = admin().run("save-draft", "code", "XN-WB", "year", 2024, "section", "TOTALS", "text", "字".repeat(200_001));
        assertBadUserInput(tooLong, "saveDraft.text: at most 200000 characters, got 200001");
        JsonNode longCode = admin().run("save-draft", "code", "X".repeat(1001), "year", 2024, "section", "TOTALS", "text", "x");
        assertBadUserInput(longCode, "saveDraft.departmentCode: at most 1000 characters, got 1001");
        JsonNode longNote = admin().run("set-reasons", "code", "XN-WB", "year", 2024, "subject", "account:2013501", "aspect", "BUDGET",
                "reasons", List.of(Map.of("note", "注".repeat(2001))));
        assertBadUserInput(longNote, "setReasons.reasons[0].note: at most 2000 characters, got 2001");
        JsonNode nested = admin().query("query Q($p: String) { department(code: \"XN-WB\") { year(year: 2024) { evaluation(profile: $p) { profile } } } }",
                "p", "p".repeat(1001));
        assertBadUserInput(nested, "department.year.evaluation.profile");
        JsonNode check = admin().run("check-narrative", "code", "XN-WB", "year", 2024, "text", "字".repeat(200_001));
        assertBadUserInput(check, "checkNarrative.text");
        assertEquals(before, snapshot());

        String atLimit = "字".repeat(200_000);
        JsonNode saved = admin().run("save-draft", "code", "XN-WB", "year", 2024, "section", "TOTALS", "text", atLimit);
        assertEquals(atLimit, saved.path("data").path("saveDraft").path("text").asText(), saved.path("errors").toString());
        JsonNode note = admin().run("set-reasons", "code", "XN-WB", "year", 2024, "subject", "account:2013501", "aspect", "BUDGET",
                "reasons", List.of(Map.of("note", "注".repeat(2000))));
        assertEquals(2000, note.path("data").path("setReasons").path(0).path("note").asText().length(), note.path("errors").toString());
    }

    @Test
    void aQueryTextOverItsLimitIs400BeforeParsing() throws Exception {
        String query = "{ __typename }" + " ".repeat(100_001);
        HttpResponse<String> r = post(null, MAPPER.writeValueAsString(Map.of("query", query)));
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(firstError(json(r)).path("message").asText().contains("at most 100000"), r.body());
        HttpResponse<String> fits = post(null, MAPPER.writeValueAsString(Map.of("query", "{ __typename }" + " ".repeat(90_000))));
        assertEquals(200, fits.statusCode(), fits.body());
        assertEquals("Query", json(fits).path("data").path("__typename").asText());
    }

    @Test
    void anImportDocumentLargerThanTheOldTenMegabyteBodyLimitIsReadAndAnOversizedBodyIs413() throws Exception {
        // 4 million Chinese characters: 12 MB of UTF-8, a document the importer reads and reports on (no department).
        String document = "{\"note\":\"" + "汉".repeat(4_000_000) + "\"}";
        HttpResponse<String> big = post(null, MAPPER.writeValueAsString(Map.of("query", GraphQLClient.operation("import"),
                "variables", Map.of("document", document))));
        assertEquals(200, big.statusCode(), big.body().substring(0, Math.min(500, big.body().length())));
        JsonNode answer = json(big);
        assertFalse(answer.path("data").path("importDepartmentYear").path("stored").asBoolean(), answer.toString().substring(0, 300));
        assertFalse(answer.path("errors").size() > 0, answer.path("errors").toString());

        HttpResponse<String> tooBig = post(null, "{\"query\":\"{ __typename }\",\"variables\":{\"v\":\"" + "a".repeat(33 * 1024 * 1024) + "\"}}");
        assertEquals(413, tooBig.statusCode());
    }
}
