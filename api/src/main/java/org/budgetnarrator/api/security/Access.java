package org.budgetnarrator.api.security;

import graphql.schema.DataFetchingEnvironment;
import io.micronaut.security.authentication.Authentication;

/**
 * Who may do what, in one place. VIEWER reads; OFFICER reads and changes their own department's data
 * (imports, reasons, reviews, drafts); ADMIN does everything, including users. Anonymous requests read
 * nothing unless public reading is on.
 */
public final class Access {

    public static final String DEPARTMENT = "department";
    public static final String AUTHENTICATION = "authentication";
    public static final String PUBLIC_READ = "publicRead";

    private Access() {
    }

    public static Authentication user(DataFetchingEnvironment env) {
        return env.getGraphQlContext().get(AUTHENTICATION);
    }

    public static String username(DataFetchingEnvironment env) {
        Authentication a = user(env);
        return a == null ? null : a.getName();
    }

    /** Reading department data. */
    public static void read(DataFetchingEnvironment env) {
        if (user(env) == null && !Boolean.TRUE.equals(env.getGraphQlContext().get(PUBLIC_READ))) {
            throw new UnauthenticatedException("sign in to read department data (POST /login, then Authorization: Bearer <token>)");
        }
    }

    /** Changing one department's data: its officer, or an admin. */
    public static void edit(DataFetchingEnvironment env, String departmentCode) {
        Authentication a = user(env);
        if (a == null) {
            throw new UnauthenticatedException("sign in to change department data");
        }
        if (a.getRoles().contains("ADMIN")) {
            return;
        }
        if (a.getRoles().contains("OFFICER") && departmentCode != null && departmentCode.equalsIgnoreCase((String) a.getAttributes().get(DEPARTMENT))) {
            return;
        }
        throw new PermissionDeniedException(a.getRoles().contains("OFFICER")
                ? "an officer may change only their own department's data (" + a.getAttributes().get(DEPARTMENT) + ")"
                : "your role may read but not change department data");
    }

    /** Administration: users and tokens of others. */
    public static void admin(DataFetchingEnvironment env) {
        Authentication a = user(env);
        if (a == null) {
            throw new UnauthenticatedException("sign in as an administrator");
        }
        if (!a.getRoles().contains("ADMIN")) {
            throw new PermissionDeniedException("only an administrator may do this");
        }
    }

    /** A signed-in user of any role. */
    public static Authentication signedIn(DataFetchingEnvironment env) {
        Authentication a = user(env);
        if (a == null) {
            throw new UnauthenticatedException("sign in first");
        }
        return a;
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
