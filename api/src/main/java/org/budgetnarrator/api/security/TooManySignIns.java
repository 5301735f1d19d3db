package org.budgetnarrator.api.security;

import io.micronaut.security.authentication.AuthenticationFailed;

import java.time.Duration;

/** A sign-in refused without looking at the password because of earlier failures ({@link SignInLimiter}). */
public final class TooManySignIns extends AuthenticationFailed {

    private final Duration retryAfter;

    public TooManySignIns(Duration retryAfter) {
        super("too many failed sign-ins for this user from this address, or from this address; try again in "
                + retryAfter.toSeconds() + " s");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
