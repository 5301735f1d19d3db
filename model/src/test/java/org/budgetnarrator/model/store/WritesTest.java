package org.budgetnarrator.model.store;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A unique key refusing a row is told apart from other failures (it is a conflict to the stores). */
class WritesTest {

    @Test
    void aUniqueKeyRefusingARowOnSqliteIsAUniqueViolationAndANotNullOneIsNot() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:"); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE v (id INTEGER PRIMARY KEY, section TEXT NOT NULL, version INTEGER NOT NULL, UNIQUE (section, version))");
            s.execute("INSERT INTO v (id, section, version) VALUES (1, 'TOTALS', 1)");
            assertTrue(Writes.uniqueViolation(assertThrows(SQLException.class,
                    () -> s.execute("INSERT INTO v (id, section, version) VALUES (2, 'TOTALS', 1)"))));
            assertTrue(Writes.uniqueViolation(assertThrows(SQLException.class,
                    () -> s.execute("INSERT INTO v (id, section, version) VALUES (1, 'INCOME', 1)"))), "primary key");
            assertFalse(Writes.uniqueViolation(assertThrows(SQLException.class,
                    () -> s.execute("INSERT INTO v (id, section, version) VALUES (3, NULL, 1)"))));
            assertFalse(Writes.uniqueViolation(assertThrows(SQLException.class, () -> s.execute("SELECT * FROM missing"))));
        }
    }
}
