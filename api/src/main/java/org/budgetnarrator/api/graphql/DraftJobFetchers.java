package org.budgetnarrator.api.graphql;

import graphql.schema.DataFetcher;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.budgetnarrator.api.jobs.DraftJobWorker;
import org.budgetnarrator.api.security.Access;
import org.budgetnarrator.drafting.export.DraftJobs;
import org.budgetnarrator.model.repo.DepartmentPages;
import org.budgetnarrator.model.store.DraftJobStore;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/** Bulk drafting jobs: starting one, following it, its results. */
@Singleton
public class DraftJobFetchers {

    private static final Map<String, String> FORMATS = Map.of("DOCX", "docx", "MARKDOWN", "md", "JSON", "json");

    private final DraftJobs jobs;
    private final DraftJobWorker worker;
    private final Executor executor;
    private final org.budgetnarrator.drafting.llm.ModelSettings models;

    public DraftJobFetchers(DraftJobs jobs, @Nullable DraftJobWorker worker, @Named(TaskExecutors.BLOCKING) Executor executor,
                            org.budgetnarrator.drafting.llm.ModelSettings models) {
        this.jobs = jobs;
        this.worker = worker;
        this.executor = executor;
        this.models = models;
    }

    DataFetcher<CompletableFuture<Map<String, Object>>> start() {
        return env -> {
            int year = env.getArgument("year");
            String mode = String.valueOf(env.<Object>getArgumentOrDefault("mode", "TEMPLATE"));
            String format = FORMATS.get(String.valueOf(env.<Object>getArgumentOrDefault("format", "DOCX")));
            if (mode.equals("SUGGEST_REASONS")) {
                throw new BadInputException("mode: SUGGEST_REASONS writes no report (it is the suggestReasons mutation); use TEMPLATE or POLISH");
            }
            if (mode.equals("POLISH") && models.missing() != null) {
                throw new UnavailableException("mode POLISH needs a language model, and " + models.missing()
                        + " is not set; TEMPLATE mode works without one");
            }
            if (mode.equals("POLISH") && format.equals("json")) {
                throw new BadInputException("format: POLISH writes DOCX or MARKDOWN (JSON places the template's facts by offset)");
            }
            DepartmentPages.Filter filter = QueryFetchers.filter(env.getArgument("filter"));
            boolean force = Boolean.TRUE.equals(env.getArgument("force"));
            String by = Access.username(env);
            return Blocking.run(() -> {
                DraftJobStore.Job job = jobs.start(year, filter, mode, format, force, by);
                if (worker != null) {
                    worker.kick();
                }
                return view(job);
            }, executor);
        };
    }

    DataFetcher<CompletableFuture<Map<String, Object>>> job() {
        return env -> {
            Access.admin(env);
            long id;
            try {
                id = Long.parseLong(env.getArgument("id"));
            } catch (NumberFormatException e) {
                throw new BadInputException("id: a drafting job's number, e.g. \"7\"; got \"" + env.getArgument("id") + "\"");
            }
            return Blocking.run(() -> jobs.store().job(id).map(this::view).orElse(null), executor);
        };
    }

    DataFetcher<CompletableFuture<List<Map<String, Object>>>> results() {
        return env -> {
            Map<String, Object> job = env.getSource();
            Object status = env.getArgument("status");
            return Blocking.run(() -> jobs.store().items((Long) job.get("key"), status == null ? null : status.toString()).stream()
                    .map(i -> {
                        Map<String, Object> out = new HashMap<>();
                        out.put("departmentCode", i.departmentCode());
                        out.put("status", i.status());
                        out.put("attempts", i.attempts());
                        out.put("gaps", i.gaps());
                        out.put("error", i.error());
                        out.put("fileName", i.fileName());
                        out.put("unchanged", i.unchanged());
                        out.put("reason", i.reason());
                        return out;
                    }).toList(), executor);
        };
    }

    private Map<String, Object> view(DraftJobStore.Job job) {
        DraftJobStore.Counts counts = jobs.store().counts(job.id());
        Map<String, Object> out = new HashMap<>();
        out.put("key", job.id());
        out.put("id", String.valueOf(job.id()));
        out.put("year", job.year());
        out.put("mode", job.mode());
        out.put("format", FORMATS.entrySet().stream().filter(e -> e.getValue().equals(job.format())).findFirst().orElseThrow().getKey());
        out.put("status", job.status());
        out.put("total", job.total());
        out.put("done", counts.done());
        out.put("failed", counts.failed());
        out.put("gaps", counts.gaps());
        out.put("unchanged", counts.unchanged());
        out.put("skipped", counts.skipped());
        out.put("startedBy", job.startedBy());
        out.put("startedAt", job.startedAt());
        out.put("finishedAt", job.finishedAt());
        out.put("downloadPath", "/drafts/jobs/" + job.id() + "/files.zip");
        return out;
    }
}
