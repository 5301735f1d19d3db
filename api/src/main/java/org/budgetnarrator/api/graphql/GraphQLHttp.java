package org.budgetnarrator.api.graphql;

import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The request side of GraphQL over HTTP: what a request asks for and whether it is a GraphQL request at all. */
final class GraphQLHttp {

    /** The longest query text accepted, checked before it is parsed; a front end's operations are a few thousand characters. */
    static final int MAX_QUERY_LENGTH = 100_000;
    static final int MAX_OPERATION_NAME_LENGTH = 1_000;
    // The JSON of a request (the body, GET's variables): no GraphQL input nests deeper than a handful of levels, and
    // no Int or Money needs more than a few dozen characters. Strings may be as long as the longest argument accepts
    // (counted here in UTF-16 units, at most two a character), so that an argument's own bound reports a text over
    // it, naming the argument.
    static final int MAX_JSON_DEPTH = 32;
    static final int MAX_NUMBER_LENGTH = 100;
    static final int MAX_STRING_LENGTH = 2 * ArgumentBounds.LONGEST;

    private GraphQLHttp() {
    }

    /** A request that is not a well-formed GraphQL request; its message says which parameter and why. */
    static final class BadRequest extends RuntimeException {
        BadRequest(String message) {
            super(message);
        }
    }

    record Parsed(String query, @Nullable String operationName, Map<String, Object> variables) {
    }

    static Parsed fromBody(@Nullable Map<String, Object> body) {
        if (body == null) {
            throw new BadRequest("The request has no body: send a JSON object with a string \"query\".");
        }
        Object query = body.get("query");
        Object operationName = body.get("operationName");
        Object variables = body.get("variables");
        Object extensions = body.get("extensions");
        if (query == null) {
            throw new BadRequest("The request has no \"query\": send the GraphQL document as a string in \"query\".");
        }
        if (!(query instanceof String q)) {
            throw new BadRequest("\"query\" must be a string holding the GraphQL document, not " + jsonType(query) + ".");
        }
        if (operationName != null && !(operationName instanceof String)) {
            throw new BadRequest("\"operationName\" must be a string or null, not " + jsonType(operationName) + ".");
        }
        checkLengths(q, (String) operationName);
        if (variables != null && !(variables instanceof Map)) {
            throw new BadRequest("\"variables\" must be an object or null, not " + jsonType(variables) + ".");
        }
        if (extensions != null && !(extensions instanceof Map)) {
            throw new BadRequest("\"extensions\" must be an object or null, not " + jsonType(extensions) + ".");
        }
        @SuppressWarnings("unchecked") Map<String, Object> vars = (Map<String, Object>) variables;
        return new Parsed(q, (String) operationName, vars == null ? Map.of() : vars);
    }

    static Parsed fromQueryString(@Nullable String query, @Nullable String operationName,
                                  @Nullable Map<String, Object> variables, @Nullable Map<String, Object> extensions) {
        if (query == null || query.isBlank()) {
            throw new BadRequest("The request has no \"query\": send the GraphQL document in the \"query\" parameter.");
        }
        checkLengths(query, operationName);
        return new Parsed(query, operationName == null || operationName.isEmpty() ? null : operationName,
                variables == null ? Map.of() : new LinkedHashMap<>(variables));
    }

    private static void checkLengths(String query, @Nullable String operationName) {
        if (query.length() > MAX_QUERY_LENGTH) {
            throw new BadRequest("\"query\" is " + query.length() + " characters long; at most " + MAX_QUERY_LENGTH + " are accepted.");
        }
        if (operationName != null && operationName.length() > MAX_OPERATION_NAME_LENGTH) {
            throw new BadRequest("\"operationName\" is " + operationName.length() + " characters long; at most "
                    + MAX_OPERATION_NAME_LENGTH + " are accepted.");
        }
    }

