package org.budgetnarrator.api.security;

import graphql.schema.DataFetchingEnvironment;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.Authentication;
import org.budgetnarrator.model.domain.Role;

/**
 * Who may do what, in one place, for GraphQL fields and HTTP downloads alike.
 * <ul>
 * <li>Published data — the imported tables, projects, indicators, their audit and evaluation, frozen reports — is
 * read by any signed-in user, and by anyone when public reading is on.</li>
 * <li>Working data — drafts, draft versions, reasons, review verdicts, suggestions, the drafted report — is read and
 * changed only by the department's own officers and by administrators: it is the department's unpublished work.</li>
 * <li>Accounts and bulk jobs are for administrators.</li>
 * </ul>
 */
public final class Access {

    public static final String AUTHENTICATION = "authentication";
    public static final String PUBLIC_READ = "publicRead";

    private Access() {
    }

    public static @Nullable Caller caller(DataFetchingEnvironment env) {
        Authentication a = env.getGraphQlContext().get(AUTHENTICATION);
        return Caller.of(a);
    }

    public static @Nullable String username(DataFetchingEnvironment env) {
        Caller c = caller(env);
        return c == null ? null : c.username();
    }

    /** Reading published data. */
    public static void readPublished(DataFetchingEnvironment env) {
        readPublished(caller(env), Boolean.TRUE.equals(env.getGraphQlContext().get(PUBLIC_READ)));
    }

    public static void readPublished(@Nullable Caller caller, boolean publicRead) {
        if (caller == null && !publicRead) {
            throw new UnauthenticatedException("sign in to read department data (POST /login, then Authorization: Bearer <token>)");
        }
    }

    /** Reading a department's working data: its officers and administrators. */
    public static Caller readWorking(DataFetchingEnvironment env, String departmentCode) {
        return readWorking(caller(env), departmentCode);
    }

    public static Caller readWorking(@Nullable Caller caller, String departmentCode) {
        if (caller == null) {
            throw new UnauthenticatedException("sign in as an officer of " + departmentCode + " to read its drafts, reasons and reviews");
        }
        if (!mayWorkOn(caller, departmentCode)) {
            throw new PermissionDeniedException("drafts, reasons and reviews of " + departmentCode
                    + " are read only by its officers and administrators");
        }
        return caller;
    }

    /** Whether the caller may read and change the department's working data. */
    public static boolean mayWorkOn(@Nullable Caller caller, String departmentCode) {
        return caller != null && (caller.admin() || caller.officerOf(departmentCode));
    }

    /** Changing one department's data: its officer, or an administrator. */
    public static Caller edit(DataFetchingEnvironment env, String departmentCode) {
        Caller c = caller(env);
        if (c == null) {
            throw new UnauthenticatedException("sign in to change department data");
        }
        if (mayWorkOn(c, departmentCode)) {
            return c;
        }
        throw new PermissionDeniedException(c.role() == Role.OFFICER
                ? "an officer may change only their own department's data (" + c.departmentCode() + ")"
                : "your role may read but not change department data");
    }

    /** Administration: accounts, other users' tokens, bulk jobs. */
    public static Caller admin(DataFetchingEnvironment env) {
        return admin(caller(env));
    }

    public static Caller admin(@Nullable Caller c) {
        if (c == null) {
            throw new UnauthenticatedException("sign in as an administrator");
        }
        if (!c.admin()) {
            throw new PermissionDeniedException("only an administrator may do this");
        }
        return c;
    }

    /** A signed-in user of any role. */
    public static Caller signedIn(DataFetchingEnvironment env) {
        Caller c = caller(env);
        if (c == null) {
            throw new UnauthenticatedException("sign in first");
        }
        return c;
    }

    /** The request was not signed in. */
    public static class UnauthenticatedException extends RuntimeException {
        public UnauthenticatedException(String message) {
            super(message);
        }
    }

    /** The signed-in user may not do this. */
    public static class PermissionDeniedException extends RuntimeException {
        public PermissionDeniedException(String message) {
            super(message);
        }
    }
}
