package org.budgetnarrator.api.graphql;

import graphql.GraphQLError;
import graphql.analysis.QueryTraverser;
import graphql.analysis.QueryVisitorFieldEnvironment;
import graphql.analysis.QueryVisitorStub;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.language.SourceLocation;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * The bounds of every argument, in one table, checked over the operation's argument values (variables and defaults
 * resolved) before any field is fetched: a text no longer than its argument allows, a list no longer than its
 * argument allows, and no control character but tab, line feed and carriage return (PostgreSQL refuses NUL in text,
 * and no budget text needs the others). Input objects' fields are checked too. Whatever the table does not name gets
 * the defaults, so a new argument is bounded from the start.
 *
 * <p>Over a bound the operation does not run: every violation (up to {@link #MAX_REPORTED}) comes back as
 * BAD_USER_INPUT naming the argument by its path ({@code setReasons.reasons[3].note}), the bound and what was sent.
 */
final class ArgumentBounds {

    /** A text argument's length in characters (Unicode code points) when the table names no other. */
    static final int DEFAULT_MAX_LENGTH = 1_000;
    /** A list argument's size when the table names no other. */
    static final int DEFAULT_MAX_ITEMS = 100;
    static final int MAX_REPORTED = 10;

    /**
     * An argument ({@code Mutation.saveDraft(text:)}) or input field ({@code ReasonInput.note}) with its own bound;
     * {@code pageBreaks}: it may hold form feeds too, as a published report's text marks its pages with them.
     */
    record Bound(String coordinate, int maxLength, int maxItems, boolean pageBreaks) {
        static Bound length(String coordinate, int maxLength) {
            return new Bound(coordinate, maxLength, DEFAULT_MAX_ITEMS, false);
        }

        static Bound pages(String coordinate, int maxLength) {
            return new Bound(coordinate, maxLength, DEFAULT_MAX_ITEMS, true);
        }

        static Bound items(String coordinate, int maxItems) {
            return new Bound(coordinate, DEFAULT_MAX_LENGTH, maxItems, false);
        }
    }

    // The import document is a whole department-year as JSON: the largest demo one is 80,000 characters.
    static final int DOCUMENT_MAX_LENGTH = 10_000_000;
    // A whole report is about 20,000 characters; ten times that leaves room for any real one.
    static final int NARRATIVE_MAX_LENGTH = 200_000;
    static final int NOTE_MAX_LENGTH = 2_000;
    // A published report's text (pdftotext -layout pads its columns with spaces): the 30 pages of the largest sample
    // are about 150,000 characters. Its PDF, base64-encoded, a few megabytes: as large as an import document.
    static final int REPORT_TEXT_MAX_LENGTH = 2_000_000;
    // The catalogue holds about twenty reasons; a line's variance is explained by a handful.
    static final int REASONS_MAX_ITEMS = 50;

    static final List<Bound> TABLE = List.of(
            Bound.length("Mutation.importDepartmentYear(document:)", DOCUMENT_MAX_LENGTH),
            Bound.length("Mutation.saveDraft(text:)", NARRATIVE_MAX_LENGTH),
            Bound.length("Mutation.checkNarrative(text:)", NARRATIVE_MAX_LENGTH),
            Bound.pages("Mutation.readReport(text:)", REPORT_TEXT_MAX_LENGTH),
            Bound.length("Mutation.readReport(pdfBase64:)", DOCUMENT_MAX_LENGTH),
            Bound.length("Mutation.reviewFinding(note:)", NOTE_MAX_LENGTH),
            Bound.items("Mutation.setReasons(reasons:)", REASONS_MAX_ITEMS),
            Bound.length("ReasonInput.note", NOTE_MAX_LENGTH));

    /** The longest text any argument accepts: a longer string in a request body is refused while it is read. */
    static final int LONGEST = TABLE.stream().mapToInt(Bound::maxLength).max().orElseThrow();

    private final Map<String, Bound> bounds;

    private ArgumentBounds(Map<String, Bound> bounds) {
        this.bounds = bounds;
    }

    /** The table, checked against the schema: a coordinate that names nothing (a renamed argument) fails start-up. */
    static ArgumentBounds forSchema(GraphQLSchema schema) {
        for (Bound bound : TABLE) {
            if (!exists(schema, bound.coordinate())) {
                throw new IllegalStateException("ArgumentBounds names " + bound.coordinate() + ", which schema.graphqls does not have");
            }
        }
        return new ArgumentBounds(TABLE.stream().collect(java.util.stream.Collectors.toUnmodifiableMap(Bound::coordinate, b -> b)));
    }

    private static boolean exists(GraphQLSchema schema, String coordinate) {
        int open = coordinate.indexOf('(');
        if (open >= 0) {
            String[] typeAndField = coordinate.substring(0, open).split("\\.");
            String argument = coordinate.substring(open + 1, coordinate.length() - 2);
            return schema.getType(typeAndField[0]) instanceof GraphQLFieldsContainer type
                    && type.getFieldDefinition(typeAndField[1]) != null
                    && type.getFieldDefinition(typeAndField[1]).getArgument(argument) != null;
        }
        String[] typeAndField = coordinate.split("\\.");
        return schema.getType(typeAndField[0]) instanceof GraphQLInputObjectType input && input.getField(typeAndField[1]) != null;
    }

    private Bound bound(String coordinate) {
        Bound bound = bounds.get(coordinate);
        return bound != null ? bound : new Bound(coordinate, DEFAULT_MAX_LENGTH, DEFAULT_MAX_ITEMS, false);
    }

    /** Refuses the operation (AbortExecutionException carrying BAD_USER_INPUT errors) when an argument is out of bounds. */
    void check(ExecutionContext execution) {
        List<GraphQLError> errors = new ArrayList<>();
        QueryTraverser.newQueryTraverser()
                .schema(execution.getGraphQLSchema())
                .document(execution.getDocument())
                .operationName(execution.getExecutionInput().getOperationName())
                .coercedVariables(execution.getCoercedVariables())
                .build()
                .visitPreOrder(new QueryVisitorStub() {
                    @Override
                    public void visitField(QueryVisitorFieldEnvironment env) {
                        GraphQLFieldDefinition field = env.getFieldDefinition();
                        if (env.isTypeNameIntrospectionField() || field.getArguments().isEmpty()) {
                            return;
                        }
                        String path = path(env);
                        for (GraphQLArgument argument : field.getArguments()) {
                            Object value = env.getArguments().get(argument.getName());
                            String coordinate = env.getFieldsContainer().getName() + "." + field.getName() + "(" + argument.getName() + ":)";
                            check(value, argument.getType(), coordinate, path + "." + argument.getName(),
                                    env.getField().getSourceLocation(), errors);
                        }
                    }
                });
        if (!errors.isEmpty()) {
            throw new AbortExecutionException(errors);
        }
    }

    private static String path(QueryVisitorFieldEnvironment env) {
        Deque<String> names = new ArrayDeque<>();
        for (QueryVisitorFieldEnvironment e = env; e != null; e = e.getParentEnvironment()) {
            names.addFirst(e.getFieldDefinition().getName());
        }
        return String.join(".", names);
    }

    private void check(Object value, GraphQLInputType type, String coordinate, String path, SourceLocation location,
                       List<GraphQLError> errors) {
        if (value == null || errors.size() >= MAX_REPORTED) {
            return;
        }
        GraphQLType unwrapped = type instanceof GraphQLNonNull nonNull ? nonNull.getWrappedType() : type;
        if (unwrapped instanceof GraphQLList list && value instanceof List<?> items) {
            int max = bound(coordinate).maxItems();
            if (items.size() > max) {
                errors.add(ErrorHandling.badUserInput(path + ": at most " + max + " items, got " + items.size(), location));
                return;
            }
            for (int i = 0; i < items.size(); i++) {
                check(items.get(i), (GraphQLInputType) list.getWrappedType(), coordinate, path + "[" + i + "]", location, errors);
            }
        } else if (unwrapped instanceof GraphQLInputObjectType input && value instanceof Map<?, ?> fields) {
            for (GraphQLInputObjectField f : input.getFieldDefinitions()) {
                check(fields.get(f.getName()), f.getType(), input.getName() + "." + f.getName(), path + "." + f.getName(), location, errors);
            }
        } else if (value instanceof String text) {
            Bound bound = bound(coordinate);
            String problem = problem(bound.pageBreaks() ? text.replace('\f', '\n') : text, bound.maxLength());
            if (problem != null) {
                errors.add(ErrorHandling.badUserInput(path + ": " + problem, location));
            }
        }
    }

    /** What is wrong with a text for a bound, or null: its length, then the first character no text may hold. */
    static String problem(String text, int maxLength) {
        int length = text.codePointCount(0, text.length());
        if (length > maxLength) {
            return "at most " + maxLength + " characters, got " + length;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                return String.format("control character U+%04X at character %d; a text may hold tab, line feed and carriage return "
                        + "but no other control character", (int) c, text.codePointCount(0, i) + 1);
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return String.format("unpaired surrogate U+%04X at character %d: not Unicode text", (int) c, text.codePointCount(0, i) + 1);
            }
        }
        return null;
    }
}