    /**
     * Why JSON that broke a bound could not be read ({@code what}: "The request body", "The \"variables\" parameter"),
     * from Jackson's report, which names the bound by the getter of its setting.
     */
    static String overBound(String what, String jacksonMessage) {
        String message = jacksonMessage == null ? "" : jacksonMessage;
        if (message.contains("NestingDepth")) {
            return what + " nests deeper than " + MAX_JSON_DEPTH + " levels of arrays and objects.";
        }
        if (message.contains("NumberLength")) {
            return what + " holds a number longer than " + MAX_NUMBER_LENGTH + " characters.";
        }
        if (message.contains("StringLength")) {
            return what + " holds a string longer than " + MAX_STRING_LENGTH + " characters.";
        }
        return what + " is too large: at most " + MAX_JSON_DEPTH + " levels of nesting, numbers of " + MAX_NUMBER_LENGTH
                + " characters and strings of " + MAX_STRING_LENGTH + ".";
    }

    /**
     * Whether the operation the request would run changes data. A document that does not parse, or names an
     * operation it does not hold, is not a mutation here: executing it reports the error properly.
     */
    static boolean isMutation(String query, @Nullable String operationName) {
        Document document;
        try {
            document = Parser.parse(query);
        } catch (RuntimeException e) {
            return false;
        }
        List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
        OperationDefinition chosen = null;
        if (operationName == null) {
            chosen = operations.size() == 1 ? operations.get(0) : null;
        } else {
            for (OperationDefinition op : operations) {
                if (operationName.equals(op.getName())) {
                    chosen = op;
                }
            }
        }
        return chosen != null && chosen.getOperation() != OperationDefinition.Operation.QUERY;
    }

    /**
     * The response media type for an Accept header: application/graphql-response+json when the client prefers
     * it (by q-value, then by naming it rather than a wildcard, then by order), application/json otherwise and
     * when there is no Accept header; null when the header accepts neither.
     */
    @Nullable
    static MediaType negotiate(@Nullable String accept) {
        if (accept == null || accept.isBlank()) {
            return MediaType.APPLICATION_JSON_TYPE;
        }
        Match json = match(accept, "application", "json");
        Match graphql = match(accept, "application", "graphql-response+json");
        if (json.q <= 0 && graphql.q <= 0) {
            return null;
        }
        if (graphql.q != json.q) {
            return graphql.q > json.q ? GraphQLHttpController.GRAPHQL_RESPONSE : MediaType.APPLICATION_JSON_TYPE;
        }
        if (graphql.specificity != json.specificity) {
            return graphql.specificity > json.specificity ? GraphQLHttpController.GRAPHQL_RESPONSE : MediaType.APPLICATION_JSON_TYPE;
        }
        return graphql.specificity == 2 && graphql.position < json.position
                ? GraphQLHttpController.GRAPHQL_RESPONSE : MediaType.APPLICATION_JSON_TYPE;
    }

    private record Match(double q, int specificity, int position) {
    }

    // RFC 9110 §12.5.1: the most specific range that matches decides the q-value.
    private static Match match(String accept, String type, String subtype) {
        Match best = new Match(0, -1, Integer.MAX_VALUE);
        String[] ranges = accept.split(",");
        for (int i = 0; i < ranges.length; i++) {
            String[] parts = ranges[i].split(";");
            String range = parts[0].trim().toLowerCase(java.util.Locale.ROOT);
            int slash = range.indexOf('/');
            if (slash < 0) {
                continue;
            }
            String t = range.substring(0, slash).trim();
            String s = range.substring(slash + 1).trim();
            int specificity;
            if (t.equals(type) && s.equals(subtype)) {
                specificity = 2;
            } else if (t.equals(type) && s.equals("*")) {
                specificity = 1;
            } else if (t.equals("*") && s.equals("*")) {
                specificity = 0;
            } else {
                continue;
            }
            double q = 1;
            for (int p = 1; p < parts.length; p++) {
                String param = parts[p].trim();
                if (param.startsWith("q=")) {
                    try {
                        q = Double.parseDouble(param.substring(2).trim());
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
            }
            if (specificity > best.specificity) {
                best = new Match(q, specificity, i);
            }
        }
        return best.specificity < 0 ? new Match(0, -1, Integer.MAX_VALUE) : best;
    }

    static Map<String, Object> error(String message, String code) {
        return Map.of("errors", List.of(Map.of("message", message, "extensions", Map.of("code", code))));
    }

    private static String jsonType(Object value) {
        if (value instanceof Map) {
            return "an object";
        }
        if (value instanceof List) {
            return "an array";
        }
        if (value instanceof Boolean) {
            return "a boolean";
        }
        if (value instanceof Number) {
            return "a number";
        }
        return "a " + value.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
    }
}
