package org.budgetnarrator.api.graphql;

import graphql.schema.DataFetcher;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.budgetnarrator.model.domain.DepartmentYear;
import org.budgetnarrator.model.imports.DepartmentYearImporter;
import org.budgetnarrator.model.imports.ImportProblem;
import org.budgetnarrator.model.imports.ImportResult;
import org.budgetnarrator.model.repo.DepartmentRepository;
import org.budgetnarrator.model.repo.ChildRows;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/** Mutation.importDepartmentYear: the same importer as the command line and the demo data. */
@Singleton
public class MutationFetchers {

    private final DepartmentYearImporter importer;
    private final DepartmentRepository departments;
    private final ChildRows years;
    private final Executor executor;
    private final io.micrometer.core.instrument.MeterRegistry meters;

    public MutationFetchers(DepartmentYearImporter importer, DepartmentRepository departments,
                            ChildRows years, @Named(TaskExecutors.BLOCKING) Executor executor,
                            io.micrometer.core.instrument.MeterRegistry meters) {
        this.meters = meters;
        this.importer = importer;
        this.departments = departments;
        this.years = years;
        this.executor = executor;
    }

    DataFetcher<CompletableFuture<Map<String, Object>>> importDepartmentYear() {
        return env -> {
            String document = env.getArgument("document");
            String given = env.getArgument("fileName");
            String name = given == null || given.isBlank() ? "document.json" : given;
            String jsonName = name.toLowerCase().endsWith(".json") ? name : name + ".json";
            return Blocking.run(() -> {
                ImportResult result = importer.importContent(jsonName, document.getBytes(StandardCharsets.UTF_8));
                meters.counter("narrator.imports", "outcome", result.stored() ? "stored" : "rejected").increment();
                meters.counter("narrator.import.errors").increment(result.errors().size());
                Map<String, Object> payload = new HashMap<>();
                payload.put("stored", result.stored());
                payload.put("problems", result.problems().stream().map(MutationFetchers::problem).toList());
                payload.put("departmentYear", result.stored() ? stored(result) : null);
                return payload;
            }, executor);
        };
    }

    private DepartmentYear stored(ImportResult result) {
        return departments.findByCode(result.departmentCode())
                .flatMap(d -> years.years(List.of(d.id())).stream()
                        .filter(y -> y.year().equals(result.year())).findFirst())
                .orElse(null);
    }

    static Map<String, Object> problem(ImportProblem p) {
        Map<String, Object> out = new HashMap<>();
        out.put("severity", p.severity().name());
        out.put("file", p.location().file());
        out.put("path", p.location().jsonPath());
        out.put("line", p.location().line());
        out.put("sheet", p.location().sheet());
        out.put("row", p.location().row());
        out.put("column", p.location().column());
        out.put("field", p.field());
        out.put("value", p.value());
        out.put("expected", p.expected());
        out.put("message", p.message());
        return out;
    }
}
