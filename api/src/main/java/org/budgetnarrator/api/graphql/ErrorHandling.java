package org.budgetnarrator.api.graphql;

import graphql.ErrorClassification;
import graphql.ErrorType;
import graphql.ExecutionResult;
import graphql.ExecutionResultImpl;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.DataFetcherExceptionHandlerParameters;
import graphql.execution.DataFetcherExceptionHandlerResult;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.language.SourceLocation;
import org.budgetnarrator.model.store.NotStoredException;
import org.budgetnarrator.model.store.WriteConflictException;
import org.budgetnarrator.model.store.WritesBusyException;
import graphql.introspection.GoodFaithIntrospection.BadFaithIntrospectionError;
import org.budgetnarrator.drafting.audit.Deadline;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Every error leaves with an {@code extensions.code}, mapped in this one place: the domain's exceptions
 * to BAD_USER_INPUT and NOT_FOUND; anything unexpected to INTERNAL, logged here with its stack trace and
 * sent without details (no class names, no SQL).
 */
final class ErrorHandling {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorHandling.class);

    private ErrorHandling() {
    }

    static final DataFetcherExceptionHandler HANDLER = new DataFetcherExceptionHandler() {
        @Override
        public CompletableFuture<DataFetcherExceptionHandlerResult> handleException(DataFetcherExceptionHandlerParameters params) {
            Throwable e = params.getException();
            while ((e instanceof CompletionException || e instanceof java.util.concurrent.ExecutionException) && e.getCause() != null) {
                e = e.getCause();
            }
            String code;
            String message;
            Map<String, Object> extensions = new LinkedHashMap<>();
            if (e instanceof org.budgetnarrator.drafting.draft.SectionNotHeldException notHeld) {
                // Not a fault: the department-year's document does not hold the section; the message says so for the officer.
                code = "SECTION_NOT_HELD";
                message = e.getMessage();
                extensions.put("stage", notHeld.held().stage());
                extensions.put("section", notHeld.section().name());
            } else if (e instanceof BadInputException || e instanceof org.budgetnarrator.model.reading.ReadException) {
                // A report that cannot be read is the caller's file: the message names it and says why, in Chinese.
                code = "BAD_USER_INPUT";
                message = e.getMessage();
            } else if (e instanceof WriteConflictException
                    || e instanceof org.budgetnarrator.drafting.draft.DraftVersions.EditedVersionException) {
                code = "CONFLICT";
                message = e.getMessage();
            } else if (e instanceof NotStoredException) {
                code = "NOT_FOUND";
                message = e.getMessage();
            } else if (e instanceof WritesBusyException) {
                code = "UNAVAILABLE";
                message = e.getMessage();
            } else if (e instanceof org.budgetnarrator.api.security.Access.UnauthenticatedException) {
                code = "UNAUTHENTICATED";
                message = e.getMessage();
            } else if (e instanceof org.budgetnarrator.api.security.Access.PermissionDeniedException) {
                code = "PERMISSION_DENIED";
                message = e.getMessage();
            } else if (e instanceof Limits.RequestTimeoutException || e instanceof Deadline.ExceededException) {
                code = "TIMEOUT";
                message = e.getMessage();
            } else if (e instanceof NotFoundException) {
                code = "NOT_FOUND";
                message = e.getMessage();
            } else if (e instanceof UnavailableException) {
                code = "UNAVAILABLE";
                message = e.getMessage();
            } else if (databaseUnreachable(e)) {
                code = "UNAVAILABLE";
                message = "The database cannot be reached; the request was not carried out. Try again shortly.";
                LOG.warn("database unreachable while reading {}: {}", params.getPath(), e.getMessage());
            } else {
                code = "INTERNAL";
                message = "Internal error while reading " + params.getPath() + "; it has been logged.";
                LOG.error("GraphQL field {} failed", params.getPath(), e);
            }
            GraphQLError error = GraphqlErrorBuilder.newError()
                    .message(message)
                    .path(params.getPath())
                    .location(params.getSourceLocation())
                    .errorType(classification(code))
                    .extensions(withCode(code, extensions))
                    .build();
            return CompletableFuture.completedFuture(DataFetcherExceptionHandlerResult.newResult().error(error).build());
        }
    };

    private static Map<String, Object> withCode(String code, Map<String, Object> more) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("code", code);
        out.putAll(more);
        return out;
    }

    /** An argument out of its bounds or a value its type cannot hold, found before the operation ran. */
    static GraphQLError badUserInput(String message, SourceLocation location) {
        return GraphqlErrorBuilder.newError()
                .message(message)
                .location(location)
                .errorType(classification("BAD_USER_INPUT"))
                .extensions(Map.of("code", "BAD_USER_INPUT"))
                .build();
    }

    /** A connection that could not be had (pool timeout, refused, reset): the database is down or unreachable. */
    static boolean databaseUnreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            // 08xxx: connection exceptions; 57P0x: the server shut down or terminated the connection.
            if (t instanceof java.sql.SQLTransientConnectionException || t instanceof java.net.ConnectException
                    || t instanceof java.sql.SQLNonTransientConnectionException
                    || t instanceof io.micronaut.data.connection.exceptions.ConnectionException
                    || (t instanceof java.sql.SQLException sql && sql.getSQLState() != null
                        && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P")))) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static ErrorClassification classification(String code) {
        return switch (code) {
            case "BAD_USER_INPUT" -> ErrorType.ValidationError;
            case "NOT_FOUND", "CONFLICT", "UNAUTHENTICATED", "PERMISSION_DENIED", "TIMEOUT", "UNAVAILABLE", "SECTION_NOT_HELD" -> ErrorType.DataFetchingException;
            default -> ErrorType.ExecutionAborted;
        };
    }

    /** Adds a code to the engine's own errors (syntax, validation, coercion of variables). */
    static final class Codes extends SimplePerformantInstrumentation {
        @Override
        public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
                InstrumentationExecutionParameters parameters, InstrumentationState state) {
            if (result.getErrors().isEmpty()) {
                return CompletableFuture.completedFuture(result);
            }
            List<GraphQLError> errors = new ArrayList<>();
            for (GraphQLError error : result.getErrors()) {
                Map<String, Object> extensions = error.getExtensions() == null ? new LinkedHashMap<>() : new LinkedHashMap<>(error.getExtensions());
                if (!extensions.containsKey("code")) {
                    ErrorClassification type = error.getErrorType();
                    String message = error.getMessage() == null ? "" : error.getMessage();
                    String code = type == ErrorType.InvalidSyntax ? "GRAPHQL_PARSE_FAILED"
                            : type == ErrorType.ValidationError ? "GRAPHQL_VALIDATION_FAILED"
                            : message.contains("maximum query depth exceeded") ? "QUERY_TOO_DEEP"
                            : message.contains("maximum query complexity exceeded") ? "QUERY_TOO_COMPLEX"
                            // graphql-java's good-faith check: introspection asking for the schema recursively.
                            : error instanceof BadFaithIntrospectionError ? "QUERY_TOO_COMPLEX"
                            : "INTERNAL";
                    extensions.put("code", code);
                    extensions.remove("classification");
                    error = GraphqlErrorBuilder.newError()
                            .message(error.getMessage())
                            .locations(error.getLocations())
                            .path(error.getPath())
                            .errorType(type)
                            .extensions(extensions)
                            .build();
                }
                errors.add(error);
            }
            return CompletableFuture.completedFuture(ExecutionResultImpl.newExecutionResult().from(result).errors(errors).build());
        }
    }
}
