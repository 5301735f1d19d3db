package org.budgetnarrator.model.imports;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;


/**
 * The JSON Schema of the import document (docs/department-year.schema.json), generated from
 * {@link ImportFormat} so that it cannot drift from the importer. A test compares the published file
 * with this output.
 */
public final class JsonSchema {

    private JsonSchema() {
    }

    public static String text() {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(schema()) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Map<String, Object> schema() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("$id", "https://budget-narrator.invalid/schema/department-year-1.json");
        root.put("title", "Budget Narrator department-year import document");
        root.put("description", "One department in one fiscal year. See docs/import-format.md. Money: a decimal string or number "
                + "in the document's moneyUnit (万元 unless 元), not negative. A file is at most "
                + Texts.count(ImportFormat.MAX_DOCUMENT_BYTES) + " bytes.");
        Map<String, Object> props = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        for (Field f : ImportFormat.DOCUMENT.fields()) {
            Map<String, Object> p = property(f);
            if (f.key().equals("format")) {
                p = new LinkedHashMap<>(ordered("const", ImportFormat.FORMAT_ID));
                required.add("format");
            } else if (f.required()) {
                required.add(f.key());
            }
            props.put(f.key(), p);
        }
        Map<String, Object> department = object(ImportFormat.DEPARTMENT, List.of());
        @SuppressWarnings("unchecked")
        Map<String, Object> departmentProps = (Map<String, Object>) department.get("properties");
        departmentProps.put(ImportFormat.BUDGET_UNITS.key(), array(ImportFormat.BUDGET_UNITS, List.of()));
        props.put("department", department);
        required.add("department");
        props.put("summary", object(ImportFormat.SUMMARY, List.of()));
        for (TableSpec table : ImportFormat.YEAR_TABLES) {
            if (table == ImportFormat.PROJECTS) {
                Map<String, Object> indicators = array(ImportFormat.INDICATORS, List.of(ImportFormat.INDICATOR_PROJECT));
                Map<String, Object> projects = array(table, List.of());
                @SuppressWarnings("unchecked")
                Map<String, Object> item = (Map<String, Object>) projects.get("items");
                @SuppressWarnings("unchecked")
                Map<String, Object> itemProps = (Map<String, Object>) item.get("properties");
                itemProps.put("indicators", indicators);
                props.put(table.key(), projects);
            } else {
                props.put(table.key(), array(table, table == ImportFormat.INDICATORS ? List.of(ImportFormat.INDICATOR_PROJECT) : List.of()));
            }
        }
        root.put("type", "object");
        root.put("properties", props);
        root.put("required", required);
        root.put("additionalProperties", false);
        Map<String, Object> defs = new LinkedHashMap<>();
        Digits money = FieldType.MONEY.digits();
        Digits decimal = FieldType.DECIMAL.digits();
        defs.put("money", ordered("description", "An exact amount, not negative: a decimal string (\"244.27\") or a JSON number; "
                        + money.describe() + " (trailing zeros aside; in 元 at most " + (money.fraction() - ImportFormat.YUAN_SHIFT)
                        + " after, as amounts are stored in 万元).",
                "oneOf", List.of(ordered("type", "string", "pattern", "^\\+?" + digitsPattern(money) + "$"),
                        ordered("type", "number", "minimum", 0, "exclusiveMaximum", BigInteger.TEN.pow(money.integer())))));
        defs.put("decimal", ordered("description", "An exact decimal; a string may end in %; " + decimal.describe()
                        + " (trailing zeros aside).",
                "oneOf", List.of(ordered("type", "string", "pattern", "^[+-]?" + digitsPattern(decimal) + "%?$"),
                        ordered("type", "number", "exclusiveMinimum", BigInteger.TEN.pow(decimal.integer()).negate(),
                                "exclusiveMaximum", BigInteger.TEN.pow(decimal.integer())))));
        root.put("$defs", defs);
        return root;
    }

    /** Digits before the point (leading zeros aside) and, optionally, after it (trailing zeros aside). */
    private static String digitsPattern(Digits digits) {
        return "0*\\d{1," + digits.integer() + "}(\\.\\d{1," + digits.fraction() + "}0*)?";
    }

    private static Map<String, Object> array(TableSpec table, List<Field> skip) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("description", table.title());
        out.put("type", "array");
        out.put("maxItems", table.maxRows());
        out.put("items", object(table, skip));
        return out;
    }

    private static Map<String, Object> object(TableSpec table, List<Field> skip) {
        Map<String, Object> props = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        for (Field f : table.fields()) {
            if (skip.contains(f)) {
                continue;
            }
            props.put(f.key(), property(f));
            if (f.required()) {
                required.add(f.key());
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", "object");
        out.put("properties", props);
        if (!required.isEmpty()) {
            out.put("required", required);
        }
        out.put("additionalProperties", false);
        return out;
    }

    private static Map<String, Object> property(Field f) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("description", f.label());
        switch (f.type()) {
            case TEXT -> {
                p.put("type", List.of("string", "null"));
                p.put("maxLength", f.maxLength());
            }
            case CODE -> {
                p.put("type", List.of("string", "null"));
                p.put("pattern", "^[A-Za-z0-9_.\\-]+$");
                p.put("maxLength", f.maxLength());
            }
            case INTEGER -> {
                p.put("type", List.of("integer", "null"));
                p.put("minimum", 0);
                p.put("maximum", BigInteger.TEN.pow(FieldType.INTEGER.digits().integer()).subtract(BigInteger.ONE));
            }
            case MONEY -> p.put("anyOf", List.of(ordered("$ref", "#/$defs/money"), ordered("type", "null")));
            case DECIMAL -> p.put("anyOf", List.of(ordered("$ref", "#/$defs/decimal"), ordered("type", "null")));
            case ENUM -> {
                List<Object> values = new ArrayList<>();
                f.choices().forEach((k, v) -> {
                    values.add(k);
                    if (!values.contains(v)) {
                        values.add(v);
                    }
                });
                values.add(null);
                p.put("enum", values);
            }
        }
        return p;
    }

    /** A map that keeps its keys in the order given (Map.of's order changes from run to run). */
    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            out.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return out;
    }
}
