package org.budgetnarrator.model.db;

import java.lang.reflect.Proxy;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts SQL statements executed through the application's connections. Used by tests that prove a
 * nested GraphQL query costs the same number of statements over 5 departments as over 100, and by
 * the benchmark that reports statements per request.
 */
public final class StatementCounter {

    private static final AtomicLong EXECUTED = new AtomicLong();
    private static final java.util.Deque<String> RECENT = new java.util.concurrent.ConcurrentLinkedDeque<>();
    private static final int KEEP = 64;

    private StatementCounter() {
    }

    public static long count() {
        return EXECUTED.get();
    }

    /** The most recent statements' SQL, oldest first (for diagnosing a count that changed). */
    public static java.util.List<String> recent() {
        return java.util.List.copyOf(RECENT);
    }

    static Statement wrap(Statement statement, Class<?> type, String preparedSql) {
        Class<?> iface = type.isInterface() ? type : Statement.class;
        return (Statement) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[]{iface},
                (proxy, method, args) -> {
                    String sql = preparedSql != null ? preparedSql
                            : args != null && args.length > 0 && args[0] instanceof String s ? s : "?";
                    // The pool's liveness check is housekeeping, not a statement of the request.
                    if (method.getName().startsWith("execute") && !sql.equalsIgnoreCase("SELECT 1")) {
                        EXECUTED.incrementAndGet();
                        RECENT.addLast(sql);
                        while (RECENT.size() > KEEP) {
                            RECENT.pollFirst();
                        }
                    }
                    return WrappingDriver.invoke(statement, method, args);
                });
    }
}
