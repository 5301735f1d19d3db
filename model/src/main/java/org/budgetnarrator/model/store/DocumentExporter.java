package org.budgetnarrator.model.store;

import org.budgetnarrator.model.domain.PublicTable;
import org.budgetnarrator.model.imports.Field;
import org.budgetnarrator.model.imports.FieldType;
import org.budgetnarrator.model.imports.ImportFormat;
import org.budgetnarrator.model.imports.LegacyLines;
import org.budgetnarrator.model.imports.TableSpec;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads one stored department-year back into the import format, as maps and lists ready for JSON. */
final class DocumentExporter {

    private final Connection c;

    DocumentExporter(Connection c) {
        this.c = c;
    }

    Optional<Map<String, Object>> export(String code, int fiscalYear) throws SQLException {
        Map<String, Object> department = null;
        long departmentId = 0;
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM department WHERE code = ?")) {
            ps.setString(1, code);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    departmentId = rs.getLong("id");
                    department = row(rs, ImportFormat.DEPARTMENT, "万元");
                }
            }
        }
        if (department == null) {
            return Optional.empty();
        }
        put(department, "budgetUnits", rows("SELECT * FROM budget_unit WHERE department_id = ? ORDER BY seq",
                departmentId, ImportFormat.BUDGET_UNITS, null));
        Map<String, Object> doc = new LinkedHashMap<>();
        long yearId;
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM department_year WHERE department_id = ? AND fiscal_year = ?")) {
            ps.setLong(1, departmentId);
            ps.setInt(2, fiscalYear);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                yearId = rs.getLong("id");
                doc.put("format", ImportFormat.FORMAT_ID);
                doc.putAll(row(rs, ImportFormat.DOCUMENT, "万元"));
                doc.put("moneyUnit", "万元");
                doc.put("department", department);
                Map<String, Object> summary = row(rs, ImportFormat.SUMMARY, "万元");
                // Office running costs, procurement and equipment are cells of their tables, exported there.
                summary.keySet().removeAll(LegacyLines.SUMMARY_FIELDS);
                if (!summary.isEmpty()) {
                    doc.put("summary", summary);
                }
            }
        }
        // The tables as published; the income and account lines are their projection, derived again on import.
        put(doc, ImportFormat.TABLE_LAYOUTS.key(), rows("SELECT * FROM published_table WHERE department_year_id = ? ORDER BY seq", yearId,
                ImportFormat.TABLE_LAYOUTS, null));
        List<Map<String, Object>> published = rows("SELECT * FROM published_row WHERE department_year_id = ? ORDER BY seq", yearId,
                ImportFormat.PUBLISHED, null);
        // The year's own figures are the default period.
        published.forEach(r -> r.remove("period", PublicTable.Period.CURRENT.name()));
        put(doc, ImportFormat.PUBLISHED.key(), published);
        put(doc, "vehicles", rows("SELECT * FROM vehicle_holding WHERE department_year_id = ? ORDER BY seq", yearId, ImportFormat.VEHICLES, null));
        Map<Long, List<Map<String, Object>>> byProject = new LinkedHashMap<>();
        List<Map<String, Object>> yearIndicators = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM indicator WHERE department_year_id = ? ORDER BY seq")) {
            ps.setLong(1, yearId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long projectId = rs.getLong("project_id");
                    boolean none = rs.wasNull();
                    Map<String, Object> indicator = row(rs, ImportFormat.INDICATORS, "万元");
                    if (none) {
                        yearIndicators.add(indicator);
                    } else {
                        byProject.computeIfAbsent(projectId, k -> new ArrayList<>()).add(indicator);
                    }
                }
            }
        }
        List<Map<String, Object>> projects = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM project WHERE department_year_id = ? ORDER BY seq")) {
            ps.setLong(1, yearId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String unit = rs.getString("money_unit");
                    Map<String, Object> project = row(rs, ImportFormat.PROJECTS, unit == null ? "万元" : unit);
                    List<Map<String, Object>> indicators = byProject.get(rs.getLong("id"));
                    if (indicators != null) {
                        project.put("indicators", indicators);
                    }
                    projects.add(project);
                }
            }
        }
        put(doc, "projects", projects);
        put(doc, "indicators", yearIndicators);
        put(doc, "reasons", rows("SELECT * FROM line_reason WHERE department_year_id = ? ORDER BY seq", yearId, ImportFormat.REASONS, null));
        put(doc, "documents", rows("SELECT * FROM document WHERE department_year_id = ? ORDER BY seq", yearId, ImportFormat.DOCUMENTS, null));
        put(doc, "notes", rows("SELECT * FROM data_note WHERE department_year_id = ? ORDER BY seq", yearId, ImportFormat.NOTES, null));
        return Optional.of(doc);
    }

    private static void put(Map<String, Object> doc, String key, List<Map<String, Object>> rows) {
        if (!rows.isEmpty()) {
            doc.put(key, rows);
        }
    }

    private List<Map<String, Object>> rows(String sql, long id, TableSpec table, String unit) throws SQLException {
        List<Map<String, Object>> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row(rs, table, unit == null ? "万元" : unit));
                }
            }
        }
        return out;
    }

    /** The row's stored fields by JSON key; money converted back to the row's source unit. */
    private static Map<String, Object> row(ResultSet rs, TableSpec table, String unit) throws SQLException {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Field f : table.fields()) {
            if (f.column() == null) {
                continue;
            }
            Object value = DepartmentYearStore.read(rs, f);
            if (value == null) {
                continue;
            }
            if (value instanceof BigDecimal d) {
                BigDecimal v = f.type() == FieldType.MONEY && "元".equals(unit) ? d.movePointRight(4) : d;
                value = plain(v);
            }
            out.put(f.key(), value);
        }
        return out;
    }

    /** Exact decimal as text without trailing zeros beyond the second decimal ("429.80", "1.863"). */
    static String plain(BigDecimal d) {
        BigDecimal s = d.stripTrailingZeros();
        if (s.scale() < 2) {
            s = s.setScale(2);
        }
        return s.toPlainString();
    }
}
