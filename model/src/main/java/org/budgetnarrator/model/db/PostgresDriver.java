package org.budgetnarrator.model.db;

import java.lang.reflect.Proxy;
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
 * The PostgreSQL driver with the application's statement counting, so the same tests and benchmarks report
 * statements per request on both databases. Named as the datasource's driver class in server mode.
 */
public final class PostgresDriver implements Driver {

    private final org.postgresql.Driver delegate = new org.postgresql.Driver();

    static {
        try {
            DriverManager.registerDriver(new PostgresDriver());
        } catch (SQLException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        if (!acceptsURL(url)) {
            return null;
        }
        Connection connection = delegate.connect(url, info);
        return connection == null ? null : (Connection) Proxy.newProxyInstance(PostgresDriver.class.getClassLoader(),
                new Class<?>[]{Connection.class}, (proxy, method, args) -> {
                    Object result = SqliteDriver.invoke(connection, method, args);
                    if (result instanceof Statement statement && !(result instanceof Proxy)) {
                        return StatementCounter.wrap(statement, method.getReturnType(),
                                method.getName().equals("prepareStatement") && args != null && args[0] instanceof String sql ? sql : null);
                    }
                    return result;
                });
    }

    @Override
    public boolean acceptsURL(String url) {
        return url != null && url.startsWith("jdbc:postgresql:");
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
