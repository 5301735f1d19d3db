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
    private final HttpClient http;

    public GraphQLClient(HttpClient http) {
        this.http = http;
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
        String response = http.toBlocking().retrieve(HttpRequest.POST("/graphql", body)
                .contentType(MediaType.APPLICATION_JSON_TYPE), String.class);
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
