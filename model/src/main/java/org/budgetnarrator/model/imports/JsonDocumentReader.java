package org.budgetnarrator.model.imports;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads a department-year JSON document into a {@link RawDocument}. Syntax errors are reported with the
 * line and column; unknown keys are errors (a misspelt key would otherwise lose its figure silently).
 * Numbers are read as exact decimals, keeping the scale written ("429.80").
 */
public final class JsonDocumentReader {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    public RawDocument read(String fileName, byte[] content) {
        RawDocument doc = new RawDocument(fileName);
        JsonNode root;
        try {
            root = MAPPER.readTree(content);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            int column = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
            String what = e instanceof JsonParseException ? "malformed JSON" : "unreadable JSON";
            doc.fatal(ImportProblem.error(new Location(fileName, null, null, null, String.valueOf(column), line), null, null,
                    what + ": " + e.getOriginalMessage()));
            return doc;
        } catch (IOException e) {
            doc.fatal(ImportProblem.error(Location.file(fileName), null, null, "cannot read the file: " + e.getMessage()));
            return doc;
        }
        if (root == null || root.isMissingNode()) {
            doc.fatal(ImportProblem.error(Location.json(fileName, "$"), null, null, "the file is empty; expected a JSON object"));
            return doc;
        }
        Location top = Location.json(fileName, "$");
        if (!root.isObject()) {
            doc.fatal(ImportProblem.error(top, null, kind(root), "expected a JSON object at the top level"));
            return doc;
        }
        RawRow document = doc.single(ImportFormat.DOCUMENT, top);
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String key = entry.getKey();
            JsonNode node = entry.getValue();
            Location at = top.child(key);
            if (ImportFormat.DOCUMENT.field(key).isPresent()) {
                document.values().put(key, value(node, at));
            } else if (key.equals(ImportFormat.DEPARTMENT.key())) {
                readDepartment(doc, node, at);
            } else if (key.equals(ImportFormat.SUMMARY.key())) {
                if (expectObject(doc, node, at)) {
                    readFields(doc, ImportFormat.SUMMARY, node, at, doc.single(ImportFormat.SUMMARY, at), List.of());
                }
            } else {
                TableSpec table = ImportFormat.byKey(key);
                if (table == null || table.single() || table == ImportFormat.BUDGET_UNITS) {
                    doc.problem(ImportProblem.error(at, key, null, "unknown key; expected one of format, year, stage, "
                            + "moneyUnit, department, summary, incomes, accounts, economicAccounts, threePublic, "
                            + "vehicles, projects, indicators, reasons, documents, notes"));
                } else {
                    readRows(doc, table, node, at, null);
                }
            }
        }
        return doc;
    }

    private void readDepartment(RawDocument doc, JsonNode node, Location at) {
        if (!expectObject(doc, node, at)) {
            return;
        }
        RawRow row = doc.single(ImportFormat.DEPARTMENT, at);
        readFields(doc, ImportFormat.DEPARTMENT, node, at, row, List.of(ImportFormat.BUDGET_UNITS.key()));
        JsonNode units = node.get(ImportFormat.BUDGET_UNITS.key());
        if (units != null && !units.isNull()) {
            readRows(doc, ImportFormat.BUDGET_UNITS, units, at.child(ImportFormat.BUDGET_UNITS.key()), null);
        }
    }

    private void readRows(RawDocument doc, TableSpec table, JsonNode node, Location at, Integer parent) {
        List<RawRow> rows = doc.rows(table);
        if (node.isNull()) {
            return;
        }
        if (!node.isArray()) {
            doc.problem(ImportProblem.error(at, table.key(), kind(node), "expected an array of objects"));
            return;
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            Location rowAt = at.index(i);
            if (!expectObject(doc, item, rowAt)) {
                continue;
            }
            RawRow row = new RawRow(rowAt, new java.util.LinkedHashMap<>(), parent);
            List<String> nested = table == ImportFormat.PROJECTS ? List.of(ImportFormat.INDICATORS.key()) : List.of();
            readFields(doc, table, item, rowAt, row, nested);
            rows.add(row);
            if (table == ImportFormat.PROJECTS && item.has(ImportFormat.INDICATORS.key())) {
                readRows(doc, ImportFormat.INDICATORS, item.get(ImportFormat.INDICATORS.key()),
                        rowAt.child(ImportFormat.INDICATORS.key()), rows.size() - 1);
            }
        }
    }

    private void readFields(RawDocument doc, TableSpec table, JsonNode node, Location at, RawRow row, List<String> nested) {
        List<String> unknown = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String key = entry.getKey();
            if (nested.contains(key)) {
                continue;
            }
            if (table.field(key).isEmpty() || table.field(key).get() == ImportFormat.INDICATOR_PROJECT) {
                unknown.add(key);
                doc.problem(ImportProblem.error(at.child(key), key, null, "unknown key in " + table.key()
                        + "; expected one of " + String.join(", ", table.fields().stream()
                        .filter(f -> f != ImportFormat.INDICATOR_PROJECT).map(Field::key).toList())
                        + (nested.isEmpty() ? "" : ", " + String.join(", ", nested))));
                continue;
            }
            row.values().put(key, value(entry.getValue(), at.child(key)));
        }
    }

    private static boolean expectObject(RawDocument doc, JsonNode node, Location at) {
        if (node == null || !node.isObject()) {
            doc.problem(ImportProblem.error(at, null, node == null ? null : kind(node), "expected a JSON object"));
            return false;
        }
        return true;
    }

    private static RawValue value(JsonNode node, Location at) {
        if (node == null || node.isNull()) {
            return RawValue.of(null, at, "null");
        }
        if (node.isTextual()) {
            return RawValue.of(node.textValue(), at, "string");
        }
        if (node.isNumber()) {
            return RawValue.of(node.decimalValue(), at, "number");
        }
        if (node.isBoolean()) {
            return RawValue.of(node.booleanValue(), at, "boolean");
        }
        return new RawValue(node, node.toString(), at, kind(node));
    }

    private static String kind(JsonNode node) {
        if (node.isObject()) {
            return "an object";
        }
        if (node.isArray()) {
            return "an array";
        }
        return node.toString();
    }
}
