package org.budgetnarrator.model.imports;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;

/**
 * Reads a department-year JSON document into a {@link RawDocument}. Syntax errors are reported with the
 * line and column; unknown keys are errors (a misspelt key would otherwise lose its figure silently).
 * Numbers are read as exact decimals, keeping the scale written ("429.80"), and keep the text they were
 * written as for messages.
 * <p>
 * The document is read as a stream, within the bounds of {@link ImportFormat}: its size, its nesting, the
 * length of a number or a key, and the rows of each table. What lies beyond a table's row limit is skipped
 * unread, so a large file costs no more memory than a file at the limits.
 */
public final class JsonDocumentReader {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(ImportFormat.MAX_NESTING)
                    .maxNumberLength(ImportFormat.MAX_NUMBER_LENGTH)
                    .maxNameLength(ImportFormat.MAX_KEY_LENGTH)
                    // A string is bounded by the document; each field's own limit is checked with its name.
                    .maxStringLength(ImportFormat.MAX_DOCUMENT_BYTES)
                    .maxDocumentLength(ImportFormat.MAX_DOCUMENT_BYTES)
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** Tables whose row limit was reported, so that it is reported once. */
    private final Set<TableSpec> overflowing = new HashSet<>();

    public RawDocument read(String fileName, byte[] content) {
        if (content.length > ImportFormat.MAX_DOCUMENT_BYTES) {
            return tooLarge(fileName, content.length);
        }
        RawDocument doc = new RawDocument(fileName);
        JsonParser parser = null;
        try (JsonParser p = FACTORY.createParser(content)) {
            parser = p;
            readDocument(doc, p);
            return doc;
        } catch (StreamConstraintsException e) {
            // A document beyond the bounds is refused whole: what was read of it tells nothing useful.
            return fatal(fileName, parser, e, beyondBounds(e));
        } catch (JsonProcessingException e) {
            return fatal(fileName, parser, e, "malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            RawDocument unreadable = new RawDocument(fileName);
            unreadable.fatal(ImportProblem.error(Location.file(fileName), null, null, "cannot read the file: " + e.getMessage()));
            return unreadable;
        }
    }

    /** A file over {@link ImportFormat#MAX_DOCUMENT_BYTES}, refused before it is parsed. */
    static RawDocument tooLarge(String fileName, long bytes) {
        RawDocument doc = new RawDocument(fileName);
        doc.fatal(ImportProblem.error(Location.file(fileName), null, Texts.count(bytes) + " bytes",
                "expected a file of at most " + Texts.count(ImportFormat.MAX_DOCUMENT_BYTES) + " bytes (16 MiB)"));
        return doc;
    }

    private static RawDocument fatal(String fileName, JsonParser parser, JsonProcessingException e, String expected) {
        int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
        int column = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
        String path = parser == null ? null : path(parser.getParsingContext());
        RawDocument doc = new RawDocument(fileName);
        doc.fatal(ImportProblem.error(new Location(fileName, path, null, null, String.valueOf(column), line), null, null, expected));
        return doc;
    }

    private static String beyondBounds(StreamConstraintsException e) {
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (message.startsWith("Document nesting depth")) {
            return "expected JSON nested at most " + ImportFormat.MAX_NESTING + " levels deep (the format itself nests 5: document, "
                    + "projects, project, indicators, indicator)";
        }
        if (message.startsWith("Number value length")) {
            return "expected a number written with at most " + ImportFormat.MAX_NUMBER_LENGTH + " digits (money and decimals have "
                    + Digits.COLUMN.describe() + ")";
        }
        if (message.startsWith("Name length")) {
            return "expected keys of at most " + ImportFormat.MAX_KEY_LENGTH + " characters (the format's keys are short)";
        }
        return "expected a document within the import's bounds: " + message;
    }

    /** The JSON path ($.accounts[2].actual) of where the parser stands. */
    private static String path(JsonStreamContext context) {
        List<String> parts = new ArrayList<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.add("[" + Math.max(0, c.getCurrentIndex()) + "]");
            } else if (c.inObject() && c.getCurrentName() != null) {
                parts.add("." + Texts.quoted(c.getCurrentName()));
            }
        }
        StringBuilder out = new StringBuilder("$");
        for (int i = parts.size() - 1; i >= 0; i--) {
            out.append(parts.get(i));
        }
        return out.toString();
    }

    private void readDocument(RawDocument doc, JsonParser p) throws IOException {
        String fileName = doc.fileName();
        JsonToken first = p.nextToken();
        if (first == null) {
            doc.fatal(ImportProblem.error(Location.json(fileName, "$"), null, null, "the file is empty; expected a JSON object"));
            return;
        }
        Location top = Location.json(fileName, "$");
        if (first != JsonToken.START_OBJECT) {
            String found = kind(p);
            p.skipChildren();
            doc.fatal(ImportProblem.error(top, null, found, "expected a JSON object at the top level"));
            return;
        }
        RawRow document = doc.single(ImportFormat.DOCUMENT, top);
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            p.nextToken();
            Location at = top.child(key);
            if (ImportFormat.DOCUMENT.field(key).isPresent()) {
                document.values().put(key, value(p, at));
            } else if (key.equals(ImportFormat.DEPARTMENT.key())) {
                if (expectObject(doc, p, at)) {
                    readFields(doc, ImportFormat.DEPARTMENT, p, at, doc.single(ImportFormat.DEPARTMENT, at), ImportFormat.BUDGET_UNITS, null);
                }
            } else if (key.equals(ImportFormat.SUMMARY.key())) {
                if (expectObject(doc, p, at)) {
                    readFields(doc, ImportFormat.SUMMARY, p, at, doc.single(ImportFormat.SUMMARY, at), null, null);
                }
            } else {
                TableSpec table = ImportFormat.byKey(key);
                if (table == null || table.single() || table == ImportFormat.BUDGET_UNITS) {
                    doc.problem(ImportProblem.error(at, key, null, "unknown key; expected one of format, year, stage, "
                            + "moneyUnit, department, summary, incomes, accounts, economicAccounts, threePublic, "
                            + "vehicles, projects, indicators, reasons, documents, notes"));
                    p.skipChildren();
                } else {
                    readRows(doc, table, p, at, null);
                }
            }
        }
        if (p.nextToken() != null) {
            JsonProcessingException trailing = new JsonProcessingException("content after the top-level object",
                    p.currentTokenLocation()) {
            };
            throw trailing;
        }
    }

    /** Reads an array of row objects; the parser stands on the array. */
    private void readRows(RawDocument doc, TableSpec table, JsonParser p, Location at, Integer parent) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return;
        }
        if (p.currentToken() != JsonToken.START_ARRAY) {
            doc.problem(ImportProblem.error(at, table.key(), kind(p), "expected an array of objects"));
            p.skipChildren();
            return;
        }
        List<RawRow> rows = doc.rows(table);
        for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
            Location rowAt = at.index(i);
            if (!expectObject(doc, p, rowAt)) {
                continue;
            }
            if (rows.size() >= table.maxRows()) {
                if (overflowing.add(table)) {
                    doc.problem(ImportProblem.error(rowAt, table.key(), null, "expected at most " + Texts.count(table.maxRows())
                            + " rows in " + table.key() + (table == ImportFormat.INDICATORS ? " (department-wide and in projects together)" : "")
                            + "; this row and those after it were not read"));
                }
                p.skipChildren();
                continue;
            }
            RawRow row = new RawRow(rowAt, new LinkedHashMap<>(), parent);
            rows.add(row);
            boolean project = table == ImportFormat.PROJECTS;
            readFields(doc, table, p, rowAt, row, project ? ImportFormat.INDICATORS : null, project ? rows.size() - 1 : null);
        }
    }

    /**
     * Reads an object's fields into the row; the parser stands on the object. {@code nested} is the table that
     * may be nested in it (a department's budget units, a project's indicators), whose rows get {@code parent}.
     */
    private void readFields(RawDocument doc, TableSpec table, JsonParser p, Location at, RawRow row, TableSpec nested,
                            Integer parent) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            p.nextToken();
            if (nested != null && key.equals(nested.key())) {
                readRows(doc, nested, p, at.child(key), parent);
                continue;
            }
            if (table.field(key).isEmpty() || table.field(key).get() == ImportFormat.INDICATOR_PROJECT) {
                doc.problem(ImportProblem.error(at.child(key), key, null, "unknown key in " + table.key()
                        + "; expected one of " + String.join(", ", table.fields().stream()
                        .filter(f -> f != ImportFormat.INDICATOR_PROJECT).map(Field::key).toList())
                        + (nested == null ? "" : ", " + nested.key())));
                p.skipChildren();
                continue;
            }
            row.values().put(key, value(p, at.child(key)));
        }
    }

    private static boolean expectObject(RawDocument doc, JsonParser p, Location at) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            doc.problem(ImportProblem.error(at, null, kind(p), "expected a JSON object"));
            p.skipChildren();
            return false;
        }
        return true;
    }

    /** The value the parser stands on; an object or array in a value's place is skipped and reported by its kind. */
    private static RawValue value(JsonParser p, Location at) throws IOException {
        JsonToken token = p.currentToken();
        switch (token) {
            case VALUE_NULL -> {
                return RawValue.of(null, at, "null");
            }
            case VALUE_STRING -> {
                return RawValue.of(p.getText(), at, "string");
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                String written = p.getText();
                try {
                    BigDecimal number = p.getDecimalValue();
                    return new RawValue(number, written, at, "number");
                } catch (NumberFormatException e) {
                    // An exponent beyond what a decimal can hold (1e2147483648): not a number any field accepts.
                    return new RawValue(new RawValue.Unreadable(written), written, at, "number");
                }
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return RawValue.of(p.getBooleanValue(), at, "boolean");
            }
            default -> {
                String kind = kind(p);
                p.skipChildren();
                return new RawValue(new RawValue.Unreadable(kind), kind, at, kind);
            }
        }
    }

    /** What the parser stands on, for messages: "an object", "an array", or the value as written. */
    private static String kind(JsonParser p) throws IOException {
        JsonToken token = p.currentToken();
        if (token == JsonToken.START_OBJECT) {
            return "an object";
        }
        if (token == JsonToken.START_ARRAY) {
            return "an array";
        }
        if (token == JsonToken.VALUE_STRING) {
            return "\"" + p.getText() + "\"";
        }
        return p.getText();
    }
}
