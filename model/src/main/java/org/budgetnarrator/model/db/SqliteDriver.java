package org.budgetnarrator.model.db;

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
 * micronaut-data #3560); this driver's connections ignore it. It also creates the database file's folder
 * (sqlite-jdbc does not), turns on foreign keys, a busy timeout and write-ahead logging on every connection,
 * and counts the statements executed (see {@link WrappingDriver}).
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
    boolean ignored(Method method) {
        return method.getName().equals("setReadOnly");
    }
}
