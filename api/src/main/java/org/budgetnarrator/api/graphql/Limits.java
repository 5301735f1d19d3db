package org.budgetnarrator.api.graphql;

import graphql.ExecutionResult;
import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.budgetnarrator.drafting.audit.Deadline;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Query limits, configurable: maximum depth, maximum complexity (a list field costs its page size, `first`,
 * times its children), and a time limit per request. Depth and complexity are checked before any field is
 * fetched, so an over-limit query runs no SQL. Introspection can be switched off.
 */
@Singleton
public class Limits {

    private final int maxDepth;
    private final int maxComplexity;
    private final long timeoutMillis;
    private final boolean introspection;

    public Limits(@Value("${narrator.graphql.max-depth:12}") int maxDepth,
                  @Value("${narrator.graphql.max-complexity:200000}") int maxComplexity,
                  @Value("${narrator.graphql.timeout:30s}") java.time.Duration timeout,
                  @Value("${narrator.graphql.introspection:true}") boolean introspection) {
        this.maxDepth = maxDepth;
        this.maxComplexity = maxComplexity;
        this.timeoutMillis = timeout.toMillis();
        this.introspection = introspection;
    }

    public boolean introspection() {
        return introspection;
    }

    Instrumentation depth() {
        // graphql-java aborts with "maximum query depth exceeded N > M"; ErrorHandling gives it the code QUERY_TOO_DEEP.
        return new MaxQueryDepthInstrumentation(maxDepth);
    }

    Instrumentation complexity() {
        FieldComplexityCalculator calculator = (env, children) -> {
            Object first = env.getArguments().get("first");
            int page = first instanceof Integer n ? Math.max(n, 1) : 1;
            return page * (1 + children);
        };
        // graphql-java aborts with "maximum query complexity exceeded N > M"; the code is QUERY_TOO_COMPLEX.
        return new MaxQueryComplexityInstrumentation(maxComplexity, calculator);
    }

    /**
     * A request's time limit from now, as the deadline its long computations (the narrative check, the audit)
     * poll: put in the request's GraphQL context under {@code Deadline.class}, so that they stop inside the work.
     */
    public Deadline deadline() {
        return Deadline.after(Duration.ofMillis(timeoutMillis), "narrator.graphql.timeout");
    }

    /** Stops fetching when a request runs past its time limit; the fields not yet fetched get an error. */
    Instrumentation timeout() {
        long limit = timeoutMillis;
        return new SimplePerformantInstrumentation() {
            @Override
            public CompletableFuture<InstrumentationState> createStateAsync(InstrumentationCreateStateParameters parameters) {
                // One clock per request: the deadline its computations poll, set when the request came in.
                Deadline deadline = parameters.getExecutionInput().getGraphQLContext().get(Deadline.class);
                return CompletableFuture.completedFuture(new Started(deadline != null ? deadline : deadline()));
            }

            @Override
            public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> fetcher, InstrumentationFieldFetchParameters parameters,
                                                        InstrumentationState state) {
                // Property reads of rows already loaded take no time worth a check, and wrapping them would cost
                // graphql-java's fast path for them; every loader and computed field is checked.
                if (!(state instanceof Started started) || parameters.isTrivialDataFetcher()) {
                    return fetcher;
                }
                return env -> {
                    if (started.deadline().passed()) {
                        throw new RequestTimeoutException("the request ran past its time limit of " + limit + " ms (narrator.graphql.timeout)");
                    }
                    return fetcher.get(env);
                };
            }

            @Override
            public InstrumentationContext<ExecutionResult> beginExecution(InstrumentationExecutionParameters parameters,
                                                                          InstrumentationState state) {
                return SimpleInstrumentationContext.noOp();
            }
        };
    }

    private record Started(Deadline deadline) implements InstrumentationState {
    }

    /** A request ran past its time limit. */
    public static class RequestTimeoutException extends RuntimeException {
        public RequestTimeoutException(String message) {
            super(message);
        }
    }
}
