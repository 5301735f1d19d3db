package org.budgetnarrator.model.imports;

/**
 * A value as read from a file, before it is checked against its field.
 *
 * @param value    a String, a BigDecimal (JSON number or numeric cell, read exactly), a Boolean, an
 *                 {@link Unreadable} (an object or array where a value belongs, a number no decimal can hold), or null
 * @param display  the text a person sees (a cell's formatted text, "100%" for a percentage cell, a JSON number as written)
 * @param location where it was read
 * @param kind     what the file called it, for messages ("string", "number", "an object", …)
 */
public record RawValue(Object value, String display, Location location, String kind) {

    /** Something in a value's place that no field accepts; {@code written} says what it was. */
    public record Unreadable(String written) {
    }

    public static RawValue of(Object value, Location location, String kind) {
        // toString, not toPlainString: 1E-20000000 in plain form is 20 million characters.
        String display = value == null ? null : String.valueOf(value);
        return new RawValue(value, display, location, kind);
    }

    public boolean isBlank() {
        return value == null || (value instanceof String s && s.isBlank());
    }
}
