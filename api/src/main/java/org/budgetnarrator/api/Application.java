package org.budgetnarrator.api;

import org.budgetnarrator.api.cli.NarratorCommand;
import picocli.CommandLine;

/**
 * Budget Narrator's one entry point: {@code narrator serve} starts the GraphQL server, the other
 * commands (import, template, export) run and exit. See {@code bin/narrator --help}.
 */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        int exit = new CommandLine(new NarratorCommand()).execute(args);
        if (exit != NarratorCommand.KEEP_RUNNING) {
            System.exit(exit);
        }
    }
}
