package org.budgetnarrator.model.store;

/** A write waited its turn longer than allowed (other writes held the database); nothing was written (UNAVAILABLE). */
public class WritesBusyException extends RuntimeException {
    public WritesBusyException(String message) {
        super(message);
    }
}
