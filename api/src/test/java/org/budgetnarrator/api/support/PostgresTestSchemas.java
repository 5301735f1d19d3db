package org.budgetnarrator.api.support;

import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.ApplicationContextConfigurer;
import io.micronaut.context.annotation.ContextConfigurer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Runs the test suite on PostgreSQL when {@code narrator.test.database=postgresql} (the build's second test
 * execution): every application context gets a schema of its own on the server given by TEST_PG_URL
 * (default the local server, database test), created by Flyway and dropped when the tests end.
 * Where a Docker engine exists, TEST_PG_URL can point at a Testcontainers database instead.
 */
@ContextConfigurer
public class PostgresTestSchemas implements ApplicationContextConfigurer {

    private static final List<String> CREATED = new CopyOnWriteArrayList<>();
    private static final String URL = env("TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    private static final String USER = env("TEST_PG_USER", "postgres");
    private static final String PASSWORD = env("TEST_PG_PASSWORD", "");

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(PostgresTestSchemas::dropAll));
    }

    @Override
    public void configure(ApplicationContextBuilder builder) {
        if (!"postgresql".equals(System.getProperty("narrator.test.database")) || System.getProperty("datasources.default.url") != null) {
            return;
        }
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        CREATED.add(schema);
        builder.properties(Map.of(
                "datasources.default.url", URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema,
                "datasources.default.username", USER,
                "datasources.default.password", PASSWORD,
                "datasources.default.driver-class-name", "org.budgetnarrator.model.db.PostgresDriver",
                "flyway.datasources.default.locations", "classpath:db/migration/postgresql",
                "flyway.datasources.default.schemas", schema,
                "flyway.datasources.default.create-schemas", true));
    }

    private static void dropAll() {
        if (CREATED.isEmpty()) {
            return;
        }
        try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD); Statement s = c.createStatement()) {
            for (String schema : CREATED) {
                s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        } catch (SQLException e) {
            System.err.println("could not drop test schemas " + CREATED + ": " + e.getMessage());
        }
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
