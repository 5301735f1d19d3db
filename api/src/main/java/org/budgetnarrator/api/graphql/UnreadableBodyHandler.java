package org.budgetnarrator.api.graphql;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;

/**
 * A request body that is not JSON, or not of the shape an endpoint reads (the sign-in's, say), is the client's
 * error: 400 with an error saying so, rather than a 500 quoting the parser and Java class names. (/graphql reads
 * its own body and names the bad parameter itself: GraphQLHttpController.) Anything else unhandled stays a
 * logged 500 with no detail.
 */
@Singleton
@Produces
public class UnreadableBodyHandler implements ExceptionHandler<RuntimeException, HttpResponse<?>> {

    private static final Logger LOG = LoggerFactory.getLogger(UnreadableBodyHandler.class);

    private final ErrorResponseProcessor<?> errors;

    public UnreadableBodyHandler(ErrorResponseProcessor<?> errors) {
        this.errors = errors;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, RuntimeException exception) {
        if (unreadableJson(exception)) {
            return HttpResponse.badRequest(Map.of("errors", List.of(Map.of(
                    "message", "The request body could not be read: it is not JSON, or not of the shape " + request.getPath() + " expects.",
                    "extensions", Map.of("code", "BAD_REQUEST")))));
        }
        LOG.error("unexpected error on {} {}", request.getMethodName(), request.getPath(), exception);
        return errors.processResponse(ErrorContext.builder(request).cause(exception).errorMessage("Internal Server Error").build(),
                HttpResponse.serverError());
    }

    private static boolean unreadableJson(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof io.micronaut.json.JsonSyntaxException || t instanceof com.fasterxml.jackson.core.JsonProcessingException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
