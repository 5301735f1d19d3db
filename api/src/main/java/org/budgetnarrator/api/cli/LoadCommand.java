package org.budgetnarrator.api.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.budgetnarrator.model.generate.Generator;
import org.budgetnarrator.model.imports.DepartmentYearImporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
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
 * file). Stops by itself; reports throughput, p50, p99 and errors. With --mix, reads and writes mixed
 * ({@link MixedLoad}) as the demo users, against a started server (--url) or one started here with the demo data.
 */
@Command(name = "load", mixinStandardHelpOptions = true,
        description = {"Runs the nested GraphQL query from concurrent clients for a fixed time on loopback and reports "
                + "throughput, p50, p99 and errors (a bounded, self-stopping load test).",
                "With --mix: reads (the nested query, a department-year, audit) and writes (saveDraft, setReasons, checkNarrative, "
                + "importDepartmentYear) as the demo users, counted by operation and outcome; exits 1 on any error other than CONFLICT."})
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

    @Option(names = "--mix", description = "Mixed reads and writes as the demo users instead of the nested query alone.")
    boolean mix;

    @Option(names = "--url", paramLabel = "URL", description = "With --mix: a started server with the demo data and users "
            + "(e.g. http://127.0.0.1:8080); without it, one is started here on --database with the demo data.")
    URI url;

    @Option(names = "--password", paramLabel = "PASSWORD", description = "With --url: the demo users' password "
            + "(default: environment NARRATOR_DEMO_PASSWORD, as given to that server).")
    String password;

    @Override
    public Integer call() throws Exception {
        int duration = Math.min(Math.max(seconds, 1), 600);
        if (mix) {
            return mixed(duration);
        }
        Map<String, Object> props = new HashMap<>(Map.of("micronaut.server.port", -1, "micronaut.server.host", "127.0.0.1",
                "narrator.demo.enabled", false, "narrator.security.public-read", true, "narrator.graphql.max-complexity", 10_000_000));
        String schema = "load_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        database(props, schema);
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
            dropSchema(schema);
        }
    }

    /** A fresh database: a schema of its own on PostgreSQL (dropped afterwards), or a temporary SQLite file. */
    private void database(Map<String, Object> props, String schema) throws IOException {
        if (database.equals("postgresql")) {
            props.put("datasources.default.url", env("TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test") + "?currentSchema=" + schema);
            props.put("datasources.default.username", env("TEST_PG_USER", "postgres"));
            props.put("datasources.default.password", env("TEST_PG_PASSWORD", ""));
            props.put("datasources.default.driver-class-name", "org.budgetnarrator.model.db.PostgresDriver");
            props.put("datasources.default.maximum-pool-size", 16);
            props.put("flyway.datasources.default.locations", "classpath:db/migration/postgresql");
            props.put("flyway.datasources.default.schemas", schema);
        } else {
            props.put("datasources.default.url", "jdbc:sqlite:" + Files.createTempDirectory("narrator-load").resolve("load.db"));
        }
    }

    private void dropSchema(String schema) throws SQLException {
        if (database.equals("postgresql")) {
            try (Connection c = DriverManager.getConnection(env("TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test"),
                    env("TEST_PG_USER", "postgres"), env("TEST_PG_PASSWORD", "")); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }

    private int mixed(int duration) throws Exception {
        if (url != null) {
            String pw = password != null ? password : System.getenv("NARRATOR_DEMO_PASSWORD");
            if (pw == null || pw.isBlank()) {
                System.err.println("load --mix --url: the demo users' password is needed: --password, or NARRATOR_DEMO_PASSWORD "
                        + "as given to the server (bin/narrator serve prints the passwords it created)");
                return 2;
            }
            return report(new MixedLoad(url, pw).run(connections, duration), "server at " + url);
        }
        String pw = UUID.randomUUID().toString();
        Map<String, Object> props = new HashMap<>(Map.of("micronaut.server.port", -1, "micronaut.server.host", "127.0.0.1",
                "narrator.demo.enabled", true, "narrator.demo.password", pw));
        String schema = "load_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        database(props, schema);
        try (ApplicationContext context = ApplicationContext.builder().properties(props).start()) {
            EmbeddedServer server = context.getBean(EmbeddedServer.class).start();
            return report(new MixedLoad(server.getURI(), pw).run(connections, duration), database + ", embedded server with the demo data");
        } finally {
            dropSchema(schema);
        }
    }

    private static int report(MixedLoad.Report report, String label) {
        System.out.print(MixedLoad.markdown(report, label));
        return report.failed() ? 1 : 0;
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
