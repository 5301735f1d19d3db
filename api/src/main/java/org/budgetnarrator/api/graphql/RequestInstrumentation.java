package org.budgetnarrator.api.graphql;

import graphql.ExecutionResult;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;

import java.util.concurrent.CompletableFuture;

/**
 * The request's instrumentation in one piece: metrics, the depth and complexity limits (checked once, before
 * execution, in one count) and the arguments' bounds, the time limit and the error codes. One instrumentation rather than graphql-java's
 * ChainedInstrumentation of five, because the chain costs work on every field of every row (a nested page
 * resolves tens of thousands of fields) although only the time limit acts on fields at all.
 */
final class RequestInstrumentation extends SimplePerformantInstrumentation {

    private final Metrics metrics;
    private final Instrumentation cost;
    private final Instrumentation timeout;
    private final Instrumentation codes;
    private final ArgumentBounds bounds;

    RequestInstrumentation(Metrics metrics, Instrumentation cost, Instrumentation timeout, Instrumentation codes, ArgumentBounds bounds) {
        this.metrics = metrics;
        this.cost = cost;
        this.timeout = timeout;
        this.codes = codes;
        this.bounds = bounds;
    }

    private record State(InstrumentationState timeout) implements InstrumentationState {
    }

    @Override
    public CompletableFuture<InstrumentationState> createStateAsync(InstrumentationCreateStateParameters parameters) {
        return CompletableFuture.completedFuture(new State(join(timeout.createStateAsync(parameters))));
    }

    private static InstrumentationState join(CompletableFuture<InstrumentationState> state) {
        return state == null ? null : state.join();
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecution(InstrumentationExecutionParameters parameters, InstrumentationState state) {
        return metrics.beginExecution(parameters, null);
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
                                                                         InstrumentationState state) {
        cost.beginExecuteOperation(parameters, null);
        bounds.check(parameters.getExecutionContext());
        return null;
    }

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> fetcher, InstrumentationFieldFetchParameters parameters,
                                                InstrumentationState state) {
        return timeout.instrumentDataFetcher(fetcher, parameters, ((State) state).timeout());
    }

    @Override
    public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result, InstrumentationExecutionParameters parameters,
                                                                        InstrumentationState state) {
        return codes.instrumentExecutionResult(result, parameters, null);
    }
}
