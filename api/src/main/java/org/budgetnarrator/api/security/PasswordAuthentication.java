package org.budgetnarrator.api.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.AuthenticationFailureReason;
import io.micronaut.security.authentication.AuthenticationRequest;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.provider.HttpRequestExecutorAuthenticationProvider;
import jakarta.inject.Singleton;
import org.budgetnarrator.model.store.UserStore;

/**
 * Sign-in (POST /login) against stored users. Runs on the blocking executor (hashing and JDBC). Attempts are
 * limited per user and per address ({@link SignInLimiter}). The token issued carries the user's id and token
 * generation, which {@link SessionTokens} checks on every request.
 */
@Singleton
public class PasswordAuthentication<B> implements HttpRequestExecutorAuthenticationProvider<B> {

    private final UserStore users;
    private final SignInLimiter limiter;

    public PasswordAuthentication(UserStore users, SignInLimiter limiter) {
        this.users = users;
        this.limiter = limiter;
    }

    @Override
    public AuthenticationResponse authenticate(@Nullable HttpRequest<B> request, AuthenticationRequest<String, String> credentials) {
        String username = credentials.getIdentity();
        String address = request == null ? "unknown" : request.getRemoteAddress().getAddress().getHostAddress();
        if (!limiter.allow(username, address)) {
            return AuthenticationResponse.failure("too many sign-in attempts; wait a minute and try again");
        }
        return users.authenticate(username, credentials.getSecret())
                .filter(user -> user.role() != null)
                .map(user -> {
                    limiter.succeeded(username, address);
                    var session = Caller.authentication(user, Caller.Via.SESSION);
                    return AuthenticationResponse.success(user.username(), session.getRoles(), session.getAttributes());
                })
                .orElseGet(() -> AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH));
    }
}
