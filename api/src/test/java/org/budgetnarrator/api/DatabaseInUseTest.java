package org.budgetnarrator.api;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The suite runs on the database it says it does: SQLite by default, PostgreSQL in the postgresql execution. */
@MicronautTest(transactional = false)
class DatabaseInUseTest {

    @Inject
    DataSource dataSource;

    @Test
    void theSuiteRunsOnTheDatabaseItWasAskedFor() throws Exception {
        String expected = "postgresql".equals(System.getProperty("narrator.test.database")) ? "PostgreSQL" : "SQLite";
        try (Connection c = Database.raw(dataSource).getConnection()) {
            assertEquals(expected, c.getMetaData().getDatabaseProductName());
        }
    }
}
