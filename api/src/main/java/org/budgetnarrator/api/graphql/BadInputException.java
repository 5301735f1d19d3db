package org.budgetnarrator.api.graphql;

/** A client's argument is wrong; reported as BAD_USER_INPUT with this message. */
public class BadInputException extends RuntimeException {
    public BadInputException(String message) {
        super(message);
    }
}
