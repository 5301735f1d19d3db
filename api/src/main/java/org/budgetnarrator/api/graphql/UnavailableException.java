package org.budgetnarrator.api.graphql;

/** A service the request needs (the language model) is not configured or not reachable: extensions.code UNAVAILABLE. */
class UnavailableException extends RuntimeException {
    UnavailableException(String message) {
        super(message);
    }
}
