package org.budgetnarrator.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.budgetnarrator.drafting.export.BulkDrafter;
import org.budgetnarrator.drafting.export.DraftJobs;
import org.budgetnarrator.model.generate.Generator;
import org.budgetnarrator.model.imports.DepartmentYearImporter;
import org.budgetnarrator.model.imports.ImportResult;
import org.budgetnarrator.model.repo.DepartmentPages;
import org.budgetnarrator.model.store.DraftJobStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bulk drafting jobs shared by workers through the database (on PostgreSQL, claims with FOR UPDATE SKIP
 * LOCKED): every department-year is drafted exactly once however many workers take part, and a job whose
 * worker died is taken over and finished. The server's own background worker is off here, so the workers
 * are the test's.
 */
@MicronautTest(transactional = false)
@Property(name = "narrator.demo.enabled", value = "false")
@Property(name = "narrator.jobs.background", value = "false")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DraftJobWorkersTest {

    private static final DepartmentPages.Filter GENERATED = new DepartmentPages.Filter("生成部门", null, null);

    @Inject
    DepartmentYearImporter importer;
    @Inject
    DraftJobStore store;
    @Inject
    BulkDrafter drafter;
    @Inject
    DepartmentPages pages;

    @BeforeAll
    void generateDepartments() throws Exception {
        Generator generator = new Generator(11);
        ObjectMapper mapper = new ObjectMapper();
        for (int i = 1; i <= 30; i++) {
            for (int year : new int[]{2023, 2024}) {
                ImportResult result = importer.importContent("generated-" + i + "-" + year + ".json",
                        mapper.writeValueAsBytes(generator.document(i, year)));
                assertTrue(result.stored(), () -> result.errors().toString());
            }
        }
    }

    private DraftJobs jobs(Duration claimTimeout, int batch) {
        return new DraftJobs(store, drafter, pages, claimTimeout, batch);
    }

    @Test
    void twoWorkersOnOneJobDraftEveryDepartmentExactlyOnce() throws Exception {
        DraftJobStore.Job job = jobs(Duration.ofMinutes(5), 2).start(2024, GENERATED, "TEMPLATE", "md", false, "test");
        assertEquals(30, job.total());
        assertEquals(DraftJobStore.RUNNING, job.status());

        CountDownLatch go = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        List<Future<Integer>> handled = new ArrayList<>();
        for (String worker : List.of("worker-a", "worker-b")) {
            Callable<Integer> work = () -> {
                go.await();
                return jobs(Duration.ofMinutes(5), 2).work(job.id(), worker);
            };
            handled.add(threads.submit(work));
        }
        go.countDown();
        int total = handled.get(0).get() + handled.get(1).get();
        threads.shutdown();

        assertEquals(30, total, "the two workers together drafted each department-year once, no more");
        List<DraftJobStore.Item> items = store.items(job.id(), null);
        assertEquals(30, items.size());
        for (DraftJobStore.Item item : items) {
            assertEquals(DraftJobStore.DONE, item.status(), item.departmentCode());
            assertEquals(1, item.attempts(), () -> item.departmentCode() + " was claimed more than once");
            assertEquals(item.departmentCode() + "-2024.md", item.fileName());
        }
        DraftJobStore.Job finished = store.job(job.id()).orElseThrow();
        assertEquals(DraftJobStore.FINISHED, finished.status());
        assertTrue(finished.finishedAt() != null);
        DraftJobStore.Counts counts = store.counts(job.id());
        assertEquals(30, counts.done());
        assertEquals(0, counts.failed());
        assertEquals(items.stream().mapToInt(DraftJobStore.Item::gaps).sum(), counts.gaps());

        List<String> names = new ArrayList<>();
        store.files(job.id(), (name, content) -> {
            names.add(name);
            assertTrue(new String(content, StandardCharsets.UTF_8).contains("年度部门决算"), name);
        });
        assertEquals(items.stream().map(DraftJobStore.Item::fileName).toList(), names);
    }

    @Test
    void aJobWhoseWorkerDiedIsTakenOverOnceItsClaimsGoStale() {
        DraftJobs patient = jobs(Duration.ofMinutes(5), 10);
        DraftJobStore.Job job = patient.start(2024, new DepartmentPages.Filter("生成部门2", null, null), "TEMPLATE", "json", false, "test");
        assertTrue(job.total() >= 2, "departments 2, 20–29 match");
        // A worker claims three items and dies before drafting them.
        List<String> orphaned = store.claim(job.id(), "dead-worker", 3, Instant.now());
        assertEquals(3, orphaned.size());

        assertEquals(job.total() - 3, patient.work(job.id(), "worker-b"), "fresh claims are left alone");
        assertEquals(DraftJobStore.RUNNING, store.job(job.id()).orElseThrow().status(), "not finished while items are claimed");
        assertEquals(3, store.counts(job.id()).claimed());

        // After a restart (or on another instance) the claims are stale and are taken over.
        assertEquals(3, jobs(Duration.ZERO, 10).workAll("worker-c"));
        assertEquals(DraftJobStore.FINISHED, store.job(job.id()).orElseThrow().status());
        for (DraftJobStore.Item item : store.items(job.id(), null)) {
            assertEquals(DraftJobStore.DONE, item.status());
            assertEquals(orphaned.contains(item.departmentCode()) ? 2 : 1, item.attempts(), item.departmentCode());
        }
        // The dead worker coming back late stores nothing over the finished item.
        assertFalse(store.complete(job.id(), orphaned.get(0), "dead-worker", "x.json", new byte[]{1}, 0, "f"));
    }

    @Test
    void aDepartmentThatCannotBeDraftedFailsAloneAndTheJobFinishes() {
        DraftJobStore.Job job = store.create(2024, "TEMPLATE", "md", null, false, List.of(Generator.code(1), "NO-SUCH-DEPT", Generator.code(2)), "test");
        assertEquals(3, jobs(Duration.ofMinutes(5), 10).work(job.id(), "worker-a"));
        DraftJobStore.Counts counts = store.counts(job.id());
        assertEquals(2, counts.done());
        assertEquals(1, counts.failed());
        DraftJobStore.Item failed = store.items(job.id(), DraftJobStore.FAILED).get(0);
        assertEquals("NO-SUCH-DEPT", failed.departmentCode());
        assertTrue(failed.error().contains("no department-year NO-SUCH-DEPT 2024"), failed.error());
        assertEquals(DraftJobStore.FINISHED, store.job(job.id()).orElseThrow().status());
    }

    private java.util.Map<String, byte[]> files(long jobId) {
        java.util.Map<String, byte[]> out = new java.util.TreeMap<>();
        store.files(jobId, out::put);
        return out;
    }

    @Test
    void aSecondJobOverUnchangedDataDraftsNothingAgainUnlessForced() throws Exception {
        DraftJobs jobs = jobs(Duration.ofMinutes(5), 10);
        DepartmentPages.Filter three = new DepartmentPages.Filter("生成部门3", null, null); // departments 3 and 30
        DraftJobStore.Job first = jobs.start(2024, three, "TEMPLATE", "docx", false, "test");
        assertEquals(2, jobs.work(first.id(), "worker-a"));
        assertEquals(0, store.counts(first.id()).unchanged());

        DraftJobStore.Job second = jobs.start(2024, three, "TEMPLATE", "docx", false, "test");
        assertEquals(2, jobs.work(second.id(), "worker-a"));
        DraftJobStore.Counts again = store.counts(second.id());
        assertEquals(2, again.done());
        assertEquals(2, again.unchanged(), "nothing changed, so nothing was drafted again");
        assertEquals(store.counts(first.id()).gaps(), again.gaps());
        java.util.Map<String, byte[]> before = files(first.id());
        java.util.Map<String, byte[]> reused = files(second.id());
        assertEquals(before.keySet(), reused.keySet());
        for (String name : before.keySet()) {
            assertTrue(java.util.Arrays.equals(before.get(name), reused.get(name)), name + " is the earlier job's file");
        }

        // Department 3's data changes: only it is drafted again.
        ImportResult changed = importer.importContent("changed.json", new ObjectMapper().writeValueAsBytes(new Generator(99).document(3, 2024)));
        assertTrue(changed.stored(), () -> changed.errors().toString());
        DraftJobStore.Job third = jobs.start(2024, three, "TEMPLATE", "docx", false, "test");
        jobs.work(third.id(), "worker-a");
        assertEquals(1, store.counts(third.id()).unchanged());
        DraftJobStore.Item redrafted = store.items(third.id(), null).get(0);
        assertEquals(Generator.code(3), redrafted.departmentCode());
        assertFalse(redrafted.unchanged());

        DraftJobStore.Job forced = jobs.start(2024, three, "TEMPLATE", "docx", true, "test");
        jobs.work(forced.id(), "worker-a");
        assertEquals(0, store.counts(forced.id()).unchanged(), "forced: every department drafted again");
        assertEquals(2, store.counts(forced.id()).done());
    }

    @Test
    void aJobOverNoDepartmentsIsFinishedAtOnce() {
        DraftJobStore.Job job = jobs(Duration.ofMinutes(5), 10).start(1999, GENERATED, "TEMPLATE", "docx", false, "test");
        assertEquals(0, job.total());
        assertEquals(DraftJobStore.FINISHED, job.status());
    }
}
