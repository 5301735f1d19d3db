package org.budgetnarrator.api.security;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.token.bearer.AccessRefreshTokenLoginHandler;
import io.micronaut.security.token.generator.AccessRefreshTokenGenerator;
import jakarta.inject.Singleton;

/**
 * POST /login's answers: a limited sign-in gets 429 Too Many Requests with Retry-After (seconds), so that a client
 * can tell "wait" from "wrong credentials" (401); everything else as Micronaut answers it.
 */
@Singleton
@Replaces(AccessRefreshTokenLoginHandler.class)
@Requires(property = "micronaut.security.authentication", value = "bearer")
public class SignInResponses extends AccessRefreshTokenLoginHandler {

    /** The body of a 429. */
    public record Refusal(String message, long retryAfterSeconds) {
    }

    public SignInResponses(AccessRefreshTokenGenerator accessRefreshTokenGenerator) {
        super(accessRefreshTokenGenerator);
    }

    @Override
    public MutableHttpResponse<?> loginFailed(AuthenticationResponse failed, HttpRequest<?> request) {
        if (failed instanceof TooManySignIns limited) {
            long seconds = limited.retryAfter().toSeconds();
            return HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                    .body(new Refusal(limited.getMessage().orElse("too many failed sign-ins"), seconds));
        }
        return super.loginFailed(failed, request);
    }
}
