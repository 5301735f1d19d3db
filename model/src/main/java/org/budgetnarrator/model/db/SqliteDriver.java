package org.budgetnarrator.model.db;

import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteConnectionConfig;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The SQLite driver as the application uses it.
 *
 * <p>Micronaut's read-only transactions call {@code setReadOnly} on a connection that is already open,
 * which sqlite-jdbc refuses ("Cannot change read-only flag after establishing a connection",
 * micronaut-data #3560); this driver's connections keep the flag themselves instead. It also creates the database
 * file's folder (sqlite-jdbc does not), turns on foreign keys, a busy timeout and write-ahead logging on every
 * connection, and counts the statements executed (see {@link WrappingDriver}).
 *
 * <p>A transaction that is not read-only begins IMMEDIATE: it takes SQLite's one write lock before its first
 * read, waiting for the busy timeout while another connection writes. A deferred transaction would take it only
 * at its first write, and when another connection committed in between, SQLite refuses the upgrade with
 * SQLITE_BUSY at once, without waiting (see {@code org.budgetnarrator.model.store.Writes}, which also queues the
 * application's writers). Read-only transactions stay deferred, so readers never wait for a writer (WAL).
 */
public final class SqliteDriver extends WrappingDriver {

    private static final String PREFIX = "jdbc:sqlite:";

    static {
        try {
            DriverManager.registerDriver(new SqliteDriver());
        } catch (SQLException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    public SqliteDriver() {
        super(new org.sqlite.JDBC(), PREFIX);
    }

    @Override
    void beforeConnect(String url) throws SQLException {
        String file = url.substring(PREFIX.length());
        int query = file.indexOf('?');
        if (query >= 0) {
            file = file.substring(0, query);
        }
        if (file.isEmpty() || file.startsWith(":memory:") || file.startsWith("file:")) {
            return;
        }
        Path parent = Path.of(file).toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            try {
                Files.createDirectories(parent);
            } catch (IOException e) {
                throw new SQLException("Cannot create the folder of the SQLite database " + parent + ": " + e.getMessage(), e);
            }
        }
    }

    @Override
    void prepare(String url, Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA foreign_keys = ON");
            statement.execute("PRAGMA busy_timeout = 10000");
            if (!url.contains(":memory:")) {
                // Readers are not blocked by a writer (an import) and do not block it.
                statement.execute("PRAGMA journal_mode = WAL");
            }
        }
    }

    @Override
    Calls calls(Connection connection) {
        return new Calls() {
            private boolean readOnly;

            @Override
            public Object call(Method method, Object[] args) throws Throwable {
                switch (method.getName()) {
                    case "setReadOnly" -> {
                        readOnly = (Boolean) args[0];
                        return null;
                    }
                    case "isReadOnly" -> {
                        return readOnly;
                    }
                    case "setAutoCommit" -> {
                        if (!(Boolean) args[0] && !readOnly && connection.getAutoCommit()) {
                            beginImmediate(connection);
                            return null;
                        }
                    }
                    default -> {
                    }
                }
                return invoke(connection, method, args);
            }
        };
    }

    /**
     * Leaves auto-commit with BEGIN IMMEDIATE. The mode is set back to deferred at once: sqlite-jdbc begins the next
     * transaction right after a commit or rollback, and that one must not take the write lock while the connection
     * goes back to the pool.
     */
    private static void beginImmediate(Connection connection) throws SQLException {
        SQLiteConnectionConfig config = connection.unwrap(SQLiteConnection.class).getConnectionConfig();
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        try {
            connection.setAutoCommit(false);
        } catch (SQLException e) {
            // No transaction was begun (the write lock stayed busy past the timeout): the connection is still in auto-commit.
            config.setAutoCommit(true);
            throw e;
        } finally {
            config.setTransactionMode(SQLiteConfig.TransactionMode.DEFERRED);
        }
    }
}
