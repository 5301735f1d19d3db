package org.budgetnarrator.api.graphql;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.budgetnarrator.api.security.Access;
import org.budgetnarrator.drafting.draft.DraftVersions;
import org.budgetnarrator.drafting.draft.SectionKind;
import org.budgetnarrator.drafting.draft.StyleProfiles;
import org.budgetnarrator.model.domain.DepartmentYear;
import org.budgetnarrator.model.repo.DepartmentRepository;
import org.budgetnarrator.model.store.DraftVersionStore;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/** Draft versions and frozen reports. */
@Singleton
public class VersionFetchers {

    private final DraftVersions versions;
    private final DepartmentRepository departments;
    private final Executor executor;
    private final org.budgetnarrator.drafting.llm.ModelSettings models;

    public VersionFetchers(DraftVersions versions, DepartmentRepository departments, @Named(TaskExecutors.BLOCKING) Executor executor,
                           org.budgetnarrator.drafting.llm.ModelSettings models) {
        this.versions = versions;
        this.departments = departments;
        this.executor = executor;
        this.models = models;
    }

    DataFetcher<CompletableFuture<List<Map<String, Object>>>> list() {
        return env -> {
            DepartmentYear y = env.getSource();
            SectionKind section = section(env);
            return Blocking.run(() -> {
                String code = code(y);
                Access.readWorking(env, code);
                return versions.versions(code, y.year(), section).stream().map(VersionFetchers::version).toList();
            }, executor);
        };
    }

    DataFetcher<CompletableFuture<List<Map<String, Object>>>> frozen() {
        return env -> {
            DepartmentYear y = env.getSource();
            return Blocking.run(() -> versions.frozen(code(y), y.year()).stream().map(VersionFetchers::frozen).toList(), executor);
        };
    }

    DataFetcher<CompletableFuture<Map<String, Object>>> save() {
        return env -> Blocking.run(() -> version(versions.save(env.getArgument("departmentCode"), env.<Integer>getArgument("year"),
                section(env), env.getArgument("baseVersion"), env.getArgument("text"), Access.username(env))), executor);
    }

    DataFetcher<CompletableFuture<Map<String, Object>>> regenerate() {
        return env -> {
            String style = env.getArgument("style");
            if (style != null && !StyleProfiles.available().contains(style)) {
                throw new BadInputException("style: unknown style profile \"" + style + "\"; available: " + StyleProfiles.available());
            }
            Boolean force = env.getArgument("force");
            String code = env.getArgument("departmentCode");
            int year = env.getArgument("year");
            String mode = String.valueOf(env.<Object>getArgumentOrDefault("mode", "TEMPLATE"));
            if (mode.equals("SUGGEST_REASONS")) {
                throw new BadInputException("mode: SUGGEST_REASONS proposes reasons and does not regenerate text; use TEMPLATE or POLISH");
            }
            if (mode.equals("POLISH") && models.missing() != null) {
                throw new UnavailableException("mode POLISH needs a language model, and " + models.missing()
                        + " is not set; TEMPLATE mode works without one");
            }
            return Blocking.run(() -> version(versions.regenerate(code, year, section(env), style, Boolean.TRUE.equals(force), Access.username(env), mode)
                    .orElseThrow(() -> new NotFoundException("no department-year " + code + " " + year + " is stored"))), executor);
        };
    }

    DataFetcher<CompletableFuture<Map<String, Object>>> restore() {
        return env -> {
            String code = env.getArgument("departmentCode");
            int year = env.getArgument("year");
            int version = env.getArgument("version");
            return Blocking.run(() -> version(versions.restore(code, year, section(env), version, Access.username(env))
                    .orElseThrow(() -> new NotFoundException("no saved version " + version + " of that draft"))), executor);
        };
    }

    DataFetcher<CompletableFuture<Map<String, Object>>> freeze() {
        return env -> {
            String code = env.getArgument("departmentCode");
            int year = env.getArgument("year");
            String style = env.getArgument("style");
            if (style != null && !StyleProfiles.available().contains(style)) {
                throw new BadInputException("style: unknown style profile \"" + style + "\"; available: " + StyleProfiles.available());
            }
            return Blocking.run(() -> frozen(versions.freeze(code, year, style, Access.username(env))
                    .orElseThrow(() -> new NotFoundException("no department-year " + code + " " + year + " is stored"))), executor);
        };
    }

    private static SectionKind section(DataFetchingEnvironment env) {
        String section = env.getArgument("section");
        return section == null ? null : SectionKind.valueOf(section);
    }

    private String code(DepartmentYear y) {
        return departments.findByIdIn(List.of(y.departmentId())).get(0).code();
    }

    static Map<String, Object> version(DraftVersionStore.Version v) {
        Map<String, Object> out = new HashMap<>();
        out.put("section", v.section().equals(DraftVersions.REPORT) ? null : v.section());
        out.put("version", v.version());
        out.put("baseVersion", v.baseVersion());
        out.put("origin", v.origin());
        out.put("style", v.style());
        out.put("text", v.text());
        out.put("author", v.author());
        out.put("createdAt", v.createdAt());
        if (v.generation() != null) {
            out.put("mode", v.generation().mode());
            out.put("promptVersion", v.generation().promptVersion());
            out.put("model", v.generation().model());
            out.put("fallbackReason", v.generation().fallbackReason());
        }
        return out;
    }

    static Map<String, Object> frozen(DraftVersionStore.Frozen f) {
        Map<String, Object> out = new HashMap<>();
        out.put("style", f.style());
        out.put("text", f.text());
        out.put("contentHash", f.contentHash());
        out.put("templates", f.templates());
        out.put("frozenBy", f.frozenBy());
        out.put("frozenAt", f.frozenAt());
        return out;
    }
}
