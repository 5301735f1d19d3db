package org.budgetnarrator.api.graphql;

import graphql.analysis.QueryTraverser;
import graphql.analysis.QueryVisitorFieldEnvironment;
import graphql.analysis.QueryVisitorStub;
import graphql.execution.CoercedVariables;
import graphql.language.Document;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLSchema;
import graphql.util.TraversalControl;

import java.util.Map;

import static graphql.schema.FieldCoordinates.coordinates;
import static java.util.Map.entry;

/**
 * What an operation asks of the server, counted from its text before anything runs: its depth (fields on the
 * longest path, a top-level field being 1) and its complexity. Complexity sums every selected field's weight (1,
 * or the weight below) times the page sizes of the lists it sits in: a connection counts its `first` (20 when
 * absent, as the server pages), a plain list counts once.
 * <p>
 * Introspection ({@code __schema}, {@code __type} and everything under them) counts for neither: it reads the
 * schema held in memory, never the database, and the standard introspection query that GraphiQL and code
 * generators send is deeper than any data query needs. graphql-java's good-faith check (on by default) bounds
 * introspection on its own: each of __schema, __type, __Type.fields, inputFields, interfaces and possibleTypes at
 * most once, so it cannot recurse through the schema.
 */
public record QueryCost(int depth, long complexity) {

    /**
     * Fields whose value is computed, not read: what one value costs, in units of one plain field. Rounded from
     * timing many aliased copies of each against many plain fields on the demo department-year XN-WB 2024 (the
     * audit runs the table identities and the narrative checks over its published texts; a draft or report
     * prepares the year's figures and writes sections; the mutations add the same work and a write). Listed in
     * schema.graphqls's conventions.
     */
    static final Map<FieldCoordinates, Integer> WEIGHTS = Map.ofEntries(
            entry(coordinates("DepartmentYear", "audit"), 5_000),
            entry(coordinates("DepartmentYear", "report"), 2_500),
            entry(coordinates("DepartmentYear", "draft"), 2_000),
            entry(coordinates("DepartmentYear", "section"), 2_000),
            entry(coordinates("DepartmentYear", "proposedReasons"), 2_000),
            entry(coordinates("DepartmentYear", "evaluation"), 200),
            entry(coordinates("Mutation", "checkNarrative"), 5_000),
            // Reading a report lays out every line of its text and checks the tables' identities: an audit's work.
            entry(coordinates("Mutation", "readReport"), 5_000),
            // A save runs the same narrative check on its text.
            entry(coordinates("Mutation", "saveDraft"), 5_000),
            entry(coordinates("Mutation", "importDepartmentYear"), 5_000),
            entry(coordinates("Mutation", "regenerateDraft"), 2_500),
            entry(coordinates("Mutation", "freezeReport"), 2_500),
            entry(coordinates("Mutation", "suggestReasons"), 2_500));

    /** The weights, as schema.graphqls documents them. */
    public static Map<FieldCoordinates, Integer> weights() {
        return WEIGHTS;
    }

    /** Far above any limit, far below overflow: counts stop growing here. */
    private static final long CAP = 1L << 50;

    /** Which limit an operation broke, with the field where counting stopped. */
    record Exceeded(Kind kind, long value, long limit, String path) {
        enum Kind { DEPTH, COMPLEXITY }
    }

    /** The outcome of a count that stops at the first limit exceeded, so that an oversized query costs little to refuse. */
    record Count(QueryCost cost, Exceeded exceeded) {
    }

    /** The whole cost of an operation, with no limit. */
    public static QueryCost of(GraphQLSchema schema, Document document, String operationName, Map<String, Object> variables) {
        return count(schema, document, operationName, CoercedVariables.of(variables), Integer.MAX_VALUE, Long.MAX_VALUE).cost();
    }

    static Count count(GraphQLSchema schema, Document document, String operationName, CoercedVariables variables,
                       int maxDepth, long maxComplexity) {
        QueryTraverser traverser = QueryTraverser.newQueryTraverser()
                .schema(schema)
                .document(document)
                .operationName(operationName)
                .coercedVariables(variables)
                .build();
        Counter counter = new Counter(maxDepth, maxComplexity);
        traverser.visitPreOrder(counter);
        return new Count(new QueryCost(counter.depth, counter.complexity), counter.exceeded);
    }

    private static final class Counter extends QueryVisitorStub {
        private final int maxDepth;
        private final long maxComplexity;
        int depth;
        long complexity;
        Exceeded exceeded;

        Counter(int maxDepth, long maxComplexity) {
            this.maxDepth = maxDepth;
            this.maxComplexity = maxComplexity;
        }

        @Override
        public TraversalControl visitFieldWithControl(QueryVisitorFieldEnvironment env) {
            String name = env.getField().getName();
            if (env.getParentEnvironment() == null && (name.equals("__schema") || name.equals("__type"))) {
                return TraversalControl.ABORT; // introspection: not counted, its selections not visited
            }
            int fieldDepth = 1;
            long multiplier = page(env);
            for (QueryVisitorFieldEnvironment p = env.getParentEnvironment(); p != null; p = p.getParentEnvironment()) {
                fieldDepth++;
                multiplier = Math.min(CAP, multiplier * page(p));
            }
            depth = Math.max(depth, fieldDepth);
            complexity = Math.min(CAP, complexity + multiplier * weight(env));
            if (fieldDepth > maxDepth) {
                exceeded = new Exceeded(Exceeded.Kind.DEPTH, fieldDepth, maxDepth, path(env));
                return TraversalControl.QUIT;
            }
            if (complexity > maxComplexity) {
                exceeded = new Exceeded(Exceeded.Kind.COMPLEXITY, complexity, maxComplexity, path(env));
                return TraversalControl.QUIT;
            }
            return TraversalControl.CONTINUE;
        }

        private static long page(QueryVisitorFieldEnvironment env) {
            if (env.getFieldDefinition().getArgument("first") == null) {
                return 1;
            }
            Object first = env.getArguments().get("first");
            int n = first instanceof Integer i ? i : Connections.DEFAULT_FIRST;
            // Above MAX_FIRST the field is refused when fetched (BAD_USER_INPUT), so no more rows than that are ever read.
            return Math.max(1, Math.min(n, Connections.MAX_FIRST));
        }

        private static int weight(QueryVisitorFieldEnvironment env) {
            if (env.isTypeNameIntrospectionField()) {
                return 1; // __typename has no fields container to look up (graphql-java throws for it)
            }
            GraphQLFieldsContainer parent = env.getFieldsContainer();
            return WEIGHTS.getOrDefault(coordinates(parent.getName(), env.getField().getName()), 1);
        }

        private static String path(QueryVisitorFieldEnvironment env) {
            StringBuilder path = new StringBuilder();
            for (QueryVisitorFieldEnvironment e = env; e != null; e = e.getParentEnvironment()) {
                path.insert(0, (path.isEmpty() ? "" : ".")).insert(0, e.getField().getResultKey());
            }
            return path.toString();
        }
    }
}
