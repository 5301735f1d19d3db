package org.budgetnarrator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** Posts GraphQL operations (kept as .graphql files under test resources graphql/) to the server. */
public final class GraphQLClient {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** The demo users' password in tests (application-test.yml). */
    public static final String PASSWORD = "demo-password-for-tests";
    private static final Map<String, String> TOKENS = new java.util.concurrent.ConcurrentHashMap<>();

    private final HttpClient http;
    private final String user;

    /** A client signed in as the demo administrator. */
    public GraphQLClient(HttpClient http) {
        this(http, "admin");
    }

    /** A client signed in as a demo user (admin, officer-xn, officer-hn, viewer), or anonymous for null. */
    public GraphQLClient(HttpClient http, String user) {
        this.http = http;
        this.user = user;
    }

    public static String token(HttpClient http, String user) {
        // One sign-in per user and server (password hashing is deliberately slow).
        return TOKENS.computeIfAbsent(user + "@" + System.identityHashCode(http), k -> {
            Map<?, ?> response = http.toBlocking().retrieve(HttpRequest.POST("/login", Map.of("username", user, "password", PASSWORD)), Map.class);
            return (String) response.get("access_token");
        });
    }

    /** Runs the operation in graphql/NAME.graphql with the given variables (name, value, name, value …). */
    public JsonNode run(String name, Object... variables) {
        return query(operation(name), variables);
    }

    public JsonNode query(String query, Object... variables) {
        Map<String, Object> vars = new HashMap<>();
        for (int i = 0; i < variables.length; i += 2) {
            vars.put((String) variables[i], variables[i + 1]);
        }
        Map<String, Object> body = new HashMap<>();
        body.put("query", query);
        body.put("variables", vars);
        var request = HttpRequest.POST("/graphql", body).contentType(MediaType.APPLICATION_JSON_TYPE);
        if (user != null) {
            request.bearerAuth(token(http, user));
        }
        String response = http.toBlocking().retrieve(request, String.class);
        try {
            return MAPPER.readTree(response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String operation(String name) {
        try (InputStream in = GraphQLClient.class.getResourceAsStream("/graphql/" + name + ".graphql")) {
            if (in == null) {
                throw new IllegalArgumentException("no operation graphql/" + name + ".graphql");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
