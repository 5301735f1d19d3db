package org.budgetnarrator.model.imports;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One row of one table as read from a file, keyed by field key.
 *
 * @param location where the row is (JSON object path, or sheet and row)
 * @param values   the values by field key, in file order
 * @param parent   for an indicator nested inside a JSON project: that project's index; otherwise null
 */
public record RawRow(Location location, Map<String, RawValue> values, Integer parent) {

    public RawRow(Location location) {
        this(location, new LinkedHashMap<>(), null);
    }

    public RawValue get(String key) {
        return values.get(key);
    }
}
