package org.budgetnarrator.drafting.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.budgetnarrator.model.repo.DepartmentPages;
import org.budgetnarrator.model.store.DraftJobStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Bulk drafting as a job in the database, so that any number of workers (threads, server instances) share
 * it and a job outlives the process that started it. Each worker claims a batch of department-years, drafts
 * them one at a time and stores each file as it is done; one department's failure is recorded and the job
 * goes on.
 */
@Singleton
public class DraftJobs {

    private static final Logger LOG = LoggerFactory.getLogger(DraftJobs.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final DraftJobStore store;
    private final BulkDrafter drafter;
    private final DepartmentPages pages;
    private final Duration claimTimeout;
    private final int batch;

    public DraftJobs(DraftJobStore store, BulkDrafter drafter, DepartmentPages pages,
                     @Value("${narrator.jobs.claim-timeout:5m}") Duration claimTimeout,
                     @Value("${narrator.jobs.batch:10}") int batch) {
        this.store = store;
        this.drafter = drafter;
        this.pages = pages;
        this.claimTimeout = claimTimeout;
        this.batch = batch;
    }

    public DraftJobStore store() {
        return store;
    }

    /** Lists every department matching the filter that has data for the year as one job (format: docx, md or json). */
    public DraftJobStore.Job start(int year, DepartmentPages.Filter filter, String mode, String format, boolean force, String startedBy) {
        ReportFiles.extension(format);
        List<String> codes = pages.codesWithYear(filter, year);
        Map<String, Object> recorded = new LinkedHashMap<>();
        recorded.put("nameContains", filter.nameContains());
        recorded.put("level", filter.level());
        recorded.put("region", filter.region());
        try {
            return store.create(year, mode, format, MAPPER.writeValueAsString(recorded), force, codes, startedBy);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Works on the job until nothing is left to claim, then marks it finished if every item is done or failed.
     * Returns how many items this worker handled (drafted, reused unchanged, skipped with nothing to draft, or failed).
     */
    public int work(long jobId, String worker) {
        DraftJobStore.Job job = store.job(jobId).orElseThrow(() -> new IllegalArgumentException("no drafting job " + jobId));
        int handled = 0;
        while (true) {
            List<String> claimed = store.claim(jobId, worker, batch, Instant.now().minus(claimTimeout));
            if (claimed.isEmpty()) {
                break;
            }
            // A batch's files (at most `batch` of them) are recorded in one transaction.
            List<DraftJobStore.Outcome> outcomes = new ArrayList<>(claimed.size());
            for (String code : claimed) {
                try {
                    BulkDrafter.Prepared prepared = drafter.prepare(code, job.year(), job.format(), job.mode());
                    java.util.Optional<String> nothing = drafter.nothingToDraft(prepared.data());
                    if (nothing.isPresent()) {
                        outcomes.add(DraftJobStore.Outcome.skipped(code, nothing.get()));
                        handled++;
                        continue;
                    }
                    // Unchanged since an earlier job drafted it: point at that file rather than draft it again.
                    var earlier = job.force() ? java.util.Optional.<DraftJobStore.Earlier>empty()
                            : store.earlier(jobId, code, prepared.fingerprint());
                    if (earlier.isPresent()) {
                        outcomes.add(DraftJobStore.Outcome.reused(code, earlier.get(), prepared.fingerprint()));
                    } else {
                        BulkDrafter.Rendered file = drafter.render(prepared);
                        outcomes.add(DraftJobStore.Outcome.drafted(code, file.fileName(), file.content(), file.gaps(), prepared.fingerprint()));
                    }
                } catch (RuntimeException e) {
                    LOG.warn("drafting job {}: {} {} failed: {}", jobId, code, job.year(), e.toString());
                    outcomes.add(DraftJobStore.Outcome.failed(code, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
                }
                handled++;
            }
            store.record(jobId, worker, outcomes);
        }
        if (store.finishIfComplete(jobId)) {
            DraftJobStore.Counts counts = store.counts(jobId);
            LOG.info("drafting job {} finished: {} drafted, {} skipped (nothing to draft), {} failed, {} gaps left", jobId, counts.done(),
                    counts.skipped(), counts.failed(), counts.gaps());
        }
        return handled;
    }

    /** Works on every unfinished job in turn (after a restart, or for a second instance joining in). */
    public int workAll(String worker) {
        int handled = 0;
        for (long id : store.running()) {
            handled += work(id, worker);
        }
        return handled;
    }
}
