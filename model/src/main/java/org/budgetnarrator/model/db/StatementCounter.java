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

    private StatementCounter() {
    }

    public static long count() {
        return EXECUTED.get();
    }

    static Statement wrap(Statement statement, Class<?> type) {
        Class<?> iface = type.isInterface() ? type : Statement.class;
        return (Statement) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[]{iface},
                (proxy, method, args) -> {
                    if (method.getName().startsWith("execute")) {
                        EXECUTED.incrementAndGet();
                    }
                    return SqliteDriver.invoke(statement, method, args);
                });
    }
}
