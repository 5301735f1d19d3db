package org.budgetnarrator.api.graphql;

import graphql.ExecutionResult;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Requests by operation, with their latency and outcome: timer {@code narrator.graphql.requests} tagged
 * operation (the operation name, or the first root field) and outcome (ok or error).
 */
final class Metrics extends SimplePerformantInstrumentation {

    private final MeterRegistry registry;

    Metrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecution(InstrumentationExecutionParameters parameters, InstrumentationState state) {
        long start = System.nanoTime();
        String operation = parameters.getOperation() != null ? parameters.getOperation() : rootField(parameters.getQuery());
        return SimpleInstrumentationContext.whenCompleted((result, error) -> Timer.builder("narrator.graphql.requests")
                .description("GraphQL requests by operation")
                .tag("operation", operation)
                .tag("outcome", error == null && (result == null || result.getErrors().isEmpty()) ? "ok" : "error")
                .register(registry).record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS));
    }

    private static final java.util.regex.Pattern NAMED =
            java.util.regex.Pattern.compile("^\\s*(?:#[^\\n]*\\n\\s*)*(?:query|mutation)\\s+([A-Za-z_][A-Za-z0-9_]*)");
    private static final java.util.regex.Pattern FIRST_FIELD = java.util.regex.Pattern.compile("\\{\\s*([A-Za-z_][A-Za-z0-9_]*)");

    private static String rootField(String query) {
        if (query == null) {
            return "unknown";
        }
        java.util.regex.Matcher named = NAMED.matcher(query);
        if (named.find()) {
            return named.group(1);
        }
        java.util.regex.Matcher m = FIRST_FIELD.matcher(query);
        return m.find() ? m.group(1) : "unknown";
    }
}
