package org.budgetnarrator.model.db;

import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * The PostgreSQL driver with the application's statement counting, so the same tests and benchmarks report
 * statements per request on both databases. Named as the datasource's driver class in server mode.
 */
public final class PostgresDriver extends WrappingDriver {

    static {
        try {
            DriverManager.registerDriver(new PostgresDriver());
        } catch (SQLException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    public PostgresDriver() {
        super(new org.postgresql.Driver(), "jdbc:postgresql:");
    }
}
