package org.budgetnarrator.api.graphql;

/** Something the client named does not exist; reported as NOT_FOUND with this message. */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String message) {
        super(message);
    }
}
