package org.budgetnarrator.api.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.AuthenticationFailureReason;
import io.micronaut.security.authentication.AuthenticationRequest;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.provider.HttpRequestExecutorAuthenticationProvider;
import jakarta.inject.Singleton;
import org.budgetnarrator.model.store.UserStore;

import java.time.Duration;
import java.util.Optional;

/**
 * Sign-in (POST /login) against stored users. Runs on the blocking executor (hashing and JDBC). Failed attempts are
 * limited per user and address and per address ({@link SignInLimiter}); a limited attempt gets 429
 * ({@link SignInResponses}). A missing user costs the same password hashing as a wrong password, so the answer's
 * time does not tell which usernames exist. The token issued carries the user's id and token generation, which
 * {@link SessionTokens} checks on every request.
 */
@Singleton
public class PasswordAuthentication<B> implements HttpRequestExecutorAuthenticationProvider<B> {

    /** No stored username is longer (createUser allows 2 to 100 characters). */
    static final int MAX_USERNAME = 100;
    /** Longer passwords are refused before hashing: hashing megabytes on every guess would be a denial of service. */
    static final int MAX_PASSWORD = 1024;

    private final UserStore users;
    private final SignInLimiter limiter;
    private final ClientAddresses addresses;

    public PasswordAuthentication(UserStore users, SignInLimiter limiter, ClientAddresses addresses) {
        this.users = users;
        this.limiter = limiter;
        this.addresses = addresses;
    }

    @Override
    public AuthenticationResponse authenticate(@Nullable HttpRequest<B> request, AuthenticationRequest<String, String> credentials) {
        String username = credentials.getIdentity();
        String password = credentials.getSecret();
        String address = addresses.of(request);
        if (username == null || password == null || username.length() > MAX_USERNAME || password.length() > MAX_PASSWORD) {
            // The same answer as wrong credentials; counted against the address only, nothing of the input is kept.
            return limiter.admitAddressOnly(address).map(PasswordAuthentication::limited).orElseGet(PasswordAuthentication::wrong);
        }
        Optional<Duration> wait = limiter.admit(username, address);
        if (wait.isPresent()) {
            return limited(wait.get());
        }
        return users.authenticate(username, password)
                .filter(user -> user.role() != null)
                .map(user -> {
                    limiter.succeeded(username, address);
                    var session = Caller.authentication(user, Caller.Via.SESSION);
                    return AuthenticationResponse.success(user.username(), session.getRoles(), session.getAttributes());
                })
                .orElseGet(PasswordAuthentication::wrong);
    }

    private static AuthenticationResponse limited(Duration wait) {
        return new TooManySignIns(wait);
    }

    private static AuthenticationResponse wrong() {
        return AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH);
    }
}
