package org.budgetnarrator.model.reading;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The department-year a reader builds, in the import format (budget-narrator/department-year@2): header fields, the
 * published tables' rows (one row per table, row and period, its figures as printed strings under the column keys), the
 * tables' layouts and the documents. {@link #toDocument()} gives the JSON-shaped map the importer takes.
 */
public final class DocumentDraft {

    private final Map<String, Object> header = new LinkedHashMap<>();
    private final Map<String, Object> department = new LinkedHashMap<>();
    private final List<Map<String, Object>> rows = new ArrayList<>();
    private final List<Map<String, Object>> layouts = new ArrayList<>();
    private final List<Map<String, Object>> documents = new ArrayList<>();

    public DocumentDraft() {
        header.put("format", "budget-narrator/department-year@2");
        header.put("moneyUnit", "万元");
        header.put("stage", "FINAL_ACCOUNTS");
    }

    public void year(int year) {
        header.put("year", year);
    }

    public Integer year() {
        return (Integer) header.get("year");
    }

    public void moneyUnit(String unit) {
        header.put("moneyUnit", unit);
    }

    public void department(String code, String name, String level) {
        department.put("code", code);
        department.put("name", name);
        if (level != null) {
            department.put("level", level);
        }
    }

    public String departmentName() {
        return (String) department.get("name");
    }

    /** The row of a table (current period), created on first use with its printed name and 行次 (either may be null). */
    public Map<String, Object> row(String table, String row, String name, Integer lineNumber) {
        return row(table, row, null, name, lineNumber);
    }

    public Map<String, Object> row(String table, String row, String period, String name, Integer lineNumber) {
        for (Map<String, Object> r : rows) {
            if (r.get("table").equals(table) && r.get("row").equals(row) && Objects.equals(r.get("period"), period)) {
                return r;
            }
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("table", table);
        r.put("row", row);
        if (period != null) {
            r.put("period", period);
        }
        if (name != null) {
            r.put("name", name);
        }
        if (lineNumber != null) {
            r.put("lineNo", lineNumber);
        }
        rows.add(r);
        return r;
    }

    /** Sets a cell to a figure as printed ("429.80"); the report records where it was read. */
    public void cell(String table, String row, String column, String value) {
        row(table, row, null, null).put(column, value);
    }

    public List<Map<String, Object>> rows() {
        return rows;
    }

    public void layout(String table, String label, String title, int position) {
        Map<String, Object> l = new LinkedHashMap<>();
        l.put("table", table);
        if (label != null) {
            l.put("label", label);
        }
        l.put("title", title);
        l.put("position", position);
        layouts.add(l);
    }

    public void document(String kind, String title, String text) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("kind", kind);
        if (title != null) {
            d.put("title", title);
        }
        d.put("text", text);
        documents.add(d);
    }

    public Map<String, Object> toDocument() {
        Map<String, Object> doc = new LinkedHashMap<>(header);
        doc.put("department", new LinkedHashMap<>(department));
        if (!layouts.isEmpty()) {
            doc.put("tableLayouts", layouts);
        }
        doc.put("publishedTables", rows);
        if (!documents.isEmpty()) {
            doc.put("documents", documents);
        }
        return doc;
    }
}
