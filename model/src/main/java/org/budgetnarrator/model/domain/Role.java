package org.budgetnarrator.model.domain;

/**
 * What a user may do. VIEWER reads published data; OFFICER also reads and changes their own department's working
 * data (imports, reasons, reviews, drafts); ADMIN does everything, including accounts.
 */
public enum Role {
    VIEWER, OFFICER, ADMIN;

    /** The stored name, or null for a value that names no role (stored data is never trusted to be valid). */
    public static Role parse(String name) {
        if (name == null) {
            return null;
        }
        for (Role r : values()) {
            if (r.name().equals(name)) {
                return r;
            }
        }
        return null;
    }
}
