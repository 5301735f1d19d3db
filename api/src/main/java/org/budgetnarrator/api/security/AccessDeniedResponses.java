package org.budgetnarrator.api.security;

import io.micronaut.context.annotation.Factory;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

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

    @Singleton
    ExceptionHandler<Access.PermissionDeniedException, HttpResponse<?>> denied() {
        return (HttpRequest request, Access.PermissionDeniedException e) ->
                HttpResponse.status(HttpStatus.FORBIDDEN).body(Map.of("message", e.getMessage()));
    }
}
