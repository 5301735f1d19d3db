package org.budgetnarrator.api.graphql;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Parsed and validated documents by query text, the most recently used kept: front ends send the same few
 * operations over and over, and parsing and validating a nested query costs more CPU than running it. Only
 * documents that validated are kept, so an invalid one is reported afresh each time; the depth, complexity and
 * time limits are instrumentation of the execution and still apply to every request.
 */
final class DocumentCache implements PreparsedDocumentProvider {

    private final Map<String, PreparsedDocumentEntry> entries;

    DocumentCache(int size) {
        this.entries = new LinkedHashMap<>(size * 2, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, PreparsedDocumentEntry> eldest) {
                return size() > size;
            }
        };
    }

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
                                                                      Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        String query = input.getQuery();
        PreparsedDocumentEntry entry;
        synchronized (entries) {
            entry = entries.get(query);
        }
        if (entry == null) {
            entry = parseAndValidate.apply(input);
            if (!entry.hasErrors()) {
                synchronized (entries) {
                    entries.put(query, entry);
                }
            }
        }
        return CompletableFuture.completedFuture(entry);
    }

    int size() {
        synchronized (entries) {
            return entries.size();
        }
    }
}
