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
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real client generator, GraphQL Code Generator with its typescript plugin, generates TypeScript types from the
 * packaged server's introspection, as a front-end team would: signed in, over HTTP, with every custom scalar mapped
 * (strictScalars fails the run on a scalar it does not know). The generated file is kept in target/artifacts.
 * The generator is installed from npm into target/codegen when missing.
 */
class CodegenFromIntrospectionIT {

    private static final String PASSWORD = "codegen-it-password";

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
    void graphqlCodegenGeneratesTypeScriptFromTheRunningServersIntrospection() throws Exception {
        Path codegen = Path.of("target", "codegen").toAbsolutePath();
        if (!Files.exists(codegen.resolve("node_modules/@graphql-codegen/typescript/package.json"))) {
            Files.createDirectories(codegen);
            Files.writeString(codegen.resolve("package.json"), "{\"name\": \"codegen\", \"private\": true}");
            exec(codegen, "npm", "install", "--no-audit", "--no-fund", "@graphql-codegen/cli@7.4.3",
                    "@graphql-codegen/typescript@6.1.0", "graphql@16.11.0");
        }
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path jar = Path.of("target", "narrator.jar").toAbsolutePath();
        Process server = new ProcessBuilder(System.getProperty("java.home") + "/bin/java",
                "-Ddatasources.default.url=jdbc:sqlite:" + dir.resolve("codegen.db"), "-Dmicronaut.server.port=" + port,
                "-Dnarrator.demo.password=" + PASSWORD, "-Dnarrator.jobs.background=false", "-jar", jar.toString(), "serve")
                .redirectErrorStream(true).redirectOutput(dir.resolve("server.log").toFile()).start();
        try {
            String base = "http://127.0.0.1:" + port;
            HttpClient http = HttpClient.newHttpClient();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            boolean up = false;
            while (!up && System.nanoTime() < deadline && server.isAlive()) {
                try {
                    up = http.send(HttpRequest.newBuilder(URI.create(base + "/health")).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                } catch (java.io.IOException e) {
                    Thread.sleep(200);
                }
            }
            assertTrue(up, "the server started: " + Files.readString(dir.resolve("server.log")));

            HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"username\": \"viewer\", \"password\": \"" + PASSWORD + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, login.statusCode(), login.body());
            JsonNode token = new ObjectMapper().readTree(login.body()).path("access_token");
            assertTrue(token.isTextual(), login.body());

            Path out = dir.resolve("generated").resolve("narrator.ts");
            Files.writeString(dir.resolve("codegen.yml"), """
                    overwrite: true
                    schema:
                      - %s/graphql:
                          headers:
                            Authorization: Bearer %s
                    generates:
                      %s:
                        plugins:
                          - typescript
                        config:
                          strictScalars: true
                          scalars:
                            Money: string
                            Decimal: string
                            Upload: File
                    """.formatted(base, token.asText(), out));
            // Run from its own folder: it loads its plugins from the working directory's node_modules.
            String log = exec(codegen, codegen.resolve("node_modules/.bin/graphql-codegen").toString(), "--config", dir.resolve("codegen.yml").toString());

            assertTrue(Files.exists(out), () -> "graphql-codegen wrote its file:\n" + log);
            String ts = Files.readString(out);
            Path artifacts = Path.of("target", "artifacts");
            Files.createDirectories(artifacts);
            Files.writeString(artifacts.resolve("codegen-narrator.ts"), ts);

            assertTrue(ts.contains("export type Query = {"), ts);
            assertTrue(ts.contains("export type Mutation = {"), ts);
            assertTrue(ts.contains("export type DepartmentYear = {"), ts);
            assertTrue(Pattern.compile("\\bdepartment\\?: Maybe<Department>").matcher(ts).find(), "Query.department is typed");
            assertTrue(Pattern.compile("\\bdepartments: DepartmentConnection").matcher(ts).find(), "Query.departments is typed");
            assertTrue(Pattern.compile("Money: \\{ input: string; output: string; \\}").matcher(ts).find(), "the Money scalar is mapped");
            assertTrue(Pattern.compile("initialBudget\\?: Maybe<Scalars\\['Money'\\]\\['output'\\]>").matcher(ts).find(),
                    "money fields use the Money scalar");
            assertTrue(ts.contains("export enum SectionKind {"), "enums are generated");
        } finally {
            server.destroy();
            server.waitFor(20, TimeUnit.SECONDS);
        }
    }
}
