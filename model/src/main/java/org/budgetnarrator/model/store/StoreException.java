package org.budgetnarrator.model.store;

/** The database refused a write or a read; the transaction was rolled back. */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
