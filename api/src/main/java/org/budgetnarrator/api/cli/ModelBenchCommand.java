package org.budgetnarrator.api.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import org.budgetnarrator.drafting.draft.DraftService;
import org.budgetnarrator.drafting.draft.SectionKind;
import org.budgetnarrator.drafting.llm.ModelDrafter;
import org.budgetnarrator.model.generate.Generator;
import org.budgetnarrator.model.imports.DepartmentYearImporter;
import org.budgetnarrator.model.read.YearData;
import org.budgetnarrator.model.read.YearDataReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * POLISH throughput against a local OpenAI-compatible stand-in that answers after a fixed latency (the draft,
 * unchanged, as its polish): N sections of generated departments at the configured concurrency, then the same
 * again, which the cache should answer without a call. Measures; asserts nothing.
 */
@Command(name = "bench-model", mixinStandardHelpOptions = true,
        description = {"Polishes N sections of generated departments against a local stand-in model that answers after "
                + "--latency-ms, at --concurrency calls at a time, twice (the second from the cache), on a fresh SQLite "
                + "database, and prints the times and model calls."})
public class ModelBenchCommand implements java.util.concurrent.Callable<Integer> {

    @Option(names = "--sections", defaultValue = "1000", description = "Sections to polish (default ${DEFAULT-VALUE}).")
    int sections;

    @Option(names = "--latency-ms", defaultValue = "300", description = "The stand-in's latency per call (default ${DEFAULT-VALUE}).")
    int latency;

    @Option(names = "--concurrency", defaultValue = "16", description = "narrator.llm.concurrency (default ${DEFAULT-VALUE}).")
    int concurrency;

    @Override
    public Integer call() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        // The draft back unchanged: every answer passes the guard, so what is measured is calls and concurrency.
        StandInModel stub = new StandInModel(latency, draft -> draft);
        Path dir = Files.createTempDirectory("narrator-bench-model");
        Map<String, Object> properties = new HashMap<>();
        properties.put("datasources.default.url", "jdbc:sqlite:" + dir.resolve("bench.db"));
        properties.put("narrator.demo.enabled", false);
        properties.put("micronaut.server.enabled", false);
        properties.put("narrator.llm.base-url", stub.baseUrl());
        properties.put("narrator.llm.model", "bench-stub");
        properties.put("narrator.llm.concurrency", concurrency);
        try (ApplicationContext context = ApplicationContext.builder(Environment.CLI).properties(properties).start()) {
            DepartmentYearImporter importer = context.getBean(DepartmentYearImporter.class);
            YearDataReader reader = context.getBean(YearDataReader.class);
            DraftService drafts = context.getBean(DraftService.class);
            ModelDrafter models = context.getBean(ModelDrafter.class);
            Generator generator = new Generator(2024);
            List<ModelDrafter.Request> requests = new ArrayList<>();
            for (int i = 1; requests.size() < sections; i++) {
                importer.importContent("generated-" + i + ".json", mapper.writeValueAsBytes(generator.document(i, 2024)));
                YearData data = reader.read(Generator.code(i), 2024).orElseThrow();
                for (SectionKind section : SectionKind.values()) {
                    if (section.finalAccounts() && requests.size() < sections) {
                        requests.add(new ModelDrafter.Request(data, drafts.engine().draft(data, section, drafts.style(Generator.code(i), null))));
                    }
                }
            }
            System.out.println("| run | sections | wall | model calls | model's text taken | empty (nothing to polish) | fallbacks |");
            System.out.println("|---|---|---|---|---|---|---|");
            for (String run : new String[]{"first", "again, unchanged"}) {
                long calls = stub.calls();
                long start = System.nanoTime();
                List<ModelDrafter.Result> results = models.polishAll(requests);
                double seconds = (System.nanoTime() - start) / 1e9;
                long fromModel = results.stream().filter(ModelDrafter.Result::fromModel).count();
                long fallbacks = results.stream().filter(r -> r.fallbackReason() != null).count();
                System.out.printf(Locale.ROOT, "| %s | %d | %.1f s | %d | %d | %d | %d |%n", run, results.size(), seconds, stub.calls() - calls,
                        fromModel, results.size() - fromModel - fallbacks, fallbacks);
                results.stream().map(ModelDrafter.Result::fallbackReason).filter(java.util.Objects::nonNull).distinct().limit(3)
                        .forEach(reason -> System.err.println("fallback: " + reason));
            }
            System.out.printf(Locale.ROOT, "%nstand-in latency %d ms per call, concurrency %d%n", latency, concurrency);
        } finally {
            stub.close();
        }
        return 0;
    }
}
