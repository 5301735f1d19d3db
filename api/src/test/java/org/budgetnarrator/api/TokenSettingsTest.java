package org.budgetnarrator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Signed tokens last the 8 hours README promises; a secret too short for HS256 stops the start with a clear message. */
@MicronautTest(transactional = false)
class TokenSettingsTest {

    private static final String SECRET = "micronaut.security.token.jwt.signatures.secret.generator.secret";

    @Inject
    @Client("/")
    HttpClient http;

    @Test
    void aSignedInTokenLastsEightHours() throws Exception {
        String jwt = GraphQLClient.token(http, "viewer");
        JsonNode claims = new ObjectMapper().readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
        assertEquals(8 * 3600, claims.get("exp").asLong() - claims.get("iat").asLong(), claims.toString());
    }

    @Test
    void aServerWithAShortSecretRefusesToStart() {
        // 31 bytes: one short of HS256's 256 bits.
        Exception e = assertThrows(Exception.class, () -> {
            try (ApplicationContext ignored = ApplicationContext.run(Map.of(SECRET, "a".repeat(31), "narrator.demo.enabled", false))) {
                // started: the test fails below
            }
        });
        String messages = messages(e);
        assertTrue(messages.contains("NARRATOR_JWT_SECRET") && messages.contains("31 bytes") && messages.contains("at least 32 bytes"), messages);
        try (ApplicationContext started = ApplicationContext.run(Map.of(SECRET, "a".repeat(32), "narrator.demo.enabled", false))) {
            assertTrue(started.isRunning(), "32 bytes are enough");
        }
    }

    private static String messages(Throwable e) {
        StringBuilder out = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            out.append(t.getMessage()).append('\n');
        }
        return out.toString();
    }
}
