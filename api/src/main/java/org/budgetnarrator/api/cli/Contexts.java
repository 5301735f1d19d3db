package org.budgetnarrator.api.cli;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;

import java.util.Map;

/** The application context for commands that use the database but serve nothing. */
final class Contexts {

    private Contexts() {
    }

    static ApplicationContext database() {
        return ApplicationContext.builder(Environment.CLI)
                .properties(Map.of("narrator.demo.enabled", false, "micronaut.server.enabled", false))
                .start();
    }
}
