package org.budgetnarrator.model.store;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.budgetnarrator.model.imports.BoundDocument;
import org.budgetnarrator.model.imports.BoundRow;
import org.budgetnarrator.model.imports.Field;
import org.budgetnarrator.model.imports.FieldType;
import org.budgetnarrator.model.imports.ImportFormat;
import org.budgetnarrator.model.imports.TableSpec;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes a checked department-year to the database, replacing the stored one whole in one transaction,
 * and reads one back in the import format. The columns come from {@link ImportFormat}, so the store
 * cannot drift from the importer; the same SQL runs on SQLite and PostgreSQL.
 */
@Singleton
public class DepartmentYearStore {

    private final TransactionOperations<Connection> tx;
    private final Writes writes;

    public DepartmentYearStore(TransactionOperations<Connection> tx, Writes writes) {
        this.tx = tx;
        this.writes = writes;
    }

    /** Stores the document, replacing that department-year whole; returns the new department-year id. */
    public long replace(BoundDocument doc, String sourceName) {
        return writes.department(doc.departmentCode(), status -> {
            try {
                return replace(status.getConnection(), doc, sourceName);
            } catch (SQLException e) {
                if (Writes.uniqueViolation(e)) {
                    // The department or its year was stored by a writer outside the application's order (another process).
                    throw new WriteConflictException(doc.departmentCode() + " " + doc.year() + " was stored by another import at the "
                            + "same time; nothing of this import was stored; import it again", e);
                }
                throw new StoreException("could not store " + doc.departmentCode() + " " + doc.year() + ": " + e.getMessage(), e);
            }
        });
    }

    private long replace(Connection c, BoundDocument doc, String sourceName) throws SQLException {
        boolean sqlite = isSqlite(c);
        BoundRow department = doc.single(ImportFormat.DEPARTMENT);
        Long departmentId = findDepartment(c, department.text("code"));
        if (departmentId == null) {
            departmentId = insert(c, sqlite, ImportFormat.DEPARTMENT, department, Map.of(), true);
        } else {
            update(c, sqlite, ImportFormat.DEPARTMENT, department, departmentId);
        }
        execute(c, "DELETE FROM budget_unit WHERE department_id = ?", departmentId);
        int seq = 0;
        for (BoundRow unit : doc.rows(ImportFormat.BUDGET_UNITS)) {
            insert(c, sqlite, ImportFormat.BUDGET_UNITS, unit, Map.of("department_id", departmentId, "seq", seq++), false);
        }
        Long oldYear = findYear(c, departmentId, doc.year());
        if (oldYear != null) {
            // Children first, explicitly: cascades are not relied upon (SQLite enforces them only per connection).
            execute(c, "DELETE FROM indicator WHERE department_year_id = ?", oldYear);
            for (TableSpec table : ImportFormat.YEAR_TABLES) {
                if (table != ImportFormat.INDICATORS && table != ImportFormat.ECONOMIC_ACCOUNTS) {
                    execute(c, "DELETE FROM " + table.dbTable() + " WHERE department_year_id = ?", oldYear);
                }
            }
            execute(c, "DELETE FROM department_year WHERE id = ?", oldYear);
        }
        BoundRow year = merge(doc.single(ImportFormat.DOCUMENT), doc.single(ImportFormat.SUMMARY));
        if (year.values().get("moneyUnit") == null) {
            year.values().put("moneyUnit", "万元");
        }
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("department_id", departmentId);
        extra.put("source_name", sourceName);
        extra.put("imported_at", Instant.now().toString());
        long yearId = insert(c, sqlite, yearSpec(), year, extra, true);

        insertLines(c, sqlite, ImportFormat.TABLE_LAYOUTS, doc.rows(ImportFormat.TABLE_LAYOUTS), yearId, null);
        insertLines(c, sqlite, ImportFormat.PUBLISHED, doc.rows(ImportFormat.PUBLISHED), yearId, null);
        // The lines per source and per account: the tables' projection (LegacyLines), stored for the readers of lines.
        insertLines(c, sqlite, ImportFormat.INCOMES, doc.rows(ImportFormat.INCOMES), yearId, null);
        insertLines(c, sqlite, ImportFormat.ACCOUNTS, doc.rows(ImportFormat.ACCOUNTS), yearId, "FUNCTIONAL");
        insertLines(c, sqlite, ImportFormat.ECONOMIC_ACCOUNTS, doc.rows(ImportFormat.ECONOMIC_ACCOUNTS), yearId, "ECONOMIC");
        insertLines(c, sqlite, ImportFormat.THREE_PUBLIC, doc.rows(ImportFormat.THREE_PUBLIC), yearId, null);
        insertLines(c, sqlite, ImportFormat.VEHICLES, doc.rows(ImportFormat.VEHICLES), yearId, null);
        insertLines(c, sqlite, ImportFormat.REASONS, doc.rows(ImportFormat.REASONS), yearId, null);
        insertLines(c, sqlite, ImportFormat.DOCUMENTS, doc.rows(ImportFormat.DOCUMENTS), yearId, null);
        insertLines(c, sqlite, ImportFormat.NOTES, doc.rows(ImportFormat.NOTES), yearId, null);
        List<Long> projectIds = new ArrayList<>();
        seq = 0;
        for (BoundRow project : doc.rows(ImportFormat.PROJECTS)) {
            projectIds.add(insert(c, sqlite, ImportFormat.PROJECTS, project,
                    Map.of("department_year_id", yearId, "seq", seq++), true));
        }
        seq = 0;
        for (BoundRow indicator : doc.rows(ImportFormat.INDICATORS)) {
            Map<String, Object> ids = new LinkedHashMap<>();
            ids.put("department_year_id", yearId);
            ids.put("seq", seq++);
            ids.put("project_id", indicator.parent() == null ? null : projectIds.get(indicator.parent()));
            insert(c, sqlite, ImportFormat.INDICATORS, indicator, ids, false);
        }
        return yearId;
    }

