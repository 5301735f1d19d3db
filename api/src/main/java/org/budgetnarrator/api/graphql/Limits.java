package org.budgetnarrator.api.graphql;

import graphql.ExecutionResult;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.budgetnarrator.drafting.audit.Deadline;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Query limits, configurable: maximum depth, maximum complexity (counted as QueryCost says: computed fields
 * weigh more, a list multiplies by its page size), and a time limit per request. Depth and complexity are
 * checked before any field is fetched, so an over-limit query runs no SQL; introspection counts for neither.
 * Introspection can be switched off.
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

    public int maxDepth() {
        return maxDepth;
    }

    public int maxComplexity() {
        return maxComplexity;
    }

    /**
     * Refuses an operation deeper or more complex than the limits (QueryCost says how both are counted) before
     * any field is fetched. Counting stops at the first field over a limit, so refusing a huge query is cheap.
     */
    Instrumentation cost() {
        int depthLimit = maxDepth;
        long complexityLimit = maxComplexity;
        return new SimplePerformantInstrumentation() {
            @Override
            public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
                                                                                 InstrumentationState state) {
                ExecutionContext context = parameters.getExecutionContext();
                QueryCost.Count count = QueryCost.count(context.getGraphQLSchema(), context.getDocument(),
                        context.getExecutionInput().getOperationName(), context.getCoercedVariables(), depthLimit, complexityLimit);
                QueryCost.Exceeded over = count.exceeded();
                if (over == null) {
                    return SimpleInstrumentationContext.noOp();
                }
                // ErrorHandling gives these messages the codes QUERY_TOO_DEEP and QUERY_TOO_COMPLEX.
                throw new AbortExecutionException(switch (over.kind()) {
                    case DEPTH -> "maximum query depth exceeded: " + over.value() + " > " + over.limit() + " at " + over.path()
                            + " (narrator.graphql.max-depth; introspection under __schema and __type is not counted)";
                    case COMPLEXITY -> "maximum query complexity exceeded: more than " + over.limit() + " when counting " + over.path()
                            + " (narrator.graphql.max-complexity; each field counts 1, computed fields such as DepartmentYear.audit"
                            + " more as the schema's description lists, times the page sizes `first` of the connections it is in)";
                });
            }
        };
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
