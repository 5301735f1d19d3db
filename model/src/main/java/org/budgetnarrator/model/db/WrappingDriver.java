package org.budgetnarrator.model.db;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * A JDBC driver that wraps another: its connections count the statements executed ({@link StatementCounter}),
 * and a subclass can prepare each connection and answer some calls on it itself.
 */
abstract class WrappingDriver implements Driver {

    private final Driver delegate;
    private final String prefix;

    WrappingDriver(Driver delegate, String prefix) {
        this.delegate = delegate;
        this.prefix = prefix;
    }

    /** Prepares a new connection (pragmas, folders); called before it is wrapped. */
    void prepare(String url, Connection connection) throws SQLException {
    }

    /** The calls on one connection: passed on unless a subclass answers some itself. */
    interface Calls {
        Object call(Method method, Object[] args) throws Throwable;
    }

    /** How calls on a new connection are handled; by default all are passed on. */
    Calls calls(Connection connection) {
        return (method, args) -> invoke(connection, method, args);
    }

    /** Called before connecting (e.g. to create the database file's folder). */
    void beforeConnect(String url) throws SQLException {
    }

    @Override
    public final Connection connect(String url, Properties info) throws SQLException {
        if (!acceptsURL(url)) {
            return null;
        }
        beforeConnect(url);
        Connection connection = delegate.connect(url, info);
        if (connection == null) {
            return null;
        }
        prepare(url, connection);
        Calls calls = calls(connection);
        return (Connection) Proxy.newProxyInstance(WrappingDriver.class.getClassLoader(), new Class<?>[]{Connection.class},
                (proxy, method, args) -> {
                    Object result = calls.call(method, args);
                    if (result instanceof Statement statement && !(result instanceof Proxy)) {
                        return StatementCounter.wrap(statement, method.getReturnType(),
                                method.getName().equals("prepareStatement") && args != null && args[0] instanceof String sql ? sql : null);
                    }
                    return result;
                });
    }

    static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Override
    public final boolean acceptsURL(String url) {
        return url != null && url.startsWith(prefix);
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
