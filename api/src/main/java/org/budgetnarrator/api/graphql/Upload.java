package org.budgetnarrator.api.graphql;

/** A file of a multipart GraphQL request: its name as the client sent it, and its content. */
public record Upload(String fileName, byte[] content) {
}
