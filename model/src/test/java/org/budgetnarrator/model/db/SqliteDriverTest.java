package org.budgetnarrator.model.db;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.JDBC;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Write transactions take SQLite's write lock when they begin; read-only ones do not, and read while one writes. */
class SqliteDriverTest {

    @TempDir
    Path dir;

    @Test
    void aWriteTransactionHoldsTheWriteLockFromItsBeginAndReadersStillRead() throws SQLException {
        String url = "jdbc:sqlite:" + dir.resolve("locks.db");
        SqliteDriver driver = new SqliteDriver();
        try (Connection writer = driver.connect(url, new Properties()); Connection reader = driver.connect(url, new Properties());
             Connection other = new JDBC().connect(url, new Properties()); Statement otherStatement = other.createStatement()) {
            try (Statement s = writer.createStatement()) {
                s.execute("CREATE TABLE t (v INTEGER)");
                s.execute("INSERT INTO t VALUES (1)");
            }
            writer.setAutoCommit(false);
            // A writer of another process (plain sqlite-jdbc, no busy timeout) cannot begin: the lock was taken before any statement.
            SQLException busy = assertThrows(SQLException.class, () -> otherStatement.execute("BEGIN IMMEDIATE"));
            assertTrue(busy.getMessage().contains("SQLITE_BUSY"), busy.getMessage());

            reader.setReadOnly(true);
            reader.setAutoCommit(false);
            try (Statement s = reader.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM t")) {
                rs.next();
                assertEquals(1, rs.getInt(1), "a read-only transaction reads while the writer holds the lock");
            }
            reader.commit();
            reader.setAutoCommit(true);

            try (Statement s = writer.createStatement()) {
                s.execute("INSERT INTO t VALUES (2)");
            }
            writer.commit();
            // sqlite-jdbc begins the next transaction right after a commit; that one must not keep the write lock.
            otherStatement.execute("BEGIN IMMEDIATE");
            otherStatement.execute("COMMIT");
            writer.setAutoCommit(true);
        }
    }
}
