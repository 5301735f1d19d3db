package org.budgetnarrator.api.graphql;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The parsed-document cache holds a bounded weight whatever anonymous clients send: 2,000 distinct valid queries of
 * 90 KB (on the former cache, 500 of them: 45 MB of text and their parsed trees) and 500 of 15 KB leave it under
 * {@link DocumentCache#MAX_WEIGHT}, while a front end's usual operation stays cached.
 */
@MicronautTest(transactional = false)
@Property(name = "narrator.jobs.background", value = "false")
class DocumentCacheTest {

    @Inject
    GraphQL graphQL;

    private static String query(int i, int length) {
        String alias = "a" + i + "_";
        return "{ " + alias + "x".repeat(length - alias.length() - 16) + ": __typename }";
    }

    private Map<String, Object> run(String query) {
        // No signed-in user in the context: what an anonymous request runs.
        ExecutionResult result = graphQL.execute(ExecutionInput.newExecutionInput().query(query).build());
        assertTrue(result.getErrors().isEmpty(), result.getErrors().toString());
        return result.getData();
    }

    @Test
    void manyDistinctLargeQueriesLeaveTheCacheWeightBounded() {
        DocumentCache cache = (DocumentCache) graphQL.getPreparsedDocumentProvider();
        String usual = "{ departments(first: 5) { nodes { code name } } }";
        graphQL.execute(usual);
        for (int i = 0; i < 2_000; i++) {
            String query = query(i, 90_000);
            assertEquals(90_000, query.length());
            assertEquals(1, run(query).size());
        }
        assertTrue(cache.weight() <= DocumentCache.MAX_WEIGHT, "weight " + cache.weight());
        for (int i = 0; i < 500; i++) {
            run(query(i, 15_000));
            if (i % 10 == 0) {
                graphQL.execute(usual);
            }
        }
        long weight = cache.weight();
        assertTrue(weight <= DocumentCache.MAX_WEIGHT, "weight " + weight);
        assertTrue(cache.size() < 30, "at most about 20 queries of 15,000 characters fit: " + cache.size());
        assertTrue(weight > DocumentCache.MAX_WEIGHT / 2, "the cache is used, not bypassed: weight " + weight);
        assertTrue(cache.holds(usual), "the operation sent over and over is still cached");
    }
}
