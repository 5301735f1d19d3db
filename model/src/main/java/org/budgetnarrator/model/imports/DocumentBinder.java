package org.budgetnarrator.model.imports;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks every value of a {@link RawDocument} against its field and converts it: types, required
 * fields, choices, money that may not be negative, and money in 元 converted to 万元 exactly.
 * Every problem is collected; nothing stops at the first.
 */
public final class DocumentBinder {

    private static final Pattern DECIMAL = Pattern.compile("[+-]?\\d+(\\.\\d+)?");
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_.\\-]+");
    private static final BigDecimal MAX_MONEY = new BigDecimal("1000000000000");

    public BoundDocument bind(RawDocument raw) {
        BoundDocument doc = new BoundDocument(raw.fileName());
        doc.problems().addAll(raw.problems());
        BoundRow document = bindRow(doc, ImportFormat.DOCUMENT, raw.single(ImportFormat.DOCUMENT, Location.file(raw.fileName())), "万元");
        doc.rows(ImportFormat.DOCUMENT).add(document);
        String unit = document.text("moneyUnit") == null ? "万元" : document.text("moneyUnit");
        for (TableSpec table : ImportFormat.TABLES) {
            if (table == ImportFormat.DOCUMENT) {
                continue;
            }
            if (table.single()) {
                if (!raw.has(table) && table == ImportFormat.DEPARTMENT) {
                    doc.problem(ImportProblem.error(Location.json(raw.fileName(), "$").child("department"), "department",
                            null, "missing; every document names its department (code, name, level)"));
                }
                if (raw.has(table)) {
                    doc.rows(table).add(bindRow(doc, table, raw.single(table, Location.file(raw.fileName())), unit));
                }
                continue;
            }
            for (RawRow row : raw.rows(table)) {
                doc.rows(table).add(bindRow(doc, table, row, unit));
            }
        }
        return doc;
    }

    private BoundRow bindRow(BoundDocument doc, TableSpec table, RawRow raw, String documentUnit) {
        BoundRow row = new BoundRow(raw.location(), raw.parent());
        String unit = documentUnit;
        RawValue rowUnit = raw.get(ImportFormat.MONEY_UNIT.key());
        if (table.field(ImportFormat.MONEY_UNIT.key()).isPresent() && rowUnit != null && !rowUnit.isBlank()) {
            Object key = convert(doc, ImportFormat.MONEY_UNIT, rowUnit, "万元");
            if (key != null) {
                unit = key.toString();
            }
        }
        for (Field field : table.fields()) {
            RawValue value = raw.get(field.key());
            if (value == null || value.isBlank()) {
                if (field.required()) {
                    Location at = value != null ? value.location() : raw.location().child(field.key());
                    doc.problem(ImportProblem.error(at, field.key() + " (" + field.label() + ")", null,
                            "missing; required, expected " + field.describeExpected()));
                }
                continue;
            }
            Object converted = convert(doc, field, value, unit);
            if (converted != null) {
                row.values().put(field.key(), converted);
                row.where().put(field.key(), value.location());
            }
        }
        return row;
    }

    private Object convert(BoundDocument doc, Field field, RawValue raw, String unit) {
        Object value = raw.value();
        String name = field.key() + " (" + field.label() + ")";
        switch (field.type()) {
            case TEXT -> {
                if (value instanceof String || value instanceof BigDecimal) {
                    return field.type() == FieldType.TEXT && value instanceof BigDecimal ? raw.display() : value;
                }
                return fail(doc, raw, name, field);
            }
            case CODE -> {
                String text = value instanceof BigDecimal d ? integral(d) : value instanceof String s ? s.trim() : null;
                if (text == null || !CODE.matcher(text).matches()) {
                    return fail(doc, raw, name, field);
                }
                return text;
            }
            case INTEGER -> {
                BigDecimal d = number(value);
                if (d == null || integral(d) == null) {
                    return fail(doc, raw, name, field);
                }
                if (d.signum() < 0) {
                    doc.problem(ImportProblem.error(raw.location(), name, raw.display(), "expected a whole number that is not negative"));
                    return null;
                }
                return d.longValueExact();
            }
            case MONEY -> {
                BigDecimal d = number(value);
                if (d == null) {
                    return fail(doc, raw, name, field);
                }
                if (d.signum() < 0) {
                    doc.problem(ImportProblem.error(raw.location(), name, raw.display(),
                            "expected an amount that is not negative; this field cannot be negative"));
                    return null;
                }
                if (d.abs().compareTo(MAX_MONEY) > 0) {
                    doc.problem(ImportProblem.error(raw.location(), name, raw.display(), "expected an amount below 10^12"));
                    return null;
                }
                BigDecimal wan = "元".equals(unit) ? d.movePointLeft(4) : d;
                return wan.scale() < 0 ? wan.setScale(0) : wan;
            }
            case DECIMAL -> {
                Object v = value instanceof String s && s.trim().endsWith("%") ? s.trim().substring(0, s.trim().length() - 1) : value;
                BigDecimal d = number(v);
                if (d == null) {
                    return fail(doc, raw, name, field);
                }
                return d.scale() < 0 ? d.setScale(0) : d;
            }
            case ENUM -> {
                String key = value instanceof String s ? field.choiceKey(s.trim()) : null;
                if (key == null) {
                    return fail(doc, raw, name, field);
                }
                return key;
            }
            default -> throw new IllegalStateException(field.type().name());
        }
    }

    private static Object fail(BoundDocument doc, RawValue raw, String name, Field field) {
        String found = raw.kind() != null && raw.kind().startsWith("an ") ? raw.kind() : raw.display();
        doc.problem(ImportProblem.error(raw.location(), name, found, "expected " + field.describeExpected()));
        return null;
    }

    private static BigDecimal number(Object value) {
        if (value instanceof BigDecimal d) {
            return d;
        }
        if (value instanceof String s) {
            String t = s.trim();
            if (DECIMAL.matcher(t).matches()) {
                return new BigDecimal(t);
            }
        }
        return null;
    }

    private static String integral(BigDecimal d) {
        try {
            return d.stripTrailingZeros().toBigIntegerExact().toString();
        } catch (ArithmeticException e) {
            return null;
        }
    }

    static List<String> units() {
        return List.of("万元", "元");
    }
}
