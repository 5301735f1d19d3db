package org.budgetnarrator.drafting.audit;

import java.time.Duration;

/**
 * When long work must stop. The narrative checker and the audit poll it between pieces of their work, so a
 * request's time limit stops them inside the computation: checked only between GraphQL fields, one long
 * check would keep a core busy long after the client stopped waiting (or went away).
 */
public final class Deadline {

    private static final Deadline NONE = new Deadline(0, Long.MAX_VALUE, "no time limit");

    private final long startNanos;
    private final long limitNanos;
    private final String limit;

    private Deadline(long startNanos, long limitNanos, String limit) {
        this.startNanos = startNanos;
        this.limitNanos = limitNanos;
        this.limit = limit;
    }

    /** No time limit: the command line's audit runs to the end. */
    public static Deadline none() {
        return NONE;
    }

    /**
     * A time limit from now.
     *
     * @param limit   how long the work may take
     * @param setting where the limit is configured, named in the error (e.g. {@code narrator.graphql.timeout})
     */
    public static Deadline after(Duration limit, String setting) {
        if (limit.isNegative()) {
            throw new IllegalArgumentException("a time limit cannot be negative: " + limit + " (" + setting + ")");
        }
        long nanos = limit.compareTo(Duration.ofDays(365)) > 0 ? Long.MAX_VALUE : limit.toNanos();
        return new Deadline(System.nanoTime(), nanos, "the time limit of " + limit.toMillis() + " ms (" + setting + ")");
    }

    /** True once the limit has passed. */
    public boolean passed() {
        return limitNanos != Long.MAX_VALUE && System.nanoTime() - startNanos >= limitNanos;
    }

    /** Throws {@link ExceededException} once the limit has passed; cheap enough to call every few thousand steps. */
    public void check() {
        if (passed()) {
            throw new ExceededException("the work was stopped after " + (System.nanoTime() - startNanos) / 1_000_000
                    + " ms: it ran past " + limit);
        }
    }

    @Override
    public String toString() {
        return limit;
    }

    /** Work stopped because its deadline passed; nothing it computed is returned. */
    public static final class ExceededException extends RuntimeException {
        public ExceededException(String message) {
            super(message);
        }
    }
}
