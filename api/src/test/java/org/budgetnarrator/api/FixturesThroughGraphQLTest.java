package org.budgetnarrator.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every figure and text of every demo fixture comes back through GraphQL unchanged: each printed row of the public
 * tables cell by cell, each project and indicator, field by field (amounts in 元 converted to 万元).
 */
@MicronautTest(transactional = false)
class FixturesThroughGraphQLTest {

    private static final Map<String, String> RENAMED = Map.of("text", "text", "type", "type");

    @Inject
    @Client("/")
    HttpClient http;

    private static int compared;

    @ParameterizedTest
    @ValueSource(strings = {"xianning-2024.json", "hunan-2024.json", "shijiazhuang-2024.json", "zhanjiang-2026.json"})
    void everyFigureOfTheFixtureIsServed(String file) {
        compared = 0;
        JsonNode fixture = Documents.MAPPER.valueToTree(Documents.demo(file));
        String code = fixture.path("department").path("code").asText();
        int year = fixture.path("year").asInt();
        JsonNode overview = new GraphQLClient(http).run("year-overview", "code", code, "year", year);
        assertTrue(overview.path("errors").isMissingNode(), () -> overview.path("errors").toString());
        JsonNode served = overview.path("data").path("department").path("year");

        matchPublished(fixture.path("publishedTables"), served.path("publishedTables"), file + " publishedTables");
        matchInOrder(fixture.path("indicators"), served.path("indicators"), file + " indicators");
        matchInOrder(fixture.path("documents"), served.path("documents"), file + " documents");
        matchInOrder(fixture.path("notes"), served.path("notes"), file + " notes");
        matchInOrder(fixture.path("reasons"), served.path("reasons"), file + " reasons");
        matchFields(fixture.path("summary"), served.path("summary"), file + " summary", "万元");
        matchFields(fixture.path("department"), overview.path("data").path("department"), file + " department", "万元");
        matchInOrder(fixture.path("department").path("budgetUnits"), overview.path("data").path("department").path("budgetUnits"),
                file + " budgetUnits");
        assertEquals(fixture.path("stage").asText(), served.path("stage").asText());
        compared++;

        JsonNode projects = new GraphQLClient(http).run("projects", "code", code, "year", year, "first", 100)
                .path("data").path("department").path("year").path("projects").path("nodes");
        assertEquals(fixture.path("projects").size(), projects.size(), file + " projects");
        for (int i = 0; i < projects.size(); i++) {
            JsonNode expected = fixture.path("projects").get(i);
            String unit = expected.path("moneyUnit").asText("万元");
            String where = file + " projects[" + i + "]";
            matchFields(expected, projects.get(i), where, unit.isEmpty() ? "万元" : unit);
            matchInOrder(expected.path("indicators"), projects.get(i).path("indicators"), where + ".indicators");
        }
        int fields = scalars(fixture);
        assertTrue(compared >= fields * 9 / 10, file + ": compared " + compared + " of " + fields + " fixture values");
    }

    private static int scalars(JsonNode node) {
        if (node.isContainerNode()) {
            int n = 0;
            for (JsonNode child : node) {
                n += scalars(child);
            }
            return n;
        }
        return 1;
    }

    /** Every printed row of the fixture's tables is served in its table, with its name, 行次 and every cell. */
    private static void matchPublished(JsonNode expected, JsonNode tables, String where) {
        for (JsonNode row : expected) {
            JsonNode table = null;
            for (JsonNode candidate : tables) {
                if (candidate.path("table").asText().equals(row.path("table").asText())) {
                    table = candidate;
                }
            }
            assertTrue(table != null, where + ": table " + row.path("table") + " is not served");
            boolean previous = "PREVIOUS".equals(row.path("period").asText());
            JsonNode match = null;
            for (JsonNode candidate : table.path(previous ? "previousRows" : "rows")) {
                if (candidate.path("key").asText().equals(row.path("row").asText())) {
                    match = candidate;
                }
            }
            String at = where + " " + row.path("table").asText() + "/" + row.path("row").asText() + (previous ? "/PREVIOUS" : "");
            assertTrue(match != null, at + " is not served");
            compared += 2; // table and row, matched above
            for (Iterator<Map.Entry<String, JsonNode>> it = row.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                switch (field.getKey()) {
                    case "table", "row", "period" -> {
                    }
                    case "name" -> {
                        assertEquals(field.getValue().asText(), match.path("name").asText(), at + ".name");
                        compared++;
                    }
                    case "lineNo" -> {
                        assertEquals(field.getValue().asInt(), match.path("lineNo").asInt(), at + ".lineNo");
                        compared++;
                    }
                    default -> {
                        JsonNode cell = null;
                        for (JsonNode c : match.path("cells")) {
                            if (c.path("column").asText().equals(field.getKey())) {
                                cell = c;
                            }
                        }
                        assertTrue(cell != null, at + "." + field.getKey() + " is not served");
                        String value = cell.path("amount").isNull() || cell.path("amount").isMissingNode()
                                ? cell.path("quantity").asText() : cell.path("amount").asText();
                        assertEquals(0, new BigDecimal(field.getValue().asText()).compareTo(new BigDecimal(value)),
                                at + "." + field.getKey() + ": " + field.getValue() + " vs " + value);
                        compared++;
                    }
                }
            }
        }
    }

    private static void matchByKey(JsonNode expected, JsonNode served, String key, String where) {
        for (JsonNode row : expected) {
            JsonNode match = null;
            for (JsonNode candidate : served) {
                if (candidate.path(key).asText().equals(row.path(key).asText())) {
                    match = candidate;
                }
            }
            assertTrue(match != null, where + ": " + key + " " + row.path(key) + " is not served");
            matchFields(row, match, where + " " + row.path(key).asText(), "万元");
        }
    }

    private static void matchInOrder(JsonNode expected, JsonNode served, String where) {
        assertEquals(expected.size(), served.size(), where + " count");
        for (int i = 0; i < expected.size(); i++) {
            matchFields(expected.get(i), served.get(i), where + "[" + i + "]", "万元");
        }
    }

    /** Each scalar field of the fixture row equals the served one; amounts in 元 are served in 万元. */
    private static void matchFields(JsonNode expected, JsonNode served, String where, String unit) {
        for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String key = field.getKey();
            JsonNode value = field.getValue();
            if (value.isContainerNode() || value.isNull() || List.of("moneyUnit", "code", "source", "item", "parentCode", "level").contains(key)
                    && !served.has(key)) {
                continue;
            }
            if (!served.has(key)) {
                continue; // fields the operation does not select (e.g. project purpose text in the overview)
            }
            JsonNode actual = served.get(key);
            compared++;
            String text = value.asText();
            if (text.matches("-?\\d+(\\.\\d+)?") && actual.asText().matches("-?\\d+(\\.\\d+)?")) {
                BigDecimal want = new BigDecimal(text);
                if ("元".equals(unit) && isMoney(key)) {
                    want = want.movePointLeft(4);
                }
                assertEquals(0, want.compareTo(new BigDecimal(actual.asText())), where + "." + key + ": " + text + " vs " + actual);
            } else if (!key.equals("level")) {
                assertEquals(text, actual.asText(), where + "." + key);
            }
        }
    }

    private static boolean isMoney(String key) {
        return List.of("initialBudget", "adjustedBudget", "executed", "fundCurrentYear", "fundCarryOver", "fundOther").contains(key);
    }
}
