package org.budgetnarrator.drafting.audit;

import org.budgetnarrator.model.domain.StoredDocument;
import org.budgetnarrator.model.read.YearData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.budgetnarrator.drafting.LinearTime.assertLinear;
import static org.budgetnarrator.drafting.LinearTime.assertScales;
import static org.budgetnarrator.drafting.LinearTime.repeat;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Checking a narrative takes time linear in its length whatever it holds, a million characters of anything
 * neither overflow the stack nor run for minutes, and a check or an audit stops soon after its deadline.
 */
class CheckingTimeTest {

    private static final YearData XIANNING = Demo.load("xianning-2024.json");
    private static final String NARRATIVE = XIANNING.documents().stream().filter(d -> d.kind().equals("FINAL_ACCOUNTS_NARRATIVE"))
            .findFirst().orElseThrow().body();

    /** Texts that the former patterns took quadratic time on, or overflowed the stack on. */
    enum Text {
        DIGITS("1234567890"),
        PERCENTAGES("3.1415926%"),
        CHINESE_WITH_FIGURES("一般公共服务支出中小企业合同金额12.5万元占项目支出"),
        NARRATIVE(null),
        CHINESE("中"),
        DOTTED("1.1.1."),
        PERCENT_SIGNS("%"),
        TEN_THOUSAND_YUAN("万元"),
        PATHS("一般公共服务（类）人大事务（款）"),
        UNCLOSED_NOTES("【待补充：");

        private final String unit;

        Text(String unit) {
            this.unit = unit;
        }

        String of(int length) {
            return repeat(unit == null ? CheckingTimeTest.NARRATIVE : unit, length);
        }
    }

    private static void check(String text) {
        new NarrativeChecker(XIANNING).check("draft", text);
    }

    @ParameterizedTest
    @EnumSource(value = Text.class, names = {"DIGITS", "PERCENTAGES", "CHINESE_WITH_FIGURES", "NARRATIVE"})
    void checkingTakesTimeLinearInTheText(Text kind) {
        assertLinear("checking " + kind, kind::of, CheckingTimeTest::check, 10_000, 20);
    }

    @ParameterizedTest
    @EnumSource(value = Text.class, names = {"DIGITS", "NARRATIVE", "CHINESE", "DOTTED", "PERCENT_SIGNS", "TEN_THOUSAND_YUAN", "PATHS",
            "UNCLOSED_NOTES"})
    void aMillionCharactersAreCheckedWithoutOverflowingTheStack(Text kind) {
        // No StackOverflowError, and about ten times as long as 100,000 characters.
        assertScales("checking a million characters of " + kind, kind::of, CheckingTimeTest::check, 100_000, 10);
    }

    private static long timeOfFullCheck(String text) {
        check(text);
        long start = System.nanoTime();
        check(text);
        return System.nanoTime() - start;
    }

    @Test
    void aCheckPastItsDeadlineStopsLongBeforeItWouldHaveEnded() {
        String text = Text.NARRATIVE.of(200_000);
        long full = timeOfFullCheck(text);
        Deadline deadline = Deadline.after(Duration.ofNanos(full / 20), "a test's limit");
        long start = System.nanoTime();
        Deadline.ExceededException stopped = assertThrows(Deadline.ExceededException.class,
                () -> new NarrativeChecker(XIANNING, deadline).check("draft", text));
        long took = System.nanoTime() - start;
        assertTrue(took < full / 2, "stopped after " + took / 1_000_000 + " ms; the whole check takes " + full / 1_000_000 + " ms");
        assertTrue(stopped.getMessage().contains("a test's limit"), stopped.getMessage());
    }

    @Test
    void aCheckGivenAnExpiredDeadlineStopsAtOnce() {
        Deadline expired = Deadline.after(Duration.ZERO, "a test's limit");
        assertThrows(Deadline.ExceededException.class, () -> new NarrativeChecker(XIANNING, expired).check("draft", Text.DIGITS.of(1_000_000)));
        assertThrows(Deadline.ExceededException.class, () -> Audit.checkText(XIANNING, NARRATIVE, expired));
    }

    @Test
    void anAuditOfAStoredNarrativeStopsAtItsDeadlineAndItsThreadEnds() throws Exception {
        String text = Text.NARRATIVE.of(200_000);
        YearData stored = new YearData(XIANNING.department(), XIANNING.year(), XIANNING.previous(), XIANNING.incomes(),
                XIANNING.accounts(), XIANNING.previousAccounts(), XIANNING.threePublic(), XIANNING.vehicles(), XIANNING.projects(),
                XIANNING.indicators(), XIANNING.reasons(),
                List.of(new StoredDocument(null, null, 1, "FINAL_ACCOUNTS_NARRATIVE", "情况说明", text)),
                XIANNING.notes(), XIANNING.previousReasons(), XIANNING.tables(), XIANNING.budgetUnits());
        Audit.run(stored);
        long start = System.nanoTime();
        Audit.run(stored);
        long full = System.nanoTime() - start;

        Deadline deadline = Deadline.after(Duration.ofNanos(full / 20), "a test's limit");
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        Thread auditing = new Thread(() -> {
            try {
                Audit.run(stored, deadline);
                outcome.complete(null);
            } catch (Throwable e) {
                outcome.complete(e);
            }
        }, "auditing");
        long began = System.nanoTime();
        auditing.start();
        auditing.join();
        long took = System.nanoTime() - began;
        assertInstanceOf(Deadline.ExceededException.class, outcome.get());
        assertTrue(took < full / 2, "stopped after " + took / 1_000_000 + " ms; the whole audit takes " + full / 1_000_000 + " ms");
    }
}
