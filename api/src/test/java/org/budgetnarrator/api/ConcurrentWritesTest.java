package org.budgetnarrator.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientException;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.budgetnarrator.model.store.DraftVersionStore;
import org.budgetnarrator.model.store.Writes;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Writes that never fail for being concurrent: on SQLite one writer at a time inside the application (no
 * request ever meets SQLITE_BUSY), on both databases a racing save is CONFLICT or succeeds, never INTERNAL,
 * and a save for a department-year that is not stored is NOT_FOUND with nothing stored.
 */
@MicronautTest(transactional = false)
// A slow answer under load is counted as what it is, not cut off by the client (default 10 s).
@Property(name = "micronaut.http.client.read-timeout", value = "120s")
class ConcurrentWritesTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    DataSource dataSource;

    @Inject
    DraftVersionStore versions;

    @Inject
    Writes writes;

    /** The answer's first error code, OK without errors, or HTTP and the status when the request itself failed. */
    private String outcome(String user, String operation, Object... variables) {
        try {
            JsonNode result = new GraphQLClient(http, user).run(operation, variables);
            JsonNode errors = result.path("errors");
            return errors.isArray() && !errors.isEmpty() ? errors.get(0).path("extensions").path("code").asText("NO_CODE") : "OK";
        } catch (HttpClientResponseException e) {
            return "HTTP " + e.getStatus().getCode();
        } catch (HttpClientException e) {
            return "client " + e.getClass().getSimpleName();
        }
    }

    /** Runs each task on a thread of its own until the time is up; outcomes counted as "task outcome". */
    private static Map<String, Integer> runFor(long millis, List<Function<Integer, String>> tasks) throws Exception {
        Map<String, Integer> counts = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            long end = System.nanoTime() + millis * 1_000_000L;
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < tasks.size(); t++) {
                Function<Integer, String> task = tasks.get(t);
                running.add(pool.submit(() -> {
                    for (int i = 0; System.nanoTime() < end; i++) {
                        counts.merge(task.apply(i), 1, Integer::sum);
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get(millis + 120_000, TimeUnit.MILLISECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        return new TreeMap<>(counts);
    }

    @Test
    void twoOfficersSavingDraftsOfTheirDepartmentsAtOnceNeverFail() throws Exception {
        // Each officer edits a section of their own department, always on the version they saved last: no conflict is possible.
        List<Function<Integer, String>> officers = new ArrayList<>();
        // Each in a section their year's document holds: HN-WB's is a self-evaluation, with no 机关运行经费 section.
        for (String[] officer : new String[][]{{"officer-xn", "XN-WB", "OFFICE_RUNNING_COST", "机关运行经费说明"},
                {"officer-hn", "HN-WB", "IMPROVEMENT_PLAN", "改进措施及结果应用方案"}}) {
            AtomicReference<Integer> base = new AtomicReference<>();
            officers.add(i -> {
                try {
                    JsonNode result = new GraphQLClient(http, officer[0]).run("save-draft", "code", officer[1], "year", 2024,
                            "section", officer[2], "base", base.get(), "text", "第" + i + "次修改：" + officer[3] + "。");
                    JsonNode errors = result.path("errors");
                    if (errors.isArray() && !errors.isEmpty()) {
                        return "saveDraft " + errors.get(0).path("extensions").path("code").asText();
                    }
                    base.set(result.path("data").path("saveDraft").path("version").asInt());
                    return "saveDraft OK";
                } catch (HttpClientException e) {
                    return "saveDraft " + e.getClass().getSimpleName();
                }
            });
        }
        Map<String, Integer> counts = runFor(4_000, officers);
        assertEquals(Map.of("saveDraft OK", counts.getOrDefault("saveDraft OK", 0)), counts, "every save succeeds: " + counts);
        assertTrue(counts.get("saveDraft OK") >= 4, "the officers saved while the other did: " + counts);
        for (String[] edited : new String[][]{{"XN-WB", "OFFICE_RUNNING_COST"}, {"HN-WB", "IMPROVEMENT_PLAN"}}) {
            String code = edited[0];
            List<DraftVersionStore.Version> saved = versions.versions(code, 2024, edited[1]);
            for (int i = 0; i < saved.size(); i++) {
                assertEquals(i + 1, saved.get(i).version(), code + ": versions numbered 1..n");
            }
        }
    }

    @Test
    void racingSavesOfOneSectionAreOkOrConflictAndNumberedWithoutGaps() throws Exception {
        int threads = 12;
        int rounds = 8;
        assertEquals("OK", outcome("admin", "save-draft", "code", "XN-WB", "year", 2024, "section", "PROCUREMENT", "text", "初稿。"));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        Map<String, Integer> counts = new TreeMap<>();
        try {
            for (int round = 1; round <= rounds; round++) {
                int base = round;
                CyclicBarrier start = new CyclicBarrier(threads);
                List<Future<String>> answers = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    String user = t % 2 == 0 ? "admin" : "officer-xn";
                    String text = "第" + round + "轮，第" + t + "人的修改。";
                    answers.add(pool.submit(() -> {
                        start.await();
                        return outcome(user, "save-draft", "code", "XN-WB", "year", 2024, "section", "PROCUREMENT", "base", base, "text", text);
                    }));
                }
                int ok = 0;
                for (Future<String> answer : answers) {
                    String code = answer.get(2, TimeUnit.MINUTES);
                    counts.merge(code, 1, Integer::sum);
                    ok += code.equals("OK") ? 1 : 0;
                }
                assertEquals(1, ok, "round " + round + ": exactly one save on version " + base + " wins; " + counts);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(Map.of("OK", rounds, "CONFLICT", rounds * (threads - 1)), counts);
        List<DraftVersionStore.Version> saved = versions.versions("XN-WB", 2024, "PROCUREMENT");
        assertEquals(rounds + 1, saved.size());
        for (int i = 0; i < saved.size(); i++) {
            assertEquals(i + 1, saved.get(i).version(), "versions 1..n without gaps or duplicates");
            assertEquals(i == 0 ? null : i, saved.get(i).baseVersion());
        }
    }

    @Test
    void aMixedLoadOfReadsAndWritesHasNoErrorButConflicts() throws Exception {
        String testDocument = new String(Documents.json(Documents.small("T-MIX", 2024)), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals("OK", outcome("admin", "import", "document", testDocument));
        List<Function<Integer, String>> clients = new ArrayList<>();
        for (int t = 0; t < 16; t++) {
            int client = t;
            clients.add(i -> switch ((client + i) % 8) {
                // Everyone edits one shared section on whatever version they saw last: conflicts expected.
                case 0 -> "saveDraft(shared) " + outcome("admin", "save-draft", "code", "XN-WB", "year", 2024, "section",
                        "INDICATOR_DEVIATIONS", "base", latest("XN-WB", "INDICATOR_DEVIATIONS"), "text", "共同编辑的指标偏差说明 " + client + "-" + i);
                // A section of one's own (by client: department and section): never a conflict.
                case 1 -> {
                    String[] own = OWN.get(client);
                    String user = own[0];
                    String department = own[1];
                    String section = own[2];
                    yield "saveDraft(own) " + outcome(user, "save-draft", "code", department, "year", 2024, "section", section,
                            "base", latest(department, section), "text", "本部门说明 " + client + "-" + i);
                }
                case 2 -> "setReasons " + outcome(client % 2 == 0 ? "officer-xn" : "admin", "set-reasons", "code", "XN-WB", "year", 2024,
                        "subject", "account:" + (client % 3 == 0 ? "2013501" : "2010301"), "aspect", i % 2 == 0 ? "BUDGET" : "PREVIOUS",
                        "reasons", List.of(Map.of("code", "PERSONNEL_OUT"), Map.of("note", "第" + i + "次说明")));
                case 3 -> "import " + outcome("admin", "import", "document", testDocument);
                case 4 -> "checkNarrative " + outcome("viewer", "check-narrative", "code", "XN-WB", "year", 2024,
                        "text", "2024年度一般公共预算财政拨款支出决算为1,234.56万元，比上年下降7.7%。");
                case 5 -> "nested " + outcome("viewer", "nested-departments", "first", 5);
                case 6 -> "departmentYear " + outcome("officer-hn", "year-overview", "code", "HN-WB", "year", 2024);
                default -> "audit " + outcome("officer-xn", "audit", "code", "XN-WB", "year", 2024);
            });
        }
        Map<String, Integer> counts = runFor(10_000, clients);
        List<String> failures = counts.keySet().stream().filter(k -> !k.endsWith(" OK") && !k.endsWith(" CONFLICT")).toList();
        assertTrue(failures.isEmpty(), "errors other than CONFLICT: " + counts);
        assertFalse(counts.containsKey("saveDraft(own) CONFLICT"), "a section only one client edits never conflicts: " + counts);
        for (String operation : List.of("saveDraft(shared)", "saveDraft(own)", "setReasons", "import", "checkNarrative", "nested",
                "departmentYear", "audit")) {
            assertTrue(counts.getOrDefault(operation + " OK", 0) > 0, operation + " succeeded at least once: " + counts);
        }
    }

    /**
     * The user, department and section each client of the mixed load edits alone, a section the department-year's
     * document holds (HN-WB a self-evaluation, 438001 budget targets); others in this class are used by the other tests.
     */
    private static final List<String[]> OWN = List.of(
            new String[]{"officer-xn", "XN-WB", "TOTALS"}, new String[]{"officer-hn", "HN-WB", "SELF_EVALUATION_DEVIATION"},
            new String[]{"admin", "XN-WB", "INCOME"}, new String[]{"admin", "438001", "BUDGET_GOAL"},
            new String[]{"officer-xn", "XN-WB", "EXPENDITURE"}, new String[]{"officer-hn", "HN-WB", "INDICATOR_DEVIATIONS"},
            new String[]{"admin", "XN-WB", "FISCAL_TOTALS"}, new String[]{"admin", "438001", "BUDGET_FUNDS"},
            new String[]{"officer-xn", "XN-WB", "GENERAL_BUDGET"}, new String[]{"admin", "XN-WB", "PERFORMANCE"},
            new String[]{"admin", "XN-WB", "BASIC_EXPENDITURE"}, new String[]{"admin", "438001", "KEY_TASKS"},
            new String[]{"officer-xn", "XN-WB", "GOVERNMENT_FUND"}, new String[]{"admin", "438001", "TARGET_INDICATORS"},
            new String[]{"admin", "XN-WB", "THREE_PUBLIC"}, new String[]{"admin", "XN-WB", "STATE_CAPITAL"});

    private Integer latest(String code, String section) {
        return versions.latest(code, 2024, section).map(DraftVersionStore.Version::version).orElse(null);
    }

    @Test
    void writesToADepartmentYearThatIsNotStoredAreNotFoundAndStoreNothing() {
        String before = Database.snapshot(dataSource);
        assertEquals("NOT_FOUND", outcome("admin", "save-draft", "code", "XN-WB", "year", 2019, "section", "TOTALS", "text", "无此年度。"));
        assertEquals("NOT_FOUND", outcome("admin", "save-draft", "code", "NO-SUCH", "year", 2024, "text", "无此部门。"));
        assertEquals("NOT_FOUND", outcome("admin", "versions", "code", "XN-WB", "year", 2019, "section", "TOTALS"));
        assertEquals("NOT_FOUND", outcome("admin", "set-reasons", "code", "XN-WB", "year", 2019, "subject", "account:2013501",
                "aspect", "BUDGET", "reasons", List.of(Map.of("note", "无此年度"))));
        assertEquals("NOT_FOUND", outcome("admin", "review-finding", "code", "XN-WB", "year", 2019, "fingerprint", "0123456789abcdef",
                "status", "ACCEPTED"));
        JsonNode restore = new GraphQLClient(http).query("mutation { restoreDraftVersion(departmentCode: \"XN-WB\", year: 2019, "
                + "section: TOTALS, version: 1) { version } }");
        assertEquals("NOT_FOUND", restore.path("errors").get(0).path("extensions").path("code").asText(), restore.toString());
        JsonNode freeze = new GraphQLClient(http).query("mutation { freezeReport(departmentCode: \"XN-WB\", year: 2019) { contentHash } }");
        assertEquals("NOT_FOUND", freeze.path("errors").get(0).path("extensions").path("code").asText(), freeze.toString());
        assertEquals(0, Database.count(dataSource, "SELECT COUNT(*) FROM draft_version WHERE fiscal_year = 2019 OR department_code = 'NO-SUCH'"));
        assertEquals(before, Database.snapshot(dataSource), "nothing stored");
    }

    @Test
    void aVersionInsertedBehindTheApplicationsBackMakesARacingSaveAConflict() throws Exception {
        // Another process (or an instance without this fix) inserts version n+1 while a save based on n runs: the unique
        // key refuses the second version n+1, and that refusal is the conflict it is, not an internal error.
        versions.save("HN-WB", 2024, "PROCUREMENT", null, "EDITED", null, "第一版。", "test");
        try (Connection other = Database.raw(dataSource).getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement ps = other.prepareStatement("INSERT INTO draft_version (department_code, fiscal_year, section, version, "
                    + "base_version, origin, body, created_at) VALUES ('HN-WB', 2024, 'PROCUREMENT', 2, 1, 'EDITED', '另一进程的修改。', 'now')")) {
                ps.executeUpdate();
            }
            CountDownLatch started = new CountDownLatch(1);
            ExecutorService pool = Executors.newSingleThreadExecutor();
            try {
                Future<?> save = pool.submit(() -> {
                    started.countDown();
                    return versions.save("HN-WB", 2024, "PROCUREMENT", 1, "EDITED", null, "本进程的修改。", "test");
                });
                started.await();
                Thread.sleep(700);
                other.commit();
                Exception failure = assertThrows(Exception.class, () -> save.get(1, TimeUnit.MINUTES));
                assertInstanceOf(DraftVersionStore.ConflictException.class, failure.getCause(), String.valueOf(failure.getCause()));
                assertTrue(failure.getCause().getMessage().contains("version 2"), failure.getCause().getMessage());
            } finally {
                pool.shutdownNow();
            }
        }
        assertEquals(List.of(1, 2), versions.versions("HN-WB", 2024, "PROCUREMENT").stream().map(DraftVersionStore.Version::version).toList());
    }

    @Test
    void readersAreNotHeldUpWhileAWriteTransactionIsOpen() throws Exception {
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch readsDone = new CountDownLatch(1);
        AtomicInteger reads = new AtomicInteger();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Boolean> write = pool.submit(() -> writes.run(status -> {
                try (PreparedStatement ps = status.getConnection().prepareStatement("INSERT INTO draft_version (department_code, "
                        + "fiscal_year, section, version, origin, body, created_at) VALUES ('XN-WB', 2024, 'ASSETS', 1, 'EDITED', '写入中', 'now')")) {
                    ps.executeUpdate();
                    writing.countDown();
                    // The write stays open until the reads are answered (or a minute has passed: then they were held up).
                    return readsDone.await(1, TimeUnit.MINUTES);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
            assertTrue(writing.await(1, TimeUnit.MINUTES));
            for (int i = 0; i < 3; i++) {
                assertEquals("OK", outcome("officer-xn", "year-overview", "code", "XN-WB", "year", 2024));
                assertEquals("OK", outcome("officer-xn", "audit", "code", "XN-WB", "year", 2024));
                reads.incrementAndGet();
            }
            readsDone.countDown();
            assertTrue(write.get(1, TimeUnit.MINUTES), "the reads were answered while the write was open");
        } finally {
            pool.shutdownNow();
        }
        assertEquals(3, reads.get());
        assertEquals(1, versions.versions("XN-WB", 2024, "ASSETS").size());
    }
}
