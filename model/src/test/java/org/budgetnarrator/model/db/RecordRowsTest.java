package org.budgetnarrator.model.db;

import org.budgetnarrator.model.domain.AccountLine;
import org.budgetnarrator.model.domain.DepartmentYear;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rows become records by the repositories' column names, with exact decimals and nulls kept. */
class RecordRowsTest {

    @Test
    void anAccountLineIsReadByItsSnakeCaseAndMappedColumnsWithExactDecimals() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:"); Statement s = c.createStatement()) {
            // The migration's shape in SQLite: decimals as TEXT, so that no binary floating point ever holds money.
            s.execute("CREATE TABLE account_line (id INTEGER, department_year_id INTEGER, seq INTEGER, classification TEXT, code TEXT, "
                    + "name TEXT, line_level INTEGER, parent_code TEXT, derived INTEGER, initial_budget TEXT, adjusted_budget TEXT, "
                    + "actual TEXT, basic TEXT, personnel TEXT, operating TEXT, project TEXT, remittance TEXT, business TEXT, "
                    + "subsidiary TEXT, general_budget TEXT, government_fund TEXT, state_capital TEXT, previous_actual TEXT)");
            s.execute("INSERT INTO account_line (id, department_year_id, seq, classification, code, name, line_level, derived, actual, "
                    + "initial_budget) VALUES (7, 3, 1, 'FUNCTIONAL', '2013501', '行政运行', 3, 1, '0.10', '12345678901234.123456')");
            try (ResultSet rs = s.executeQuery("SELECT * FROM account_line")) {
                List<AccountLine> rows = RecordRows.of(AccountLine.class).read(rs);
                assertEquals(1, rows.size());
                AccountLine line = rows.get(0);
                assertEquals(7L, line.id());
                assertEquals(3, line.level(), "line_level through @MappedProperty");
                assertEquals(Boolean.TRUE, line.derived());
                assertEquals(new BigDecimal("0.10"), line.actual());
                assertEquals(new BigDecimal("12345678901234.123456"), line.initialBudget(), "exact, not a double");
                assertNull(line.adjustedBudget());
                assertNull(line.parentCode());
            }
        }
    }

    @Test
    void aMissingColumnIsNamed() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT 1 AS id")) {
            SQLException e = assertThrows(SQLException.class, () -> RecordRows.of(DepartmentYear.class).read(rs));
            assertTrue(e.getMessage().contains("department_id"), e.getMessage());
        }
    }
}
