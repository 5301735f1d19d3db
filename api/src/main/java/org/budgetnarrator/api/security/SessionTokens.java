package org.budgetnarrator.api.security;

import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.jwt.validator.DefaultJwtAuthenticationFactory;
import io.micronaut.security.token.jwt.validator.JwtAuthenticationFactory;
import jakarta.inject.Singleton;
import org.budgetnarrator.model.store.UserStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.text.ParseException;
import java.util.Optional;

/**
 * Turns a sign-in token whose signature and expiry Micronaut has checked into the Authentication of the user as
 * stored now. A token is refused when it has no expiry or issue time (whoever holds the secret could otherwise mint
 * tokens that never end), when its user no longer exists or is a different user of the same name (another id), is
 * disabled, or was changed since the token was issued (another token generation). The role and department come
 * from the user row, never from the token. Micronaut runs this on the blocking executor
 * (micronaut.security.token.jwt.nimbus.reactive-validator-execute-on-blocking, true by default), so the lookup
 * does not hold the event loop.
 */
@Singleton
@Replaces(DefaultJwtAuthenticationFactory.class)
public class SessionTokens implements JwtAuthenticationFactory {

    private static final Logger LOG = LoggerFactory.getLogger(SessionTokens.class);

    private final UserStore users;

    public SessionTokens(UserStore users) {
        this.users = users;
    }

    @Override
    public Optional<Authentication> createAuthentication(JWT token) {
        try {
            JWTClaimsSet claims = token.getJWTClaimsSet();
            if (claims.getExpirationTime() == null || claims.getIssueTime() == null || claims.getSubject() == null) {
                LOG.info("refused a sign-in token without exp, iat or sub");
                return Optional.empty();
            }
            Long id = claims.getLongClaim(Caller.USER_ID);
            Long generation = claims.getLongClaim(Caller.GENERATION);
            if (id == null || generation == null) {
                return Optional.empty();
            }
            return current(claims.getSubject())
                    .filter(u -> u.id() == id && u.tokenGeneration() == generation && !u.disabled() && u.role() != null)
                    .map(u -> Caller.authentication(u, Caller.Via.SESSION));
        } catch (ParseException e) {
            return Optional.empty();
        }
    }

    private Optional<UserStore.User> current(String username) {
        try {
            return users.find(username);
        } catch (RuntimeException e) {
            throw new SignInCheckUnavailableException(e);
        }
    }
}
