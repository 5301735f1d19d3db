package org.budgetnarrator.api.security;

/**
 * A token could not be checked against the stored user because the database did not answer. The request is refused
 * as unavailable (503, GraphQL code UNAVAILABLE): neither trusted on the token's word nor treated as anonymous.
 */
public class SignInCheckUnavailableException extends RuntimeException {
    public SignInCheckUnavailableException(Throwable cause) {
        super("the database cannot be reached to check the sign-in token; the request was not carried out. Try again shortly.", cause);
    }
}
