package org.budgetnarrator.api.cli;

import picocli.CommandLine.Command;

/** The top-level command: a list of subcommands. */
@Command(name = "narrator", mixinStandardHelpOptions = true, version = "Budget Narrator 0.1.0",
        description = "Budget Narrator: departments' budgets, final accounts and performance self-evaluations, "
                + "served over GraphQL and drafted into narrative.",
        subcommands = {ServeCommand.class, ImportCommand.class, TemplateCommand.class, ExportCommand.class, AuditCommand.class, ReadCommand.class, DraftCommand.class,
                BenchCommand.class, LoadCommand.class, GenerateCommand.class, ModelBenchCommand.class,
                org.budgetnarrator.api.bench.BenchmarksCommand.class, TrainCommand.class},
        footer = {"", "Environment: DATASOURCES_DEFAULT_URL (default jdbc:sqlite:./data/narrator.db), "
                + "MICRONAUT_SERVER_PORT (default 8080)."})
public class NarratorCommand implements Runnable {

    /** Exit code meaning "the server is running; do not exit". */
    public static final int KEEP_RUNNING = -1;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
