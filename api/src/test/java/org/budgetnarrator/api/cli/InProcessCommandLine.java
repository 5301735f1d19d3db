package org.budgetnarrator.api.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The command line run in-process against a database of its own in a temporary folder, its standard output caught:
 * what the command-line tests share.
 */
abstract class InProcessCommandLine {

    @TempDir
    Path dir;

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private PrintStream saved;

    @BeforeEach
    void database() {
        System.setProperty("datasources.default.url", "jdbc:sqlite:" + dir.resolve("cli.db"));
        saved = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(saved);
        System.clearProperty("datasources.default.url");
    }

    int run(String... args) {
        return new CommandLine(new NarratorCommand()).execute(args);
    }

    String output() {
        return out.toString(StandardCharsets.UTF_8);
    }
}
