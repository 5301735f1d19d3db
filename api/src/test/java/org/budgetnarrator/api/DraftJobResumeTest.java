package org.budgetnarrator.api;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.budgetnarrator.model.store.DraftJobStore;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A job left unfinished by a server that stopped (its items partly pending, one still claimed by the dead
 * instance) is finished by a running server on its own: its worker polls for unfinished jobs and takes over
 * claims older than the claim timeout.
 */
@MicronautTest(transactional = false)
@Property(name = "narrator.jobs.poll", value = "200ms")
@Property(name = "narrator.jobs.claim-timeout", value = "1s")
class DraftJobResumeTest {

    @Inject
    DraftJobStore store;

    @Test
    void aJobLeftByAStoppedServerIsResumedAndFinished() throws Exception {
        DraftJobStore.Job job = store.create(2024, "TEMPLATE", "md", null, false, List.of("HN-WB", "XN-WB"), "admin");
        List<String> orphaned = store.claim(job.id(), "stopped-instance", 1, Instant.now());
        assertEquals(List.of("HN-WB"), orphaned);

        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!store.job(job.id()).orElseThrow().status().equals(DraftJobStore.FINISHED) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertEquals(DraftJobStore.FINISHED, store.job(job.id()).orElseThrow().status(), "resumed without anyone starting it");
        List<DraftJobStore.Item> items = store.items(job.id(), null);
        assertEquals(DraftJobStore.DONE, items.get(0).status());
        assertEquals(2, items.get(0).attempts(), "HN-WB: taken over from the stopped instance");
        assertEquals(DraftJobStore.DONE, items.get(1).status());
        assertEquals(1, items.get(1).attempts());
    }
}
