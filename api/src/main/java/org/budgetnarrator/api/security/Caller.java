package org.budgetnarrator.api.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.Authentication;
import org.budgetnarrator.model.domain.Role;
import org.budgetnarrator.model.store.UserStore;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Who is asking, as the database knows them now: the token validators build the request's Authentication from
 * the current user row on every request ({@link SessionTokens}, {@link ApiTokenValidator}), so a role change, a
 * disabled account or a revoked token takes effect on the next request, not when a token expires.
 *
 * @param via how the request signed in: a sign-in session (POST /login) or an API token
 */
public record Caller(String username, Role role, @Nullable String departmentCode, Via via) {

    /** How a request signed in. */
    public enum Via { SESSION, API_TOKEN }

    static final String DEPARTMENT = "department";
    static final String USER_ID = "uid";
    static final String GENERATION = "gen";
    static final String VIA = "via";

    /** The caller behind a request's Authentication; null for an anonymous request or one whose role is unknown. */
    public static @Nullable Caller of(@Nullable Authentication authentication) {
        if (authentication == null) {
            return null;
        }
        Role role = authentication.getRoles().stream().map(Role::parse).filter(r -> r != null).findFirst().orElse(null);
        if (role == null) {
            return null;
        }
        Object department = authentication.getAttributes().get(DEPARTMENT);
        Via via = Via.API_TOKEN.name().equals(authentication.getAttributes().get(VIA)) ? Via.API_TOKEN : Via.SESSION;
        return new Caller(authentication.getName(), role, department instanceof String d ? d : null, via);
    }

    /** The Authentication for a stored user, with what a session token must carry to be checked later. */
    static Authentication authentication(UserStore.User user, Via via) {
        Map<String, Object> attributes = new HashMap<>();
        if (user.departmentCode() != null) {
            attributes.put(DEPARTMENT, user.departmentCode());
        }
        attributes.put(USER_ID, user.id());
        attributes.put(GENERATION, user.tokenGeneration());
        attributes.put(VIA, via.name());
        return Authentication.build(user.username(), List.of(user.role().name()), attributes);
    }

    public boolean admin() {
        return role == Role.ADMIN;
    }

    /** An officer of exactly this department (codes are case-sensitive: XN-WB and xn-wb are two departments). */
    public boolean officerOf(@Nullable String department) {
        return role == Role.OFFICER && departmentCode != null && departmentCode.equals(department);
    }
}
