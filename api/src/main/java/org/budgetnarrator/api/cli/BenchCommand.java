package org.budgetnarrator.api.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.budgetnarrator.model.db.StatementCounter;
import org.budgetnarrator.model.generate.Generator;
import org.budgetnarrator.model.imports.DepartmentYearImporter;
import org.budgetnarrator.model.imports.ImportResult;
import org.budgetnarrator.model.imports.WorkbookWriter;
import org.budgetnarrator.model.store.DepartmentYearStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Measures, on a fresh SQLite database in a temporary folder: the nested GraphQL query over the demo data
 * and over generated departments, and the import of one workbook. Prints a Markdown report (the
 * figures of BENCHMARKS.md). Measures; asserts nothing.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measures the nested GraphQL query (demo data, and N generated departments) and the import of one "
                + "workbook on a fresh SQLite database, and prints a Markdown report."})
public class BenchCommand implements Callable<Integer> {

    private static final String NESTED = """
            query Nested($first: Int!, $filter: DepartmentFilter) {
              departments(first: $first, filter: $filter) {
                totalCount
                nodes { code name level region
                  departmentYears { year
                    accounts(classification: FUNCTIONAL) { code name level initialBudget adjustedBudget actual basic personnel operating project }
                    projects(first: 100) { nodes { code name initialBudget adjustedBudget executed
                      indicators { level1 level2 name target actual weight score } } } } } } }""";

    @Option(names = "--departments", defaultValue = "1000", description = "Generated departments (default ${DEFAULT-VALUE}).")
    int departments;

    @Option(names = "--runs", defaultValue = "30", description = "Timed runs per figure (default ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--out", description = "Also write the report to this file.")
    Path out;

    private final ObjectMapper mapper = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @Override
    public Integer call() throws Exception {
        Path dir = Files.createTempDirectory("narrator-bench");
        StringBuilder report = new StringBuilder();
        try (ApplicationContext context = ApplicationContext.builder()
                .properties(Map.of("datasources.default.url", "jdbc:sqlite:" + dir.resolve("bench.db"),
                        "micronaut.server.port", -1, "narrator.demo.enabled", true,
                        "narrator.security.public-read", true))
                .start()) {
            EmbeddedServer server = context.getBean(EmbeddedServer.class).start();
            URI graphql = URI.create(server.getURL() + "/graphql");
            report.append("| figure | median | p90 | min | runs | SQL statements |\n|---|---|---|---|---|---|\n");
            report.append(row("nested query, demo data (4 departments)", graphql, Map.of("first", 20)));

            DepartmentYearImporter importer = context.getBean(DepartmentYearImporter.class);
            Generator generator = new Generator(2024);
            long start = System.nanoTime();
            for (int i = 1; i <= departments; i++) {
                ImportResult result = importer.importContent("generated.json", mapper.writeValueAsBytes(generator.document(i, 2024)));
                if (!result.stored()) {
                    throw new IllegalStateException("generated document " + i + " does not import: " + result.errors());
                }
            }
            double generateSeconds = (System.nanoTime() - start) / 1e9;
            Map<String, Object> filter = Map.of("nameContains", "生成部门");
            report.append(row("nested query, 20 of " + departments + " generated departments", graphql,
                    Map.of("first", 20, "filter", filter)));
            report.append(row("nested query, 100 of " + departments + " generated departments", graphql,
                    Map.of("first", 100, "filter", filter)));

            byte[] workbook = new WorkbookWriter().write(context.getBean(DepartmentYearStore.class).export("XN-WB", 2024).orElseThrow());
            List<Double> imports = new ArrayList<>();
            for (int i = 0; i < runs + 3; i++) {
                long t = System.nanoTime();
                ImportResult result = importer.importContent("xianning-2024.xlsx", workbook);
                if (!result.stored()) {
                    throw new IllegalStateException("workbook does not import: " + result.errors());
                }
                if (i >= 3) {
                    imports.add((System.nanoTime() - t) / 1e6);
                }
            }
            report.append(stats("import of one workbook (Xianning 2024, " + workbook.length / 1024 + " KiB, 195 lines)", imports, "—"));

            // Drafting: one full report (sections 一 to 十三) read from SQLite and rendered.
            org.budgetnarrator.drafting.draft.DraftService drafts = context.getBean(org.budgetnarrator.drafting.draft.DraftService.class);
            List<Double> one = new ArrayList<>();
            for (int i = 0; i < runs + 50; i++) {
                long t = System.nanoTime();
                drafts.report("XN-WB", 2024, null).orElseThrow();
                if (i >= 50) {
                    one.add((System.nanoTime() - t) / 1e6);
                }
            }
            report.append(stats("draft the full report of Xianning 2024 from SQLite (read + render; 50 warm-up runs)", one, "—"));
            long t0 = System.nanoTime();
            for (int i = 1; i <= departments; i++) {
                drafts.report(Generator.code(i), 2024, null).orElseThrow();
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            report.append(String.format(Locale.ROOT, "| draft full reports of %d generated department-years, one thread | %.1f ms each | — | — | %d | "
                    + "%.0f reports/s |%n", departments, seconds * 1000 / departments, departments, departments / seconds));
            report.append("\nSet-up: ").append(departments).append(" generated department-years imported as JSON in ")
                    .append(String.format(Locale.ROOT, "%.1f", generateSeconds)).append(" s (")
                    .append(String.format(Locale.ROOT, "%.0f", departments / generateSeconds)).append(" documents/s).\n");
            report.append("Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, ")
                    .append(System.getProperty("java.vm.name")).append(' ').append(System.getProperty("java.version"))
                    .append(", ").append(LocalDate.now()).append(". Client and server in one JVM over loopback HTTP; ")
                    .append("3 warm-up runs before each figure.\n");
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        System.out.print(report);
        if (out != null) {
            Files.writeString(out, report.toString());
        }
        return 0;
    }

    private String row(String name, URI graphql, Map<String, Object> variables) throws IOException, InterruptedException {
        byte[] body = mapper.writeValueAsBytes(Map.of("query", NESTED, "variables", variables));
        List<Double> times = new ArrayList<>();
        long statements = 0;
        for (int i = 0; i < runs + 3; i++) {
            long before = StatementCounter.count();
            long t = System.nanoTime();
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(graphql).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            double ms = (System.nanoTime() - t) / 1e6;
            statements = StatementCounter.count() - before;
            if (response.statusCode() != 200 || response.body().contains("\"errors\"")) {
                throw new IllegalStateException("query failed: " + response.statusCode() + " " + response.body());
            }
            if (i >= 3) {
                times.add(ms);
            }
        }
        return stats(name, times, String.valueOf(statements));
    }

    private static String stats(String name, List<Double> times, String statements) {
        List<Double> sorted = new ArrayList<>(times);
        Collections.sort(sorted);
        double median = sorted.get(sorted.size() / 2);
        double p90 = sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * 0.9) - 1));
        return String.format(Locale.ROOT, "| %s | %.1f ms | %.1f ms | %.1f ms | %d | %s |%n", name, median, p90, sorted.get(0),
                sorted.size(), statements);
    }

}
