package org.budgetnarrator.api.graphql;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.budgetnarrator.api.security.Access;
import org.budgetnarrator.drafting.audit.AuditService;
import org.budgetnarrator.drafting.audit.Deadline;
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

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(VersionFetchers.class);

    private final DraftVersions versions;
    private final DepartmentRepository departments;
    private final Executor executor;
    private final org.budgetnarrator.drafting.llm.ModelSettings models;
    private final AuditService audits;

    public VersionFetchers(DraftVersions versions, DepartmentRepository departments, @Named(TaskExecutors.BLOCKING) Executor executor,
                           org.budgetnarrator.drafting.llm.ModelSettings models, AuditService audits) {
        this.versions = versions;
        this.departments = departments;
        this.executor = executor;
        this.models = models;
        this.audits = audits;
    }

    /**
     * The schema's DraftVersion. findings: the narrative check run by saveDraft (AuditFinding as AuditFetchers
     * shapes it); null elsewhere.
     */
    record DraftVersionPayload(String section, int version, Integer baseVersion, String origin, String style, String text,
                               String author, String createdAt, String mode, String promptVersion, String model,
                               String fallbackReason, List<Map<String, Object>> findings) {
    }

    DataFetcher<CompletableFuture<List<DraftVersionPayload>>> list() {
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

    /**
     * Saves the text, then checks it as checkNarrative does and answers the findings with the version: the check
     * informs, it never refuses a save (a check cut short by the request's time answers null findings).
     */
    DataFetcher<CompletableFuture<DraftVersionPayload>> save() {
        return env -> {
            String code = env.getArgument("departmentCode");
            int year = env.<Integer>getArgument("year");
            String text = env.getArgument("text");
            Deadline given = env.getGraphQlContext().get(Deadline.class);
            Deadline deadline = given != null ? given : Deadline.none();
            return Blocking.run(() -> {
                DraftVersionStore.Version saved = versions.save(code, year, section(env), env.getArgument("baseVersion"), text,
                        Access.username(env));
                List<Map<String, Object>> findings;
                try {
                    findings = audits.checkText(code, year, text, deadline).orElse(List.of()).stream().map(AuditFetchers::finding).toList();
                } catch (Deadline.ExceededException e) {
                    LOG.warn("saveDraft {} {} {}: version {} saved, its narrative check cut short: {}", code, year, saved.section(),
                            saved.version(), e.getMessage());
                    findings = null;
                }
                return version(saved, findings);
            }, executor);
        };
    }

    DataFetcher<CompletableFuture<DraftVersionPayload>> regenerate() {
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

    DataFetcher<CompletableFuture<DraftVersionPayload>> restore() {
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

    static DraftVersionPayload version(DraftVersionStore.Version v) {
        return version(v, null);
    }

    static DraftVersionPayload version(DraftVersionStore.Version v, List<Map<String, Object>> findings) {
        DraftVersionStore.Generation g = v.generation();
        return new DraftVersionPayload(v.section().equals(DraftVersions.REPORT) ? null : v.section(), v.version(), v.baseVersion(),
                v.origin(), v.style(), v.text(), v.author(), v.createdAt(), g == null ? null : g.mode(), g == null ? null : g.promptVersion(),
                g == null ? null : g.model(), g == null ? null : g.fallbackReason(), findings);
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
