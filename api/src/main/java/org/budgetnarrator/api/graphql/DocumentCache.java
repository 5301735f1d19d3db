package org.budgetnarrator.api.graphql;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Parsed and validated documents by query text: front ends send the same few operations over and over, and
 * parsing and validating a nested query costs more CPU than running it. Only documents that validated are kept, so
 * an invalid one is reported afresh each time; the depth, complexity and time limits and the arguments' bounds are
 * checked on every execution and still apply to every request.
 *
 * <p>Anyone may send queries, signed in or not, so the cache is bounded by the memory its entries hold, not only by
 * their number: each weighs an estimate of its bytes ({@link #weight}), {@link #MAX_WEIGHT} in all (Caffeine evicts
 * the least useful beyond it), and a query longer than {@link #MAX_CACHED_LENGTH} is parsed every time and never
 * kept: no front end's operation is that long, and one such entry would push out hundreds of real ones.
 */
final class DocumentCache implements PreparsedDocumentProvider {

    static final long MAX_WEIGHT = 4L * 1024 * 1024;
    static final int MAX_CACHED_LENGTH = 20_000;

    private final Cache<String, PreparsedDocumentEntry> entries = Caffeine.newBuilder()
            .maximumWeight(MAX_WEIGHT)
            .weigher((String query, PreparsedDocumentEntry entry) -> weight(query))
            .build();

    /**
     * The heap an entry holds, estimated from its query's length: measured with graphql-java 22.4 on JDK 17, a parsed
     * document holds about 420 bytes whatever its size plus 7 to 12 bytes per character of query text (a 700-character
     * nested page 8.3 KB, a 44,000-character query of 4,000 fields 305 KB); the key, the text itself, adds 1 or 2.
     */
    static int weight(String query) {
        return 512 + 14 * query.length();
    }

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
                                                                      Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        String query = input.getQuery();
        if (query.length() > MAX_CACHED_LENGTH) {
            return CompletableFuture.completedFuture(parseAndValidate.apply(input));
        }
        PreparsedDocumentEntry entry = entries.getIfPresent(query);
        if (entry == null) {
            entry = parseAndValidate.apply(input);
            if (!entry.hasErrors()) {
                entries.put(query, entry);
            }
        }
        return CompletableFuture.completedFuture(entry);
    }

    /** The estimated bytes held, after pending evictions. */
    long weight() {
        entries.cleanUp();
        return entries.policy().eviction().orElseThrow().weightedSize().orElseThrow();
    }

    boolean holds(String query) {
        return entries.getIfPresent(query) != null;
    }

    long size() {
        entries.cleanUp();
        return entries.estimatedSize();
    }
}
