package org.budgetnarrator.api;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.budgetnarrator.api.support.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every answer forbids framing and type sniffing and sends no referrer; the officers' page and GraphiQL each have a
 * Content-Security-Policy that allows only this server's own scripts, and GraphiQL still works under it.
 */
@MicronautTest(transactional = false)
class SecurityHeadersTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    EmbeddedServer server;

    private HttpHeaders headers(MutableHttpRequest<?> request) {
        try {
            return http.toBlocking().exchange(request, String.class).getHeaders();
        } catch (HttpClientResponseException e) {
            return e.getResponse().getHeaders();
        }
    }

    private static void common(String what, HttpHeaders h) {
        assertEquals("DENY", h.get("X-Frame-Options"), what);
        assertEquals("nosniff", h.get("X-Content-Type-Options"), what);
        assertEquals("no-referrer", h.get("Referrer-Policy"), what);
        String csp = h.get("Content-Security-Policy");
        assertTrue(csp != null && csp.contains("frame-ancestors 'none'"), what + ": " + csp);
    }

    @Test
    void theOfficersPageAllowsOnlyItsOwnScriptsAndThisServer() {
        for (String path : List.of("/app/index.html", "/app/app.js")) {
            HttpHeaders h = headers(HttpRequest.GET(path));
            common(path, h);
            String csp = h.get("Content-Security-Policy");
            assertTrue(csp.contains("default-src 'none'") && csp.contains("script-src 'self'") && csp.contains("connect-src 'self'"), csp);
            assertFalse(csp.contains("unsafe-inline") || csp.contains("unsafe-eval") || csp.contains("*"), csp);
        }
    }

    @Test
    void graphiqlAllowsNoInlineOrForeignScriptAndStillRenders() throws Exception {
        HttpHeaders h = headers(HttpRequest.GET("/graphiql"));
        common("/graphiql", h);
        String csp = h.get("Content-Security-Policy");
        assertTrue(csp.contains("script-src 'self';") && csp.contains("connect-src 'self'"), csp);
        assertFalse(csp.contains("unsafe-eval") || csp.contains("*"), csp);
        try (Browser browser = new Browser()) {
            browser.driver.get(server.getURL() + "/graphiql");
            browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.className("graphiql-container")));
            browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.className("graphiql-container"), "XN-WB"));
            assertEquals(List.of(), browser.consoleErrors(), "nothing refused by the policy, no other error");
        }
    }

    @Test
    void apiAnswersAndRefusalsCarryTheHeadersToo() {
        common("POST /graphql", headers(HttpRequest.POST("/graphql", Map.of("query", "{ me { username } }"))));
        common("POST /login refused", headers(HttpRequest.POST("/login", Map.of("username", "nobody", "password", "wrong-password"))));
        common("GET /prometheus refused", headers(HttpRequest.GET("/prometheus")));
        common("GET /health", headers(HttpRequest.GET("/health")));
    }
}
