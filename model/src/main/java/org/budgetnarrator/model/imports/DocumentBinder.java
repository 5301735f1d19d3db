package org.budgetnarrator.model.imports;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks every value of a {@link RawDocument} against its field and converts it: types, required
 * fields, choices, money that may not be negative, and money in 元 converted to 万元 exactly.
 * Every problem is collected; nothing stops at the first.
 * <p>
 * Bounds come first: a number's digits ({@link Field#digits}) are checked from its precision and scale before
 * it is converted or written out, a text's length and characters ({@link Field#maxLength}) before it is kept,
 * so that what is stored is exactly what both databases hold.
 */
public final class DocumentBinder {

    private static final Pattern DECIMAL = Pattern.compile("[+-]?\\d+(\\.\\d+)?");
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_.\\-]+");

    public BoundDocument bind(RawDocument raw) {
        BoundDocument doc = new BoundDocument(raw.fileName());
        doc.problemsOf(raw);
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
                String text = value instanceof String s ? s : value instanceof BigDecimal ? raw.display() : null;
                if (text == null) {
                    return fail(doc, raw, name, field);
                }
                String violation = Texts.violation(text, field.maxLength());
                if (violation != null) {
                    doc.problem(ImportProblem.error(raw.location(), name, text, "expected " + violation));
                    return null;
                }
                return text;
            }
            case CODE -> {
                String text;
                if (value instanceof BigDecimal d) {
                    // A code typed as a number: its digits, once it is known to have few enough of them.
                    text = new Digits(field.maxLength(), 0).violation(d) == null ? integral(d) : null;
                } else {
                    text = value instanceof String s ? s.trim() : null;
                }
                if (text != null && text.length() > field.maxLength()) {
                    doc.problem(ImportProblem.error(raw.location(), name, text,
                            "expected a code of at most " + field.maxLength() + " characters"));
                    return null;
                }
                if (text == null || !CODE.matcher(text).matches()) {
                    return fail(doc, raw, name, field);
                }
                return text;
            }
            case INTEGER -> {
                BigDecimal d = number(value);
                if (d == null || field.digits(unit).violation(d) != null) {
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
                Digits digits = field.digits(unit);
                if (!bounded(doc, raw, name, d, digits, ImportFormat.YUAN.equals(unit)
                        ? " for an amount in 元 (stored in 万元 with " + field.type().digits().fraction() + ")" : "")) {
                    return null;
                }
                BigDecimal exact = digits.normalise(d);
                return ImportFormat.YUAN.equals(unit) ? exact.movePointLeft(ImportFormat.YUAN_SHIFT) : exact;
            }
            case DECIMAL -> {
                Object v = value instanceof String s && s.trim().endsWith("%") ? s.trim().substring(0, s.trim().length() - 1) : value;
                BigDecimal d = number(v);
                if (d == null) {
                    return fail(doc, raw, name, field);
                }
                Digits digits = field.digits(unit);
                if (!bounded(doc, raw, name, d, digits, "")) {
                    return null;
                }
                return digits.normalise(d);
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

    /** Whether the number has the digits its field allows; when not, says so, naming the bound. */
    private static boolean bounded(BoundDocument doc, RawValue raw, String name, BigDecimal d, Digits digits, String context) {
        String violation = digits.violation(d);
        if (violation == null) {
            return true;
        }
        doc.problem(ImportProblem.error(raw.location(), name, raw.display(), "expected " + violation + context));
        return false;
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
            // Parsing a long run of digits costs more than it is worth: no bounded number is written that long.
            if (t.length() <= ImportFormat.MAX_NUMBER_LENGTH && DECIMAL.matcher(t).matches()) {
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