    /** The department_year row holds the document's own fields and the summary's. */
    private static TableSpec yearSpec() {
        List<Field> fields = new ArrayList<>(ImportFormat.DOCUMENT.fields());
        fields.addAll(ImportFormat.SUMMARY.fields());
        return new TableSpec("year", "", "department_year", true, fields, "", 1);
    }

    private static BoundRow merge(BoundRow a, BoundRow b) {
        BoundRow row = new BoundRow(a.location(), null);
        row.values().putAll(a.values());
        row.values().putAll(b.values());
        return row;
    }

    private void insertLines(Connection c, boolean sqlite, TableSpec table, List<BoundRow> rows, long yearId,
                             String classification) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        List<Field> fields = stored(table);
        List<String> columns = new ArrayList<>(List.of("department_year_id", "seq"));
        fields.forEach(f -> columns.add(f.column()));
        if (classification != null) {
            columns.addAll(List.of("classification", "line_level", "parent_code", "derived"));
        }
        try (PreparedStatement ps = c.prepareStatement(insertSql(table.dbTable(), columns))) {
            int seq = 0;
            for (BoundRow row : rows) {
                int i = 1;
                ps.setLong(i++, yearId);
                ps.setInt(i++, seq++);
                for (Field f : fields) {
                    bind(ps, i++, f, row.values().get(f.key()), sqlite);
                }
                if (classification != null) {
                    String code = row.text("code");
                    ps.setString(i++, classification);
                    ps.setInt(i++, code.length() == 3 ? 1 : code.length() == 5 ? 2 : 3);
                    String parent = org.budgetnarrator.model.imports.DocumentValidator.parentOf(code, true);
                    ps.setString(i++, parent);
                    ps.setBoolean(i, Boolean.TRUE.equals(row.values().get("derived")));
                }
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private long insert(Connection c, boolean sqlite, TableSpec table, BoundRow row, Map<String, Object> extra,
                        boolean returnId) throws SQLException {
        List<Field> fields = stored(table);
        List<String> columns = new ArrayList<>(extra.keySet());
        fields.forEach(f -> columns.add(f.column()));
        String sql = insertSql(table.dbTable(), columns);
        try (PreparedStatement ps = returnId ? c.prepareStatement(sql, new String[]{"id"}) : c.prepareStatement(sql)) {
            int i = 1;
            for (Object value : extra.values()) {
                bindPlain(ps, i++, value);
            }
            for (Field f : fields) {
                bind(ps, i++, f, row.values().get(f.key()), sqlite);
            }
            ps.executeUpdate();
            if (!returnId) {
                return -1;
            }
            try (ResultSet keys = ps.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("no id generated for " + table.dbTable());
                }
                return keys.getLong(1);
            }
        }
    }

    private void update(Connection c, boolean sqlite, TableSpec table, BoundRow row, long id) throws SQLException {
        List<Field> fields = stored(table);
        StringBuilder sql = new StringBuilder("UPDATE ").append(table.dbTable()).append(" SET ");
        for (int i = 0; i < fields.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(fields.get(i).column()).append(" = ?");
        }
        sql.append(" WHERE id = ?");
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int i = 1;
            for (Field f : fields) {
                bind(ps, i++, f, row.values().get(f.key()), sqlite);
            }
            ps.setLong(i, id);
            ps.executeUpdate();
        }
    }

