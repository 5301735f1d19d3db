package org.budgetnarrator.api.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.budgetnarrator.model.generate.Generator;
import org.budgetnarrator.model.imports.DepartmentYearImporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A bounded load test on loopback: the nested GraphQL query from N concurrent clients for a fixed time,
 * against a fresh database (a schema of its own on PostgreSQL, dropped afterwards, or a temporary SQLite
 * file). Stops by itself; reports throughput, p50, p99 and errors.
 */
@Command(name = "load", mixinStandardHelpOptions = true,
        description = {"Runs the nested GraphQL query from concurrent clients for a fixed time on loopback and reports "
                + "throughput, p50, p99 and errors (a bounded, self-stopping load test)."})
public class LoadCommand implements Callable<Integer> {

    private static final String NESTED = """
            query Nested($first: Int!) { departments(first: $first) { nodes { code name
              departmentYears { year accounts(classification: FUNCTIONAL) { code actual basic project }
                projects(first: 100) { nodes { code name executed indicators { name target actual score } } } } } } }""";

    @Option(names = "--database", defaultValue = "postgresql", description = "postgresql (TEST_PG_URL or the local server) or sqlite.")
    String database;

    @Option(names = "--connections", defaultValue = "32", description = "Concurrent clients (default ${DEFAULT-VALUE}).")
    int connections;

    @Option(names = "--seconds", defaultValue = "60", description = "Duration, at most 600 (default ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--departments", defaultValue = "1000", description = "Generated departments (default ${DEFAULT-VALUE}).")
    int departments;

    @Option(names = "--page", defaultValue = "20", description = "Departments per query (default ${DEFAULT-VALUE}).")
    int page;

    @Override
    public Integer call() throws Exception {
        int duration = Math.min(Math.max(seconds, 1), 600);
        Map<String, Object> props = new HashMap<>(Map.of("micronaut.server.port", -1, "micronaut.server.host", "127.0.0.1",
                "narrator.demo.enabled", false, "narrator.security.public-read", true, "narrator.graphql.max-complexity", 10_000_000));
        String pgUrl = env("TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
        String pgUser = env("TEST_PG_USER", "postgres");
        String schema = "load_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        if (database.equals("postgresql")) {
            props.put("datasources.default.url", pgUrl + "?currentSchema=" + schema);
            props.put("datasources.default.username", pgUser);
            props.put("datasources.default.password", env("TEST_PG_PASSWORD", ""));
            props.put("datasources.default.driver-class-name", "org.budgetnarrator.model.db.PostgresDriver");
            props.put("datasources.default.maximum-pool-size", 16);
            props.put("flyway.datasources.default.locations", "classpath:db/migration/postgresql");
            props.put("flyway.datasources.default.schemas", schema);
        } else {
            props.put("datasources.default.url", "jdbc:sqlite:" + java.nio.file.Files.createTempDirectory("narrator-load").resolve("load.db"));
        }
        try (ApplicationContext context = ApplicationContext.builder().properties(props).start()) {
            DepartmentYearImporter importer = context.getBean(DepartmentYearImporter.class);
            ObjectMapper mapper = new ObjectMapper();
            Generator generator = new Generator(2024);
            for (int i = 1; i <= departments; i++) {
                importer.importContent("generated.json", mapper.writeValueAsBytes(generator.document(i, 2024)));
            }
            EmbeddedServer server = context.getBean(EmbeddedServer.class).start();
            URI graphql = URI.create(server.getURL() + "/graphql");
            byte[] body = mapper.writeValueAsBytes(Map.of("query", NESTED, "variables", Map.of("first", page)));
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            for (int i = 0; i < 20; i++) {
                send(http, graphql, body);
            }
            long end = System.nanoTime() + duration * 1_000_000_000L;
            AtomicLong errors = new AtomicLong();
            List<List<Long>> perThread = new ArrayList<>();
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < connections; t++) {
                List<Long> mine = new ArrayList<>();
                perThread.add(mine);
                Thread thread = new Thread(() -> {
                    while (System.nanoTime() < end) {
                        long start = System.nanoTime();
                        try {
                            if (!send(http, graphql, body)) {
                                errors.incrementAndGet();
                            }
                        } catch (Exception e) {
                            errors.incrementAndGet();
                        }
                        mine.add(System.nanoTime() - start);
                    }
                });
                threads.add(thread);
                thread.start();
            }
            for (Thread thread : threads) {
                thread.join();
            }
            List<Long> all = new ArrayList<>();
            perThread.forEach(all::addAll);
            Collections.sort(all);
            double throughput = all.size() / (double) duration;
            System.out.printf(Locale.ROOT, "| %s, nested query (%d of %d departments), %d clients, %d s | %.1f req/s | p50 %.1f ms | p99 %.1f ms | %d requests | %d errors |%n",
                    database, page, departments, connections, duration, throughput, all.get(all.size() / 2) / 1e6,
                    all.get((int) Math.min(all.size() - 1, Math.ceil(all.size() * 0.99) - 1)) / 1e6, all.size(), errors.get());
            return errors.get() == 0 ? 0 : 1;
        } finally {
            if (database.equals("postgresql")) {
                try (Connection c = DriverManager.getConnection(pgUrl, pgUser, env("TEST_PG_PASSWORD", "")); Statement s = c.createStatement()) {
                    s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
                }
            }
        }
    }

    private static boolean send(HttpClient http, URI uri, byte[] body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return response.statusCode() == 200 && !response.body().contains("\"errors\"");
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
