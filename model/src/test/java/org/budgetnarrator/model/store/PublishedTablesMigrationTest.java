package org.budgetnarrator.model.store;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * A database holding department-years stored before the public tables (format 1: income, account and 三公 lines,
 * summary figures) is migrated so that each figure becomes the cell of the table that prints it, on SQLite and on
 * PostgreSQL (the local server, database test, a schema of its own; or TEST_PG_URL).
 */
class PublishedTablesMigrationTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void storedLinesBecomeTheCellsOfTheTablesThatPrintThem(String database) throws Exception {
        String schema = "migration_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String url = database.equals("sqlite") ? "jdbc:sqlite:" + dir.resolve("old.db")
                : System.getenv().getOrDefault("TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
        var config = Flyway.configure().dataSource(url, System.getenv().getOrDefault("TEST_PG_USER", "postgres"),
                System.getenv().getOrDefault("TEST_PG_PASSWORD", ""))
                .locations("classpath:db/migration/" + database);
        if (database.equals("postgresql")) {
            config = config.schemas(schema).defaultSchema(schema).createSchemas(true);
        }
        config.target("8").load().migrate();
        try (Connection c = connect(url, database, schema); Statement s = c.createStatement()) {
            boolean f = database.equals("sqlite");
            s.executeUpdate("INSERT INTO department (id, code, name, admin_level) VALUES (1, 'OLD', '旧部门', 'CITY')");
            s.executeUpdate("INSERT INTO department_year (id, department_id, fiscal_year, stage, money_unit, imported_at, office_running_cost, "
                    + "previous_office_running_cost, procurement_total, procurement_sme, procurement_micro, equipment_over_1m) "
                    + "VALUES (1, 1, 2024, 'FINAL_ACCOUNTS', '万元', 'x', " + n(f, "31.93") + ", " + n(f, "33.77") + ", " + n(f, "0.45") + ", "
                    + n(f, "0") + ", " + n(f, "0.45") + ", 0)");
            s.executeUpdate("INSERT INTO income_line (department_year_id, seq, source, amount, previous_amount) VALUES "
                    + "(1, 0, 'general_public_budget_appropriation', " + n(f, "429.8") + ", " + n(f, "461.63") + ")");
            s.executeUpdate("INSERT INTO account_line (department_year_id, seq, classification, code, name, line_level, parent_code, derived, "
                    + "actual, basic, general_budget, initial_budget, previous_actual) VALUES "
                    + "(1, 0, 'FUNCTIONAL', '2013501', '行政运行', 3, '20135', " + (f ? "0" : "false") + ", " + n(f, "244.27") + ", "
                    + n(f, "244.27") + ", " + n(f, "240.10") + ", " + n(f, "230") + ", " + n(f, "250.5") + "), "
                    + "(1, 1, 'FUNCTIONAL', '20135', '对外联络事务', 2, '201', " + (f ? "1" : "true") + ", " + n(f, "244.27") + ", null, null, null, null), "
                    + "(1, 2, 'ECONOMIC', '30101', '基本工资', 2, '301', " + (f ? "0" : "false") + ", " + n(f, "80.5") + ", null, null, null, null)");
            s.executeUpdate("INSERT INTO three_public_line (department_year_id, seq, item, budget, actual, previous_actual, table_budget, persons_count) "
                    + "VALUES (1, 0, 'TOTAL', " + n(f, "115.9") + ", " + n(f, "46.35") + ", " + n(f, "52.52") + ", " + n(f, "46.35") + ", 5)");
        }
        config.target("latest").load().migrate();
        try (Connection c = connect(url, database, schema)) {
            assertEquals(new BigDecimal("429.8"), cell(c, "T01", "general_public_budget_appropriation", "CURRENT", "amount"));
            assertEquals(new BigDecimal("461.63"), cell(c, "T01", "general_public_budget_appropriation", "PREVIOUS", "amount"));
            // 03 holds the line's all-source figures, 05 its general-budget ones; a line the importer derived is no cell.
            assertEquals(new BigDecimal("244.27"), cell(c, "T03", "2013501", "CURRENT", "total"));
            assertEquals(new BigDecimal("250.5"), cell(c, "T03", "2013501", "PREVIOUS", "total"));
            assertEquals(new BigDecimal("240.1"), cell(c, "T05", "2013501", "CURRENT", "total"));
            assertEquals(new BigDecimal("230"), cell(c, "T05", "2013501", "CURRENT", "initial_budget"));
            assertNull(cell(c, "T03", "20135", "CURRENT", "total"));
            assertEquals(new BigDecimal("80.5"), cell(c, "T06", "30101", "CURRENT", "amount"));
            // 三公: the table's printed budget, the narrative's apart; counts beside.
            assertEquals(new BigDecimal("46.35"), cell(c, "T09", "TOTAL", "CURRENT", "budget"));
            assertEquals(new BigDecimal("115.9"), cell(c, "T09", "TOTAL", "CURRENT", "adjusted_budget"));
            assertEquals(new BigDecimal("5"), cell(c, "T09", "TOTAL", "CURRENT", "persons_count"));
            assertEquals(new BigDecimal("52.52"), cell(c, "T09", "TOTAL", "PREVIOUS", "actual"));
            assertEquals(new BigDecimal("31.93"), cell(c, "OFFICE_RUNNING", "total", "CURRENT", "amount"));
            assertEquals(new BigDecimal("33.77"), cell(c, "OFFICE_RUNNING", "total", "PREVIOUS", "amount"));
            assertEquals(new BigDecimal("0.45"), cell(c, "PROCUREMENT", "total", "CURRENT", "micro"));
            assertEquals(new BigDecimal("0"), cell(c, "ASSETS", "equipment_over_1m", "CURRENT", "item_count"));
        } finally {
            if (database.equals("postgresql")) {
                try (Connection c = DriverManager.getConnection(url, System.getenv().getOrDefault("TEST_PG_USER", "postgres"),
                System.getenv().getOrDefault("TEST_PG_PASSWORD", ""));
                     Statement s = c.createStatement()) {
                    s.execute("DROP SCHEMA " + schema + " CASCADE");
                }
            }
        }
    }

    private static String n(boolean sqlite, String value) {
        return sqlite ? "'" + value + "'" : value;
    }

    private static Connection connect(String url, String database, String schema) throws SQLException {
        Connection c = DriverManager.getConnection(url, System.getenv().getOrDefault("TEST_PG_USER", "postgres"),
                System.getenv().getOrDefault("TEST_PG_PASSWORD", ""));
        if (database.equals("postgresql")) {
            c.setSchema(schema);
        }
        return c;
    }

    private static BigDecimal cell(Connection c, String table, String row, String period, String column) throws SQLException {
        Map<String, Object> values = new HashMap<>();
        try (var ps = c.prepareStatement("SELECT " + column + " FROM published_row WHERE table_key = ? AND row_key = ? AND period = ?")) {
            ps.setString(1, table);
            ps.setString(2, row);
            ps.setString(3, period);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                String v = rs.getString(1);
                return v == null ? null : new BigDecimal(v).stripTrailingZeros().scale() < 0
                        ? new BigDecimal(v).setScale(0) : new BigDecimal(v).stripTrailingZeros();
            }
        }
    }
}
