package org.budgetnarrator.model.store;

/**
 * Someone else changed the same data at the same time, so this write was refused and nothing of it was stored;
 * reloading and trying again is the answer (the API's CONFLICT).
 */
public class WriteConflictException extends RuntimeException {
    public WriteConflictException(String message) {
        super(message);
    }

    public WriteConflictException(String message, Throwable cause) {
        super(message, cause);
    }
}
