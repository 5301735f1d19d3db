package org.budgetnarrator.api.security;

import io.micronaut.context.annotation.Factory;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;

/**
 * The HTTP answers of {@link Access}'s refusals for controllers (downloads): 401 to sign in, 403 for a caller who
 * may not. GraphQL maps the same exceptions to UNAUTHENTICATED and PERMISSION_DENIED itself.
 */
@Factory
public class AccessDeniedResponses {

    @Singleton
    ExceptionHandler<Access.UnauthenticatedException, HttpResponse<?>> unauthenticated() {
        return (HttpRequest request, Access.UnauthenticatedException e) ->
                HttpResponse.status(HttpStatus.UNAUTHORIZED).body(Map.of("message", e.getMessage()));
    }

    /**
     * A token that cannot be checked (the database is down): 503 with Retry-After and, for GraphQL clients, the
     * error in GraphQL's shape with the code every other unreachable-database answer carries.
     */
    @Singleton
    ExceptionHandler<SignInCheckUnavailableException, HttpResponse<?>> unavailable() {
        return (HttpRequest request, SignInCheckUnavailableException e) -> HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header("Retry-After", "5")
                .body(Map.of("message", e.getMessage(), "errors", List.of(Map.of("message", e.getMessage(),
                        "extensions", Map.of("code", "UNAVAILABLE")))));
    }

    @Singleton
    ExceptionHandler<Access.PermissionDeniedException, HttpResponse<?>> denied() {
        return (HttpRequest request, Access.PermissionDeniedException e) ->
                HttpResponse.status(HttpStatus.FORBIDDEN).body(Map.of("message", e.getMessage()));
    }
}
