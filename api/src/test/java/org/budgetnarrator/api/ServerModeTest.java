package org.budgetnarrator.api;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.budgetnarrator.model.domain.Role;
import org.budgetnarrator.model.store.UserStore;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Server mode creates no demo users (nor demo data); sign-in attempts are limited. */
@MicronautTest(transactional = false)
@Property(name = "narrator.mode", value = "server")
@Property(name = "narrator.demo.enabled", value = "false")
@Property(name = "narrator.security.sign-in-attempts-per-minute", value = "3")
class ServerModeTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    UserStore users;

    @Test
    void serverModeHasNoDemoUsers() {
        assertTrue(users.all().isEmpty(), "users: " + users.all());
    }

    @Test
    void repeatedFailedSignInsAreRefusedEvenWithTheRightPassword() {
        users.create("limited", "the-right-password", Role.VIEWER, null);
        for (int i = 0; i < 3; i++) {
            HttpClientResponseException wrong = assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                    .retrieve(HttpRequest.POST("/login", Map.of("username", "limited", "password", "wrong-password"))));
            assertEquals(401, wrong.getStatus().getCode());
        }
        HttpClientResponseException limited = assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                .retrieve(HttpRequest.POST("/login", Map.of("username", "limited", "password", "the-right-password"))));
        // Told to wait, not that the password is wrong.
        assertEquals(429, limited.getStatus().getCode());
        String retryAfter = limited.getResponse().getHeaders().get("Retry-After");
        assertTrue(retryAfter != null && Long.parseLong(retryAfter) >= 1 && Long.parseLong(retryAfter) <= 60, "Retry-After " + retryAfter);
    }
}
