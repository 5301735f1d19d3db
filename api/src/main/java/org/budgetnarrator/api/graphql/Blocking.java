package org.budgetnarrator.api.graphql;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Blocking work of a data fetcher. Operations already run on the blocking executor
 * ({@link BlockingGraphQLInvocation}), so the work runs in place, keeping the execution single-threaded
 * and DataLoader dispatch exact; should a fetcher ever be called on an event loop, it moves to the executor.
 */
final class Blocking {

    private Blocking() {
    }

    static <T> CompletableFuture<T> run(Supplier<T> work, Executor executor) {
        if (Thread.currentThread().getName().contains("event-loop")) {
            return CompletableFuture.supplyAsync(work, executor);
        }
        try {
            return CompletableFuture.completedFuture(work.get());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
