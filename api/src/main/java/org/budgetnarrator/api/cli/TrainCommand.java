package org.budgetnarrator.api.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.budgetnarrator.model.generate.Generator;
import org.budgetnarrator.drafting.draft.DraftService;
import org.budgetnarrator.model.imports.DepartmentYearImporter;
import picocli.CommandLine.Command;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * A short run through what the server does (start-up, GraphQL over HTTP, import, drafting) so that the JVM can
 * record the classes it loads: bin/narrator runs it once per build under -XX:ArchiveClassesAtExit and starts
 * every later command with that class-data archive, which takes about a third off the start-up time.
 */
@Command(name = "train-class-data", hidden = true,
        description = "Exercises start-up, GraphQL, import and drafting once (bin/narrator records a class-data archive from it).")
public class TrainCommand implements Callable<Integer> {

    private static final List<String> QUERIES = List.of(
            "{ department(code: \"XN-WB\") { name year(year: 2024) { accounts(classification: FUNCTIONAL) { code name level actual "
                    + "initialBudget executionRate } audit { ruleId severity } } } }",
            "{ departments(first: 20) { totalCount nodes { code name departmentYears { year accounts(classification: FUNCTIONAL) "
                    + "{ code actual } projects(first: 20) { nodes { code name executed indicators { name target actual score } } } } } } }");

    @Override
    public Integer call() throws Exception {
        Path dir = Files.createTempDirectory("narrator-train");
        try (ApplicationContext context = ApplicationContext.builder()
                .properties(Map.of("datasources.default.url", "jdbc:sqlite:" + dir.resolve("train.db"), "micronaut.server.port", -1,
                        "micronaut.server.host", "127.0.0.1", "narrator.demo.enabled", true, "narrator.security.public-read", true,
                        "narrator.jobs.background", false))
                .start()) {
            context.getBean(DepartmentYearImporter.class).importContent("generated.json",
                    new ObjectMapper().writeValueAsBytes(new Generator(1).document(1, 2024)));
            // Drafts are read by signed-in users only (the access policy): the drafting classes are exercised directly.
            context.getBean(DraftService.class).report("XN-WB", 2024, null);
            EmbeddedServer server = context.getBean(EmbeddedServer.class).start();
            HttpClient http = HttpClient.newHttpClient();
            ObjectMapper mapper = new ObjectMapper();
            for (int round = 0; round < 3; round++) {
                for (String query : QUERIES) {
                    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(server.getURL() + "/graphql"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(mapper.writeValueAsString(Map.of("query", query)))).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() != 200 || response.body().contains("\"errors\"")) {
                        System.err.println("narrator train-class-data: " + response.statusCode() + " " + response.body());
                        return 1;
                    }
                }
            }
        } finally {
            try (var paths = Files.walk(dir)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
        return 0;
    }
}
