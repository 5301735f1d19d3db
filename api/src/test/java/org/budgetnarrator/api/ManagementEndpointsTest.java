package org.budgetnarrator.api;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Management endpoints: /health's status for anyone, its details and /prometheus for administrators, every other
 * endpoint closed; no secret in /health; no HTTP Basic (neither accepted nor offered).
 */
@MicronautTest(transactional = false)
class ManagementEndpointsTest {

    private static final List<String> GETS = List.of("/threaddump", "/routes", "/flyway", "/metrics", "/metrics/jvm.memory.used",
            "/prometheus", "/env", "/beans", "/loggers", "/info", "/caches", "/liquibase");
    private static final List<String> POSTS = List.of("/refresh", "/stop", "/loggers/ROOT");

    @Inject
    @Client("/")
    HttpClient http;

    /** The status, whether the request succeeded or not. */
    private int status(MutableHttpRequest<?> request) {
        try {
            return http.toBlocking().exchange(request, String.class).getStatus().getCode();
        } catch (HttpClientResponseException e) {
            return e.getStatus().getCode();
        }
    }

    private List<MutableHttpRequest<?>> managementRequests() {
        List<MutableHttpRequest<?>> requests = new ArrayList<>();
        GETS.forEach(p -> requests.add(HttpRequest.GET(p)));
        POSTS.forEach(p -> requests.add(HttpRequest.POST(p, Map.of("configuredLevel", "TRACE", "force", true))));
        return requests;
    }

    @Test
    void everyManagementEndpointIsClosedToAnonymousAndToAViewer() {
        String viewer = GraphQLClient.token(http, "viewer");
        List<String> open = new ArrayList<>();
        for (MutableHttpRequest<?> r : managementRequests()) {
            int anonymous = status(r);
            if (anonymous != 401 && anonymous != 403 && anonymous != 404) {
                open.add(r.getMethod() + " " + r.getPath() + " anonymous: " + anonymous);
            }
        }
        for (MutableHttpRequest<?> r : managementRequests()) {
            int asViewer = status(r.bearerAuth(viewer));
            if (asViewer != 401 && asViewer != 403 && asViewer != 404) {
                open.add(r.getMethod() + " " + r.getPath() + " viewer: " + asViewer);
            }
        }
        assertEquals(List.of(), open);
    }

    @Test
    void anyoneGetsTheHealthStatusWithoutDetailsOrSecrets() {
        for (String path : List.of("/health", "/health/readiness", "/health/liveness")) {
            HttpResponse<String> r = http.toBlocking().exchange(HttpRequest.GET(path), String.class);
            assertEquals(200, r.getStatus().getCode(), path);
            String body = r.body();
            assertTrue(body.contains("\"status\":\"UP\""), path + ": " + body);
            assertFalse(body.contains("details") || body.contains("jdbc:") || body.contains("migrations"), path + ": " + body);
        }
        String viewer = GraphQLClient.token(http, "viewer");
        String asViewer = http.toBlocking().retrieve(HttpRequest.GET("/health").bearerAuth(viewer), String.class);
        assertFalse(asViewer.contains("details"), "details are for administrators: " + asViewer);
    }

    @Test
    void anAdministratorReadsTheDetailsAndMetricsAndTheyHoldNoDatasourceUrl() {
        String admin = GraphQLClient.token(http, "admin");
        String health = http.toBlocking().retrieve(HttpRequest.GET("/health").bearerAuth(admin), String.class);
        assertTrue(health.contains("\"migrations\"") && health.contains("\"model\""), health);
        assertFalse(health.contains("jdbc:") || health.contains("password"), health);
        assertEquals(200, status(HttpRequest.GET("/prometheus").bearerAuth(admin)));
        // An administrator's API token (a scraper's) opens /prometheus too.
        String apiToken = new GraphQLClient(http).query("mutation { createApiToken(name: \"scraper\") }").at("/data/createApiToken").asText();
        assertTrue(apiToken.startsWith("nrt_"), apiToken);
        assertEquals(200, status(HttpRequest.GET("/prometheus").bearerAuth(apiToken)));
        // Endpoints that are off stay off for administrators too.
        for (String off : List.of("/threaddump", "/env", "/beans", "/routes", "/loggers", "/flyway")) {
            assertEquals(404, status(HttpRequest.GET(off).bearerAuth(admin)), off);
        }
    }

    @Test
    void basicCredentialsAreNeitherAcceptedNorAskedFor() {
        String basic = "Basic " + Base64.getEncoder().encodeToString(("admin:" + GraphQLClient.PASSWORD).getBytes(StandardCharsets.UTF_8));
        String me = http.toBlocking().retrieve(HttpRequest.POST("/graphql", Map.of("query", "{ me { username } }"))
                .header("Authorization", basic), String.class);
        assertTrue(me.contains("\"me\":null"), "Basic credentials do not sign in: " + me);
        for (String path : List.of("/prometheus", "/token_info", "/app/features")) {
            HttpClientResponseException refused = assertThrows(HttpClientResponseException.class,
                    () -> http.toBlocking().exchange(HttpRequest.GET(path).header("Authorization", basic), String.class));
            assertTrue(refused.getStatus().getCode() == 401 || refused.getStatus().getCode() == 404, path + ": " + refused.getStatus());
            String challenge = refused.getResponse().getHeaders().get("WWW-Authenticate");
            assertTrue(challenge == null || !challenge.toLowerCase(java.util.Locale.ROOT).contains("basic"), path + " challenges with " + challenge);
            HttpClientResponseException anonymous = assertThrows(HttpClientResponseException.class,
                    () -> http.toBlocking().exchange(HttpRequest.GET(path), String.class));
            String anonymousChallenge = anonymous.getResponse().getHeaders().get("WWW-Authenticate");
            assertTrue(anonymousChallenge == null || !anonymousChallenge.toLowerCase(java.util.Locale.ROOT).contains("basic"), path + " challenges with " + anonymousChallenge);
        }
    }
}
