package org.budgetnarrator.model.imports;

import java.util.List;
import java.util.Optional;

/**
 * One table of the import format.
 *
 * @param key      its JSON key
 * @param sheet    its sheet in the workbook
 * @param dbTable  the database table its rows go to
 * @param single   true for a record of fields (a sheet of 字段/值 pairs) rather than a list of rows
 * @param fields   its fields, in workbook column order
 * @param title    a line of explanation written at the top of the workbook sheet
 * @param maxRows  the most rows a document may give (1 for a record); generous, but finite
 */
public record TableSpec(String key, String sheet, String dbTable, boolean single, List<Field> fields, String title,
                        int maxRows) {

    public Optional<Field> field(String key) {
        return fields.stream().filter(f -> f.key().equals(key)).findFirst();
    }

    /** Finds a field by JSON key, by Chinese name, or by the workbook header "名称 (key)". */
    public Optional<Field> fieldByHeader(String header) {
        String h = header == null ? "" : header.trim();
        for (Field f : fields) {
            if (f.key().equalsIgnoreCase(h) || f.label().equals(h) || f.header().equals(h)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
