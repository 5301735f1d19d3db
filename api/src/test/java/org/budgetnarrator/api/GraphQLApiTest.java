package org.budgetnarrator.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The API's contract beyond the figures: paging, filters, error codes, the import mutation, GraphiQL offline. */
@MicronautTest(transactional = false)
class GraphQLApiTest {

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
    void departmentsPageThroughCursorsInCodeOrder() {
        List<String> codes = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            JsonNode page = client().run("departments-page", "first", 1, "after", after).path("data").path("departments");
            assertEquals(4, page.path("totalCount").asInt());
            page.path("edges").forEach(e -> codes.add(e.path("node").path("code").asText()));
            after = page.path("pageInfo").path("hasNextPage").asBoolean() ? page.path("pageInfo").path("endCursor").asText() : null;
            pages++;
        } while (after != null && pages < 10);
        assertEquals(List.of("438001", "HN-WB", "XN-WB", "ZJ-WB"), codes);
    }

    @Test
    void departmentsFilterByNameLevelAndRegion() {
        JsonNode byName = client().run("departments-page", "filter", Map.of("nameContains", "湛江")).path("data").path("departments");
        assertEquals(1, byName.path("totalCount").asInt());
        assertEquals("ZJ-WB", byName.path("edges").get(0).path("node").path("code").asText());
        JsonNode byLevel = client().run("departments-page", "filter", Map.of("level", "PROVINCIAL")).path("data").path("departments");
        assertEquals(1, byLevel.path("totalCount").asInt());
        JsonNode byRegion = client().run("departments-page", "filter", Map.of("region", "湖北")).path("data").path("departments");
        assertEquals("XN-WB", byRegion.path("edges").get(0).path("node").path("code").asText());
    }

    @Test
    void firstAboveOneHundredIsRefusedAsBadUserInput() {
        JsonNode result = client().run("departments-page", "first", 101);
        assertEquals("BAD_USER_INPUT", code(result));
        assertTrue(result.path("errors").get(0).path("message").asText().contains("100"));
    }

    @Test
    void aCursorThatIsNotOneIsBadUserInput() {
        assertEquals("BAD_USER_INPUT", code(client().run("departments-page", "after", "not-a-cursor")));
    }

    @Test
    void rateDigitsOutOfRangeIsBadUserInput() {
        JsonNode result = client().query("{ department(code: \"HN-WB\") { year(year: 2024) { summary { executionRate(digits: 9) } } } }");
        assertEquals("BAD_USER_INPUT", code(result));
    }

    @Test
    void rateDigitsRoundHalfUpOnce() {
        JsonNode result = client().query("{ department(code: \"HN-WB\") { year(year: 2024) { summary { "
                + "a: executionRate(digits: 0) b: executionRate(digits: 1) c: executionRate(digits: 4) } } } }");
        JsonNode s = result.path("data").path("department").path("year").path("summary");
        assertEquals("85", s.path("a").asText());
        assertEquals("84.7", s.path("b").asText());
        assertEquals("84.6534", s.path("c").asText(), "462400 ÷ 5462.27 = 84.65342…");
    }

    @Test
    void syntaxAndValidationErrorsCarryCodes() {
        assertEquals("GRAPHQL_PARSE_FAILED", code(client().query("{ department(code: ")));
        assertEquals("GRAPHQL_VALIDATION_FAILED", code(client().query("{ department(code: \"XN-WB\") { noSuchField } }")));
    }

    @Test
    void importMutationStoresAGoodDocumentAndReturnsIt() {
        String document = new String(Documents.json(Documents.small("T-MUT", 2024)));
        JsonNode payload = client().run("import", "document", document, "fileName", "mutation.json")
                .path("data").path("importDepartmentYear");
        assertTrue(payload.path("stored").asBoolean());
        assertEquals("T-MUT", payload.path("departmentYear").path("department").path("code").asText());
        assertEquals(0, payload.path("problems").size());
    }

    @Test
    void importMutationReturnsEveryProblemWithItsPlaceAndStoresNothing() {
        Map<String, Object> doc = Documents.small("T-MUT-BAD", 2024);
        Documents.account(doc, 2).put("actual", "-5");
        Documents.account(doc, 3).put("code", "20135x");
        JsonNode payload = client().run("import", "document", new String(Documents.json(doc)))
                .path("data").path("importDepartmentYear");
        assertFalse(payload.path("stored").asBoolean());
        assertTrue(payload.path("departmentYear").isNull());
        assertEquals(2, payload.path("problems").size());
        JsonNode first = payload.path("problems").get(0);
        assertEquals("ERROR", first.path("severity").asText());
        assertEquals("$.accounts[2].actual", first.path("path").asText());
        assertEquals("-5", first.path("value").asText());
        assertNotNull(first.path("message").asText());
        JsonNode lookup = client().query("{ department(code: \"T-MUT-BAD\") { code } }");
        assertTrue(lookup.path("data").path("department").isNull());
    }

    @Test
    void graphiqlIsServedWithItsOwnScriptsAndNoPublicCdn() {
        HttpResponse<String> page = http.toBlocking().exchange(HttpRequest.GET("/graphiql"), String.class);
        assertEquals(200, page.code());
        String html = page.body();
        assertFalse(html.contains("unpkg") || html.contains("cdn") || html.contains("https://"), "no external resources");
        for (String asset : List.of("/webjars/react/18.2.0/umd/react.production.min.js",
                "/webjars/react-dom/18.2.0/umd/react-dom.production.min.js",
                "/webjars/graphiql/2.4.7/graphiql.min.js", "/webjars/graphiql/2.4.7/graphiql.min.css")) {
            assertTrue(html.contains(asset), asset);
            HttpResponse<byte[]> file = http.toBlocking().exchange(HttpRequest.GET(asset), byte[].class);
            assertEquals(200, file.code(), asset);
            assertTrue(file.body().length > 1000, asset);
        }
    }
}