    private static List<Field> stored(TableSpec table) {
        return table.fields().stream().filter(f -> f.column() != null).toList();
    }

    private static String insertSql(String table, List<String> columns) {
        return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", columns.stream().map(x -> "?").toList()) + ")";
    }

    private static void bind(PreparedStatement ps, int i, Field field, Object value, boolean sqlite) throws SQLException {
        if (value == null) {
            ps.setNull(i, switch (field.type()) {
                case MONEY, DECIMAL -> sqlite ? Types.VARCHAR : Types.NUMERIC;
                case INTEGER -> Types.INTEGER;
                default -> Types.VARCHAR;
            });
        } else if (value instanceof BigDecimal d) {
            // SQLite keeps exact decimals as TEXT; PostgreSQL has NUMERIC.
            if (sqlite) {
                ps.setString(i, d.toPlainString());
            } else {
                ps.setBigDecimal(i, d);
            }
        } else if (value instanceof Long l) {
            ps.setLong(i, l);
        } else {
            ps.setString(i, value.toString());
        }
    }

    private static void bindPlain(PreparedStatement ps, int i, Object value) throws SQLException {
        if (value == null) {
            ps.setNull(i, Types.BIGINT);
        } else if (value instanceof Long l) {
            ps.setLong(i, l);
        } else if (value instanceof Integer n) {
            ps.setInt(i, n);
        } else {
            ps.setString(i, value.toString());
        }
    }

    private static void execute(Connection c, String sql, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            ps.executeUpdate();
        }
    }

    private static Long findDepartment(Connection c, String code) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM department WHERE code = ?")) {
            ps.setString(1, code);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    private static Long findYear(Connection c, long departmentId, int year) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id FROM department_year WHERE department_id = ? AND fiscal_year = ?")) {
            ps.setLong(1, departmentId);
            ps.setInt(2, year);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    /** Whether the department-year is stored. */
    public boolean exists(String departmentCode, int fiscalYear) {
        return tx.executeRead(status -> {
            try {
                return isStored(status.getConnection(), departmentCode, fiscalYear);
            } catch (SQLException e) {
                throw new StoreException("could not read " + departmentCode + " " + fiscalYear + ": " + e.getMessage(), e);
            }
        });
    }

    /** Whether the department-year is stored, read in the caller's transaction. */
    static boolean isStored(Connection c, String departmentCode, int fiscalYear) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM department_year y "
                + "JOIN department d ON d.id = y.department_id WHERE d.code = ? AND y.fiscal_year = ?")) {
            ps.setString(1, departmentCode);
            ps.setInt(2, fiscalYear);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    static boolean isSqlite(Connection c) throws SQLException {
        return c.getMetaData().getURL().startsWith("jdbc:sqlite:");
    }

    /**
     * Reads a stored department-year back as an import document (a JSON-ready tree of maps and lists), amounts
     * in 万元 except for rows whose source unit was 元, which are converted back. Derived account lines are
     * left out: the importer derives them again.
     */
    public Optional<Map<String, Object>> export(String departmentCode, int fiscalYear) {
        return tx.executeRead(status -> {
            try {
                return new DocumentExporter(status.getConnection()).export(departmentCode, fiscalYear);
            } catch (SQLException e) {
                throw new StoreException("could not read " + departmentCode + " " + fiscalYear + ": " + e.getMessage(), e);
            }
        });
    }

    static Object read(ResultSet rs, Field field) throws SQLException {
        String column = field.column();
        return switch (field.type()) {
            case MONEY, DECIMAL -> {
                String s = rs.getString(column);
                yield s == null ? null : new BigDecimal(s);
            }
            case INTEGER -> {
                long v = rs.getLong(column);
                yield rs.wasNull() ? null : v;
            }
            default -> rs.getString(column);
        };
    }

    static boolean isMoney(Field f) {
        return f.type() == FieldType.MONEY;
    }
}
