package org.budgetnarrator.model.db;

import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * The SQLite driver as the application uses it.
 *
 * <p>Micronaut's read-only transactions call {@code setReadOnly} on a connection that is already open,
 * which sqlite-jdbc refuses ("Cannot change read-only flag after establishing a connection",
 * micronaut-data #3560); this driver's connections ignore it. It also creates the database file's folder
 * (sqlite-jdbc does not), turns on foreign keys and a busy timeout on every connection, and counts the
 * statements executed so that tests can prove a nested query costs a fixed number of them.
 */
public final class SqliteDriver implements Driver {

    private static final String PREFIX = "jdbc:sqlite:";
    private final org.sqlite.JDBC delegate = new org.sqlite.JDBC();

    static {
        try {
            DriverManager.registerDriver(new SqliteDriver());
        } catch (SQLException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        if (!acceptsURL(url)) {
            return null;
        }
        createFolder(url);
        Connection connection = delegate.connect(url, info);
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA foreign_keys = ON");
            statement.execute("PRAGMA busy_timeout = 10000");
            if (!url.contains(":memory:")) {
                // Readers are not blocked by a writer (an import) and do not block it.
                statement.execute("PRAGMA journal_mode = WAL");
            }
        }
        return wrap(connection);
    }

    private static void createFolder(String url) throws SQLException {
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

    static Connection wrap(Connection connection) {
        InvocationHandler handler = (proxy, method, args) -> {
            String name = method.getName();
            if (name.equals("setReadOnly")) {
                return null;
            }
            Object result = invoke(connection, method, args);
            if (result instanceof Statement statement && !(result instanceof Proxy)) {
                return StatementCounter.wrap(statement, method.getReturnType(),
                        name.equals("prepareStatement") && args != null && args[0] instanceof String sql ? sql : null);
            }
            return result;
        };
        return (Connection) Proxy.newProxyInstance(SqliteDriver.class.getClassLoader(), new Class<?>[]{Connection.class}, handler);
    }

    static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Override
    public boolean acceptsURL(String url) {
        return url != null && url.startsWith(PREFIX);
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
        return delegate.getPropertyInfo(url, info);
    }

    @Override
    public int getMajorVersion() {
        return delegate.getMajorVersion();
    }

    @Override
    public int getMinorVersion() {
        return delegate.getMinorVersion();
    }

    @Override
    public boolean jdbcCompliant() {
        return false;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }
}
