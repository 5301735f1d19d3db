package org.budgetnarrator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * graphql-http's server audit (the GraphQL-over-HTTP spec; ../shared/peers/audit-graphql-http.mjs) against the
 * packaged server's /graphql: every audit passes, MUST, SHOULD and MAY alike. The
 * audit's report is kept in target/artifacts. graphql-http is installed from npm into target/peers when missing.
 */
class GraphQLHttpConformanceIT {


    @TempDir
    Path dir;

    private static String exec(Path workDir, String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), String.join(" ", command));
        assertEquals(0, p.exitValue(), String.join(" ", command) + "\n" + out);
        return out;
    }

    @Test
    void theServerPassesEveryMustOfTheGraphQLOverHttpAudit() throws Exception {
        Path script = Path.of("..", "..", "shared", "peers", "audit-graphql-http.mjs").toAbsolutePath().normalize();
        assertTrue(Files.exists(script), "the audit script is in ../shared/peers beside the checkout: " + script);
        Path peers = Path.of("target", "peers").toAbsolutePath();
        if (!Files.exists(peers.resolve("node_modules/graphql-http/package.json"))) {
            Files.createDirectories(peers);
            Files.writeString(peers.resolve("package.json"), "{\"name\": \"peers\", \"private\": true}");
            exec(peers, "npm", "install", "--no-audit", "--no-fund", "graphql-http@1.23.1", "graphql@15.11.0");
        }
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path jar = Path.of("target", "narrator.jar").toAbsolutePath();
        Process server = new ProcessBuilder(System.getProperty("java.home") + "/bin/java",
                "-Ddatasources.default.url=jdbc:sqlite:" + dir.resolve("audit.db"), "-Dmicronaut.server.port=" + port,
                "-Dnarrator.security.public-read=true", "-jar", jar.toString(), "serve")
                .redirectErrorStream(true).redirectOutput(dir.resolve("server.log").toFile()).start();
        try {
            HttpClient http = HttpClient.newHttpClient();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            boolean up = false;
            while (!up && System.nanoTime() < deadline && server.isAlive()) {
                try {
                    up = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                } catch (java.io.IOException e) {
                    Thread.sleep(200);
                }
            }
            assertTrue(up, "the server started: " + Files.readString(dir.resolve("server.log")));

            List<String> command = new ArrayList<>(List.of("node", script.toString(), "http://127.0.0.1:" + port + "/graphql", "--json"));
            ProcessBuilder audit = new ProcessBuilder(command).redirectErrorStream(false);
            audit.environment().put("PEERS_DIR", peers.toString());
            Process p = audit.start();
            String json = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(120, TimeUnit.SECONDS));
            Path artifacts = Path.of("target", "artifacts");
            Files.createDirectories(artifacts);
            Files.writeString(artifacts.resolve("graphql-http-audit.json"), json);

            JsonNode report = new ObjectMapper().readTree(json);
            assertEquals(0, report.path("mustFailures").asInt(), json);
            assertEquals(0, p.exitValue());
            // Every audit passes, the SHOULDs and MAYs too (application/graphql-response+json, GET for queries only,
            // 400 for requests that are not GraphQL requests): a regression in any of them fails the build.
            assertTrue(report.path("results").size() >= 61, json);
            for (JsonNode r : report.path("results")) {
                assertEquals("ok", r.path("status").asText(), r.toString());
            }
        } finally {
            server.destroy();
            server.waitFor(20, TimeUnit.SECONDS);
        }
    }
}
