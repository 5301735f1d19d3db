package org.budgetnarrator.drafting;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.IntFunction;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Asserts that work takes time about linear in its input, as a ratio: an input {@code factor} times as large
 * against the small input done {@code factor} times. Work quadratic in its input takes {@code factor} times longer
 * on the large one; linear work takes about as long (the bound allows {@value #SLACK} times as long, for noise on a
 * busy machine). The large run is given up once past the bound, so quadratic work fails the test at once instead of
 * running for minutes, and an exception in it (a StackOverflowError) fails the test with it.
 */
public final class LinearTime {

    /** How much longer than the small inputs' total the large input may take. */
    public static final double SLACK = 3;
    /** Timed runs of the large input, and of the small ones, of which the best counts. */
    private static final int RUNS = 3;
    private static final int WARM_UP = 20;
    /**
     * The least time the large input is allowed: below a few milliseconds a garbage collection or a JIT recompilation is
     * longer than the work, while work quadratic in a text of a million characters takes seconds.
     */
    private static final long FLOOR = TimeUnit.MILLISECONDS.toNanos(5);

    private LinearTime() {
    }

    /**
     * Asserts that the work on an input {@code factor} times as large takes at most {@value #SLACK} times as long as
     * the work done {@code factor} times on the small input (best of a few runs after a warm-up).
     *
     * @param what   the work and input, for the message ("checking DIGITS")
     * @param input  the input of a given length
     * @param work   the work
     * @param small  the small input's length
     * @param factor how many times larger the large input is
     */
    public static void assertLinear(String what, IntFunction<String> input, Consumer<String> work, int small, int factor) {
        String little = input.apply(small);
        for (int i = 0; i < WARM_UP; i++) {
            work.accept(little);
        }
        long smallTotal = Long.MAX_VALUE;
        for (int run = 0; run < RUNS; run++) {
            long start = System.nanoTime();
            for (int i = 0; i < factor; i++) {
                work.accept(little);
            }
            smallTotal = Math.min(smallTotal, System.nanoTime() - start);
        }
        assertWithin(what, input.apply(small * factor), work, smallTotal, factor + " times " + small);
    }

    /**
     * The same for a very large input, against one run on the small one (best of two after a warm-up): cheaper
     * where the small input is itself large, and meant for large factors, where quadratic work is far out of bounds.
     */
    public static void assertScales(String what, IntFunction<String> input, Consumer<String> work, int small, int factor) {
        String little = input.apply(small);
        work.accept(little);
        long once = Long.MAX_VALUE;
        for (int run = 0; run < 2; run++) {
            long start = System.nanoTime();
            work.accept(little);
            once = Math.min(once, System.nanoTime() - start);
        }
        assertWithin(what, input.apply(small * factor), work, once * factor, factor + " times the time of " + small);
    }

    private static void assertWithin(String what, String large, Consumer<String> work, long reference, String against) {
        long allowed = Math.max((long) (reference * SLACK), FLOOR);
        for (int run = 0; run < RUNS; run++) {
            // A daemon thread: work that is not linear cannot be stopped, and must not keep the tests' JVM alive.
            CompletableFuture<Long> timed = new CompletableFuture<>();
            Thread thread = new Thread(() -> {
                try {
                    long start = System.nanoTime();
                    work.accept(large);
                    timed.complete(System.nanoTime() - start);
                } catch (Throwable e) {
                    timed.completeExceptionally(e);
                }
            }, "linear-time " + what);
            thread.setDaemon(true);
            thread.start();
            try {
                // The wait is longer than the bound by the time a thread may take to start on a busy machine;
                // the bound is checked on the time the work itself took.
                long took = timed.get(allowed + TimeUnit.SECONDS.toNanos(1), TimeUnit.NANOSECONDS);
                if (took <= allowed) {
                    return;
                }
            } catch (TimeoutException e) {
                // past the bound: try again, the machine may have been busy
            } catch (ExecutionException e) {
                throw new AssertionError(what + " of " + large.length() + " characters failed: " + e.getCause(), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        fail(what + ": " + large.length() + " characters took more than " + SLACK + " times as long as " + against + " characters ("
                + reference / 1_000_000 + " ms) in each of " + RUNS + " runs: not linear");
    }

    /** The unit repeated to exactly the given length. */
    public static String repeat(String unit, int length) {
        StringBuilder text = new StringBuilder(length + unit.length());
        while (text.length() < length) {
            text.append(unit);
        }
        text.setLength(length);
        return text.toString();
    }
}
