package org.budgetnarrator.api.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/**
 * The benchmark's PostgreSQL: a role and database of its own, created afresh by a superuser connection, and
 * statements counted from the server log while log_statement is set for that role only (no restart, nothing
 * else logged; the setting is reset afterwards). The method of ../shared/peers/count-statements.sh.
 */
final class Postgres {

    static final String ROLE = "narrator_bench";
    static final String DATABASE = "narrator_bench";
    static final String SCHEMA = "budget";

    private final String adminUrl;
    private final Path log;

    Postgres(String adminUrl, Path log) {
        this.adminUrl = adminUrl;
        this.log = log;
    }

    String version() throws SQLException {
        try (Connection c = DriverManager.getConnection(adminUrl); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SHOW server_version")) {
            r.next();
            return r.getString(1);
        }
    }

    /** Drops and creates the benchmark's database, owned by its role. */
    void recreate() throws SQLException {
        try (Connection c = DriverManager.getConnection(adminUrl); Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + ROLE + "'")) {
                if (!r.next()) {
                    s.execute("CREATE ROLE " + ROLE + " LOGIN PASSWORD '" + ROLE + "'");
                }
            }
            s.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + DATABASE + " OWNER " + ROLE);
        }
        try (Connection c = DriverManager.getConnection(jdbcUrl(false), ROLE, ROLE); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + SCHEMA);
        }
    }

    String jdbcUrl(boolean withSchema) {
        String base = adminUrl.replaceFirst("\\?.*$", "").replaceFirst("/[^/]*$", "/" + DATABASE);
        return withSchema ? base + "?currentSchema=" + SCHEMA : base;
    }

    /** The libpq URL PostGraphile connects with. */
    String libpqUrl() {
        String hostPort = adminUrl.replaceFirst("^jdbc:postgresql://", "").replaceFirst("/.*$", "");
        return "postgres://" + ROLE + ":" + ROLE + "@" + hostPort + "/" + DATABASE;
    }

    void logStatements(boolean on) throws SQLException {
        try (Connection c = DriverManager.getConnection(adminUrl); Statement s = c.createStatement()) {
            s.execute("ALTER ROLE " + ROLE + " IN DATABASE " + DATABASE + (on ? " SET log_statement = 'all'" : " RESET log_statement"));
        }
    }

    boolean logReadable() {
        return Files.isReadable(log);
    }

    long logSize() throws IOException {
        return Files.size(log);
    }

    private static final Pattern STATEMENT = Pattern.compile(ROLE + "@" + DATABASE + " LOG:  (statement|execute [^:]*): (.*)");

    /** Statements the role sent since the given log offset; empty statements and pool liveness checks excluded. */
    long statementsSince(long offset) throws IOException {
        byte[] all = Files.readAllBytes(log);
        String text = new String(all, (int) Math.min(offset, all.length), (int) Math.max(0, all.length - offset),
                java.nio.charset.StandardCharsets.UTF_8);
        long n = 0;
        for (String line : text.split("\n")) {
            var m = STATEMENT.matcher(line);
            if (m.find()) {
                String sql = m.group(2).trim();
                if (!sql.isEmpty() && !sql.equalsIgnoreCase("SELECT 1")) {
                    n++;
                }
            }
        }
        return n;
    }
}
