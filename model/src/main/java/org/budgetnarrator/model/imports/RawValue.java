package org.budgetnarrator.model.imports;

import java.math.BigDecimal;

/**
 * A value as read from a file, before it is checked against its field.
 *
 * @param value    a String, a BigDecimal (JSON number or numeric cell, read exactly), a Boolean, or null
 * @param display  the text a person sees (a cell's formatted text, "100%" for a percentage cell)
 * @param location where it was read
 * @param kind     what the file called it, for messages ("string", "number", "object", …)
 */
public record RawValue(Object value, String display, Location location, String kind) {

    public static RawValue of(Object value, Location location, String kind) {
        String display = value instanceof BigDecimal d ? d.toPlainString() : value == null ? null : String.valueOf(value);
        return new RawValue(value, display, location, kind);
    }

    public boolean isBlank() {
        return value == null || (value instanceof String s && s.isBlank());
    }
}
