package org.budgetnarrator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The database going away: requests fail fast with a clear error (no hang), and the service recovers by itself
 * when it returns. Stops and restarts the local PostgreSQL server, so it runs only in the PostgreSQL execution
 * (the build includes it there and nowhere else) and needs the rights to do so (CI runs as root).
 */
@MicronautTest(transactional = false)
class PostgresFaultTest {

    @Inject
    @Client("/")
    HttpClient http;

    private static void pg(String action) throws Exception {
        String version = Files.list(Path.of("/etc/postgresql")).findFirst().orElseThrow().getFileName().toString();
        Process p = new ProcessBuilder("pg_ctlcluster", "--skip-systemctl-redirect", version, "main", action)
                .redirectErrorStream(true).redirectOutput(new File("target/pg-" + action + ".log")).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "pg_ctlcluster " + action);
    }

    private JsonNode query(GraphQLClient client) {
        try {
            return client.query("{ department(code: \"XN-WB\") { year(year: 2024) { account(code: \"2013501\") { actual } } } }");
        } catch (HttpClientResponseException e) {
            // The signed-in request's token cannot be checked while the database is down: 503 with the GraphQL error.
            assertEquals(503, e.getStatus().getCode(), e.getMessage());
            try {
                return new ObjectMapper().readTree(e.getResponse().getBody(String.class).orElse("{}"));
            } catch (java.io.IOException io) {
                throw new IllegalStateException(io);
            }
        }
    }

    @Test
    void aDatabaseThatGoesAwayFailsRequestsFastAndTheServiceRecovers() throws Exception {
        GraphQLClient client = new GraphQLClient(http);
        assertEquals("244.27", query(client).path("data").path("department").path("year").path("account").path("actual").asText());
        pg("stop");
        try {
            long start = System.nanoTime();
            JsonNode down = query(client);
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
            assertEquals("UNAVAILABLE", down.path("errors").get(0).path("extensions").path("code").asText(), down.toString());
            assertTrue(seconds < 15, "failed fast: " + seconds + " s");
        } finally {
            pg("start");
        }
        JsonNode back = null;
        for (int i = 0; i < 60; i++) {
            back = query(client);
            if (back.path("errors").isMissingNode()) {
                break;
            }
            Thread.sleep(1000);
        }
        assertEquals("244.27", back.path("data").path("department").path("year").path("account").path("actual").asText(), back.toString());
    }
}
