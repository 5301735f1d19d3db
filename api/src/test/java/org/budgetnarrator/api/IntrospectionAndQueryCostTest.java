package org.budgetnarrator.api;

import com.fasterxml.jackson.databind.JsonNode;
import graphql.GraphQL;
import graphql.introspection.IntrospectionQuery;
import graphql.language.Document;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.OperationDefinition;
import graphql.language.Type;
import graphql.language.TypeName;
import graphql.language.VariableDefinition;
import graphql.parser.Parser;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLSchema;
import graphql.validation.ValidationError;
import graphql.validation.Validator;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.budgetnarrator.api.graphql.Limits;
import org.budgetnarrator.api.graphql.QueryCost;
import org.budgetnarrator.model.db.StatementCounter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The default limits let real clients in and keep expensive requests out: the standard introspection query (what
 * GraphiQL and code generators send) answers, while a data query of the same depth is refused; computed fields
 * weigh what they cost, so a hundred aliased audits are refused before any SQL runs; the officers' page's and the
 * benchmark's queries stay within the limits.
 */
@MicronautTest(transactional = false)
// Statements are counted: no background drafting worker polling meanwhile, nor the health monitor (every minute).
@Property(name = "narrator.jobs.background", value = "false")
@Property(name = "micronaut.health.monitor.enabled", value = "false")
// The first audit and sign-in of a fresh JVM can pass the client's 10 s default on a busy build machine.
@Property(name = "micronaut.http.client.read-timeout", value = "60s")
class IntrospectionAndQueryCostTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    GraphQL graphQL;

    @Inject
    Limits limits;

    private static String code(JsonNode result) {
        return result.path("errors").path(0).path("extensions").path("code").asText();
    }

    private JsonNode refusedBeforeAnySql(GraphQLClient client, String query, String code) {
        client.query("{ me { username } }"); // signs in first, so the count below is the query's alone
        long before = StatementCounter.count();
        JsonNode result = client.query(query);
        assertEquals(code, code(result), () -> result.toString().substring(0, Math.min(2000, result.toString().length())));
        assertTrue(result.path("data").isMissingNode() || result.path("data").isNull(), result::toString);
        // One statement: the bearer token's check against the stored user, before the query is looked at.
        assertEquals(before + 1, StatementCounter.count(), () -> "no SQL ran for the refused query but the token check: " + StatementCounter.recent());
        return result;
    }

    @Test
    void theStandardIntrospectionQueryAnswersSignedInAndAnonymously() {
        for (String user : new String[]{"viewer", null}) {
            JsonNode result = new GraphQLClient(http, user).query(IntrospectionQuery.INTROSPECTION_QUERY);
            assertTrue(result.path("errors").isMissingNode(), () -> user + ": " + result.path("errors"));
            JsonNode schema = result.path("data").path("__schema");
            assertEquals("Query", schema.path("queryType").path("name").asText(), user + ": " + result);
            List<String> types = new ArrayList<>();
            schema.path("types").forEach(t -> types.add(t.path("name").asText()));
            assertTrue(types.containsAll(List.of("Query", "Mutation", "Department", "DepartmentYear", "Money", "Decimal")), types::toString);
        }
    }

    @Test
    void introspectionIsNotCountedAgainstDepthButADataQueryOfTheSameDepthIsRefused() {
        GraphQLClient client = new GraphQLClient(http, "viewer");
        // 13 levels: __schema, types, fields, type, eight ofType, name.
        String introspection = "__schema { types { fields { type { ofType { ofType { ofType { ofType { ofType { ofType { ofType { ofType { name } } } } } } } } } } } }";
        // 12 levels of data beside it: department, year, nine previousYear, year.
        String data = "department(code: \"XN-WB\") { year(year: 2024) { previousYear { previousYear { previousYear { previousYear { previousYear"
                + " { previousYear { previousYear { previousYear { previousYear { year __typename } } } } } } } } } } }";
        JsonNode both = client.query("{ __typename " + introspection + " " + data + " }");
        assertTrue(both.path("errors").isMissingNode(), both::toString);
        assertFalse(both.path("data").path("__schema").path("types").isEmpty(), both::toString);
        assertTrue(both.path("data").path("department").path("year").has("previousYear"), both::toString);
        assertEquals("Query", both.path("data").path("__typename").asText(), both::toString);

        // The same 13 levels of data alone: still refused, before any SQL, saying where and by what limit.
        String deep = "{ department(code: \"XN-WB\") { year(year: 2024) { previousYear { previousYear { previousYear { previousYear { previousYear"
                + " { previousYear { previousYear { previousYear { previousYear { previousYear { year } } } } } } } } } } } } }";
        JsonNode refused = refusedBeforeAnySql(client, deep, "QUERY_TOO_DEEP");
        String message = refused.path("errors").path(0).path("message").asText();
        assertTrue(message.contains("13 > 12") && message.contains("narrator.graphql.max-depth"), message);
    }

    @Test
    void introspectionAskingForTheSchemaRecursivelyIsRefused() {
        // Not counted against depth, introspection is bounded by graphql-java's good-faith check instead.
        JsonNode result = new GraphQLClient(http, null).query("{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }");
        assertEquals("QUERY_TOO_COMPLEX", code(result), result::toString);
        assertTrue(result.path("errors").path(0).path("message").asText().contains("__Type.fields"), result::toString);
    }

    private static String aliased(String selection, int times) {
        StringBuilder query = new StringBuilder("{ department(code: \"XN-WB\") { year(year: 2024) {");
        for (int i = 0; i < times; i++) {
            query.append(" a").append(i).append(": ").append(selection);
        }
        return query.append(" } } }").toString();
    }

    @ParameterizedTest
    @ValueSource(strings = {"audit { ruleId }", "report { text }", "draft(section: INCOME) { text }", "proposedReasons { subject }"})
    void aHundredAliasedComputedFieldsAreRefusedBeforeAnySqlWhileOneAnswers(String selection) {
        GraphQLClient client = new GraphQLClient(http, "officer-xn"); // drafts and proposals are Xianning's working data
        JsonNode one = client.query(aliased(selection, 1));
        assertTrue(one.path("errors").isMissingNode(), one::toString);
        assertTrue(one.path("data").path("department").path("year").has("a0"), one::toString);

        JsonNode refused = refusedBeforeAnySql(client, aliased(selection, 100), "QUERY_TOO_COMPLEX");
        String message = refused.path("errors").path(0).path("message").asText();
        assertTrue(message.contains(Integer.toString(limits.maxComplexity())) && message.contains("department.year.a"), message);
    }

    @Test
    void twoThousandFourHundredAliasedAuditsAreRefusedBeforeAnySql() {
        refusedBeforeAnySql(new GraphQLClient(http, "viewer"), aliased("audit { ruleId }", 2_400), "QUERY_TOO_COMPLEX");
    }

    @Test
    void aHundredAliasedNarrativeChecksAreRefusedBeforeAnySql() {
        StringBuilder mutation = new StringBuilder("mutation {");
        for (int i = 0; i < 100; i++) {
            mutation.append(" c").append(i).append(": checkNarrative(departmentCode: \"XN-WB\", year: 2024, text: \"支出下降9.4%\") { ruleId }");
        }
        refusedBeforeAnySql(new GraphQLClient(http, "viewer"), mutation.append(" }").toString(), "QUERY_TOO_COMPLEX");
    }

    /** The operations the officers' page sends: every template literal of app/*.js that is a GraphQL operation, constants substituted. */
    private static Map<String, String> pageOperations() throws IOException {
        Pattern constant = Pattern.compile("const ([A-Z_]+) = `([^`]*)`");
        Pattern literal = Pattern.compile("`([^`]*)`");
        Map<String, String> operations = new LinkedHashMap<>();
        List<Path> scripts;
        try (Stream<Path> files = Files.list(Path.of("src", "main", "resources", "app"))) {
            scripts = files.filter(p -> p.toString().endsWith(".js")).sorted().toList();
        }
        for (Path script : scripts) {
            String text = Files.readString(script);
            Map<String, String> constants = new HashMap<>();
            for (Matcher m = constant.matcher(text); m.find(); ) {
                constants.put(m.group(1), m.group(2));
            }
            for (Matcher m = literal.matcher(text); m.find(); ) {
                String body = m.group(1).strip();
                if (!(body.startsWith("{") || body.startsWith("query") || body.startsWith("mutation"))) {
                    continue;
                }
                for (Map.Entry<String, String> c : constants.entrySet()) {
                    body = body.replace("${" + c.getKey() + "}", c.getValue());
                }
                operations.put(script.getFileName() + " #" + (operations.size() + 1), body);
            }
        }
        return operations;
    }

    /** The benchmark's queries (ours, not PostGraphile's), at the largest page the benchmark asks for. */
    private static Map<String, String> benchOperations() throws IOException {
        Map<String, String> operations = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(Path.of("src", "main", "resources", "bench"))) {
            for (Path file : files.filter(p -> p.getFileName().toString().startsWith("narrator-")).sorted().toList()) {
                operations.put(file.getFileName().toString(), Files.readString(file).replace("FIRST", "100"));
            }
        }
        return operations;
    }

    /** A value of each variable's type, so that the arguments coerce as they do when the page sends them. */
    private static Map<String, Object> sampleVariables(GraphQLSchema schema, Document document) {
        Map<String, Object> variables = new HashMap<>();
        for (OperationDefinition operation : document.getDefinitionsOfType(OperationDefinition.class)) {
            for (VariableDefinition v : operation.getVariableDefinitions()) {
                variables.put(v.getName(), sample(schema, v.getType()));
            }
        }
        return variables;
    }

    private static Object sample(GraphQLSchema schema, Type<?> type) {
        if (type instanceof NonNullType nonNull) {
            return sample(schema, nonNull.getType());
        }
        if (type instanceof ListType) {
            return List.of();
        }
        String name = ((TypeName) type).getName();
        GraphQLNamedType named = schema.getTypeAs(name);
        if (named instanceof GraphQLEnumType e) {
            return e.getValues().get(0).getName();
        }
        return switch (name) {
            case "Int" -> 2024;
            case "Boolean" -> false;
            case "String", "ID" -> "XN-WB";
            default -> Map.of();
        };
    }

    @Test
    void theSchemasConventionsStateTheLimitsAndEveryWeight() {
        String conventions = graphQL.getGraphQLSchema().getDescription().replaceAll("\\s+", " ");
        assertTrue(conventions.contains("at most " + limits.maxDepth() + " levels"), conventions);
        assertTrue(conventions.contains("complexity of " + limits.maxComplexity()), conventions);
        QueryCost.weights().forEach((field, weight) ->
                assertTrue(conventions.contains(field + " " + weight), () -> "schema.graphqls lists " + field + " " + weight));
    }

    @Test
    void theOfficersPagesAndTheBenchmarksQueriesStayWithinTheLimits() throws IOException {
        GraphQLSchema schema = graphQL.getGraphQLSchema();
        Map<String, String> operations = new LinkedHashMap<>(pageOperations());
        assertTrue(operations.size() >= 12, () -> "the page's operations were found: " + operations.keySet());
        assertTrue(operations.values().stream().anyMatch(o -> o.contains("audit {")), "the year's query, with its audit, is among them");
        operations.putAll(benchOperations());
        assertEquals(2, operations.keySet().stream().filter(k -> k.startsWith("narrator-")).count(), () -> operations.keySet().toString());

        StringBuilder table = new StringBuilder();
        for (Map.Entry<String, String> o : operations.entrySet()) {
            Document document = Parser.parse(o.getValue());
            List<ValidationError> invalid = new Validator().validateDocument(schema, document, Locale.ENGLISH);
            assertTrue(invalid.isEmpty(), () -> o.getKey() + " is a valid operation: " + invalid);
            QueryCost cost = QueryCost.of(schema, document, null, sampleVariables(schema, document));
            table.append(String.format("%-40s depth %2d complexity %,8d%n", o.getKey(), cost.depth(), cost.complexity()));
            assertTrue(cost.depth() <= limits.maxDepth(), () -> o.getKey() + " " + cost);
            assertTrue(cost.complexity() <= limits.maxComplexity(), () -> o.getKey() + " " + cost);
            if (o.getValue().contains("audit {")) {
                assertTrue(cost.complexity() > 5_000, () -> "the audit is weighed: " + o.getKey() + " " + cost);
            }
        }
        System.out.print(table);

        // And the largest of them answer in full through HTTP with the default limits.
        String year = operations.values().stream().filter(o -> o.contains("audit {")).findFirst().orElseThrow();
        JsonNode page = new GraphQLClient(http, "officer-xn").query(year, "code", "XN-WB", "year", 2024);
        assertTrue(page.path("errors").isMissingNode(), page::toString);
        assertFalse(page.path("data").path("department").path("year").path("audit").isEmpty(), page::toString);
        JsonNode nested = new GraphQLClient(http, "viewer").query(operations.get("narrator-b-nested.graphql"));
        assertTrue(nested.path("errors").isMissingNode(), nested::toString);
    }
}
