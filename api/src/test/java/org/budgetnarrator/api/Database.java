package org.budgetnarrator.api;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;

/** Reads the whole database as text, to assert that a failed import changed nothing. */
final class Database {

    private static final String[] TABLES = {"department", "budget_unit", "department_year", "income_line", "account_line",
            "three_public_line", "vehicle_holding", "project", "indicator", "document", "data_note", "line_reason", "finding_review",
            "draft_version", "frozen_report", "app_user", "api_token"};

    private Database() {
    }

    /** The pool itself, not the transaction-bound proxy Micronaut injects. */
    static DataSource raw(DataSource dataSource) {
        return io.micronaut.data.connection.jdbc.advice.DelegatingDataSource.unwrapDataSource(dataSource);
    }

    static String snapshot(DataSource dataSource) {
        StringBuilder out = new StringBuilder();
        try (Connection c = raw(dataSource).getConnection(); Statement s = c.createStatement()) {
            for (String table : TABLES) {
                out.append("== ").append(table).append('\n');
                try (ResultSet rs = s.executeQuery("SELECT * FROM " + table + " ORDER BY id")) {
                    ResultSetMetaData meta = rs.getMetaData();
                    while (rs.next()) {
                        for (int i = 1; i <= meta.getColumnCount(); i++) {
                            out.append(rs.getString(i)).append('|');
                        }
                        out.append('\n');
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    static int count(DataSource dataSource, String sql) {
        try (Connection c = raw(dataSource).getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
