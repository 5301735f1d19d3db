package org.budgetnarrator.api;

import org.budgetnarrator.model.domain.PublicTable;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Comparing a document's public-table rows with the ones an export gives back, for the round-trip tests. */
final class PublishedRows {

    static final List<String> ROW_FIELDS = List.of("table", "row", "period", "name", "lineNo");
    private static final BigDecimal YUAN_PER_WAN = new BigDecimal("10000");

    private PublishedRows() {
    }

    /**
     * Same row fields (CURRENT being the period an export leaves out), every column equal as a decimal (money given in
     * 元 comes back in 万元), no other field; returns the cells compared.
     */
    static int compare(Map<String, Object> given, Map<String, Object> back, boolean yuan, String path, List<String> differences) {
        int compared = 0;
        for (String field : ROW_FIELDS) {
            Object a = field.equals("period") ? periodOf(given) : given.get(field);
            Object b = field.equals("period") ? periodOf(back) : back.get(field);
            if (!Objects.equals(text(a), text(b))) {
                differences.add(path + "." + field + ": " + a + " came back as " + b);
            }
        }
        for (PublicTable.Column column : PublicTable.Column.values()) {
            Object a = given.get(column.key());
            Object b = back.get(column.key());
            if (a == null && b == null) {
                continue;
            }
            compared++;
            if (a == null || b == null) {
                differences.add(path + "." + column.key() + ": " + a + " came back as " + b);
                continue;
            }
            BigDecimal expected = new BigDecimal(a.toString());
            if (yuan && column.kind() == PublicTable.Kind.MONEY) {
                expected = expected.divide(YUAN_PER_WAN);
            }
            if (expected.compareTo(new BigDecimal(b.toString())) != 0) {
                differences.add(path + "." + column.key() + ": " + a + (yuan ? " 元" : "") + " came back as " + b);
            }
        }
        for (String key : back.keySet()) {
            if (!ROW_FIELDS.contains(key) && PublicTable.Column.byKey(key).isEmpty()) {
                differences.add(path + ": unexpected field " + key + " = " + back.get(key));
            }
        }
        return compared;
    }

    static String text(Object value) {
        return value == null ? null : value.toString();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Map<String, Object> doc, String key) {
        Object value = doc.get(key);
        return value == null ? List.of() : (List<Map<String, Object>>) value;
    }

    private static String periodOf(Map<String, Object> row) {
        Object period = row.get("period");
        return period == null ? PublicTable.Period.CURRENT.name() : period.toString();
    }
}
