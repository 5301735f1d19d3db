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

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** /graphql speaks GraphQL over HTTP: media types, status codes, GET for queries only, bad requests named. */
@MicronautTest(transactional = false)
@Property(name = "narrator.jobs.background", value = "false")
// Micronaut's health monitor polls readiness (a statement) in the background, which would land in statement counts.
@Property(name = "micronaut.health.monitor.enabled", value = "false")
class GraphQLOverHttpTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String DEPARTMENT = "query D($code: String!) { department(code: $code) { name } }";

    @Inject
    EmbeddedServer server;

    @Inject
    @Client("/")
    HttpClient micronautClient;

    private final java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();

    private HttpResponse<String> post(String accept, String contentType, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(server.getURI().resolve("/graphql"))
                .header("Authorization", "Bearer " + GraphQLClient.token(micronautClient, "admin"))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (accept != null) {
            b.header("Accept", accept);
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String accept, String query, String variables) throws Exception {
        return get(accept, query, variables, null);
    }

    private HttpResponse<String> get(String accept, String query, String variables, String operationName) throws Exception {
        String url = "/graphql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)
                + (variables == null ? "" : "&variables=" + URLEncoder.encode(variables, StandardCharsets.UTF_8))
                + (operationName == null ? "" : "&operationName=" + operationName);
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.getURI() + url))
                .header("Authorization", "Bearer " + GraphQLClient.token(micronautClient, "admin")).GET();
        if (accept != null) {
            b.header("Accept", accept);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return MAPPER.readTree(response.body());
    }

    private static String contentType(HttpResponse<String> response) {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    @Test
    void answersInGraphqlResponseJsonWhenTheClientAsksForIt() throws Exception {
        HttpResponse<String> r = post("application/graphql-response+json, application/json;q=0.9", "application/json",
                MAPPER.writeValueAsString(java.util.Map.of("query", DEPARTMENT, "variables", java.util.Map.of("code", "XN-WB"))));
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(contentType(r).startsWith("application/graphql-response+json"), contentType(r));
        assertEquals("中共咸宁市委外事工作委员会办公室", json(r).path("data").path("department").path("name").asText(), r.body());
    }

    @Test
    void answersInApplicationJsonWithoutAcceptOrWithAWildcard() throws Exception {
        for (String accept : new String[] {null, "*/*", "application/json", "text/html, */*;q=0.8", "application/json, application/graphql-response+json;q=0.5"}) {
            HttpResponse<String> r = post(accept, "application/json", "{\"query\":\"{ __typename }\"}");
            assertEquals(200, r.statusCode(), r.body());
            assertTrue(contentType(r).startsWith("application/json"), accept + " → " + contentType(r));
        }
    }

    @Test
    void refusesAnAcceptHeaderThatAllowsNeitherJsonType() throws Exception {
        HttpResponse<String> r = post("text/html", "application/json", "{\"query\":\"{ __typename }\"}");
        assertEquals(406, r.statusCode(), r.body());
    }

    @Test
    void anOperationThatNeverRanIs400InGraphqlResponseJsonAnd200InApplicationJson() throws Exception {
        for (String query : new String[] {"{", "{ noSuchField }"}) {
            String body = MAPPER.writeValueAsString(java.util.Map.of("query", query));
            HttpResponse<String> modern = post("application/graphql-response+json", "application/json", body);
            assertEquals(400, modern.statusCode(), modern.body());
            assertFalse(json(modern).has("data"), modern.body());
            assertTrue(json(modern).path("errors").size() > 0, modern.body());
            HttpResponse<String> legacy = post("application/json", "application/json", body);
            assertEquals(200, legacy.statusCode(), legacy.body());
            assertTrue(json(legacy).path("errors").size() > 0, legacy.body());
        }
        HttpResponse<String> coercion = post("application/graphql-response+json", "application/json",
                "{\"query\":\"query Q($id: ID!) { __typename }\",\"variables\":{\"id\":null}}");
        assertEquals(400, coercion.statusCode(), coercion.body());
    }

    @Test
    void aFieldErrorKeepsStatus200BecauseTheOperationRan() throws Exception {
        HttpResponse<String> r = post("application/graphql-response+json", "application/json",
                MAPPER.writeValueAsString(java.util.Map.of("query", DEPARTMENT, "variables", java.util.Map.of("code", "NO-SUCH"))));
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(json(r).has("data"), r.body());
    }

    @Test
    void aBodyThatIsNotAGraphqlRequestIs400SayingWhatIsWrong() throws Exception {
        HttpResponse<String> notJson = post(null, "application/json", "{ \"not a JSON");
        assertEquals(400, notJson.statusCode());
        assertTrue(json(notJson).path("errors").get(0).path("message").asText().contains("not valid JSON (line 1"), notJson.body());

        HttpResponse<String> arrayQuery = post(null, "application/json", "{\"query\":[\"array\"]}");
        assertEquals(400, arrayQuery.statusCode());
        assertEquals("\"query\" must be a string holding the GraphQL document, not an array.",
                json(arrayQuery).path("errors").get(0).path("message").asText());

        HttpResponse<String> noQuery = post(null, "application/json", "{\"qeury\":\"{ __typename }\"}");
        assertEquals(400, noQuery.statusCode());
        assertTrue(json(noQuery).path("errors").get(0).path("message").asText().contains("no \"query\""), noQuery.body());

        HttpResponse<String> stringVariables = post(null, "application/json", "{\"query\":\"{ __typename }\",\"variables\":\"x\"}");
        assertEquals(400, stringVariables.statusCode());
        assertEquals("BAD_REQUEST", json(stringVariables).path("errors").get(0).path("extensions").path("code").asText());

        HttpResponse<String> noBody = post(null, "application/json", "");
        assertEquals(400, noBody.statusCode(), noBody.body());
    }

    @Test
    void aPostWithoutJsonContentTypeIs415() throws Exception {
        HttpResponse<String> r = post(null, null, "{\"query\":\"{ __typename }\"}");
        assertEquals(415, r.statusCode(), r.body());
        HttpResponse<String> text = post(null, "text/plain", "{\"query\":\"{ __typename }\"}");
        assertEquals(415, text.statusCode(), text.body());
        assertTrue(json(text).path("errors").get(0).path("message").asText().contains("not text/plain"), text.body());
    }

    @Test
    void getRunsQueriesWithVariablesInEitherMediaType() throws Exception {
        for (String accept : new String[] {"application/json", "application/graphql-response+json"}) {
            HttpResponse<String> r = get(accept, DEPARTMENT, "{\"code\":\"XN-WB\"}");
            assertEquals(200, r.statusCode(), r.body());
            assertEquals("中共咸宁市委外事工作委员会办公室", json(r).path("data").path("department").path("name").asText(), r.body());
        }
    }

    @Test
    void getRefusesAMutationWith405BeforeAnySqlRuns() throws Exception {
        GraphQLClient.token(micronautClient, "admin");
        long before = StatementCounter.count();
        HttpResponse<String> r = get("application/graphql-response+json", "mutation { createApiToken(name: \"by-get\") }", null);
        assertEquals(405, r.statusCode(), r.body());
        assertEquals("POST", r.headers().firstValue("Allow").orElse(""));
        // One statement: the bearer token's check against the stored user, which precedes routing; the mutation never ran.
        assertEquals(before + 1, StatementCounter.count(), "nothing ran but the token check");
        String both = "query Q { __typename } mutation M { createApiToken(name: \"x\") }";
        assertEquals(405, get(null, both, null, "M").statusCode());
        HttpResponse<String> query = get(null, both, null, "Q");
        assertEquals(200, query.statusCode(), query.body());
        assertEquals("Query", json(query).path("data").path("__typename").asText(), query.body());
    }

    @Test
    void aSignInBodyThatIsNotJsonIs400SayingWhere() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(server.getURI().resolve("/login"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{ \"username")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains("/login") && !r.body().contains("Exception"), r.body());
    }
}
