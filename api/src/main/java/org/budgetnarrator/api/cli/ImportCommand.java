package org.budgetnarrator.api.cli;

import io.micronaut.context.ApplicationContext;
import org.budgetnarrator.model.imports.DepartmentYearImporter;
import org.budgetnarrator.model.imports.ImportProblem;
import org.budgetnarrator.model.imports.ImportResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** Imports department-year files (JSON or .xlsx) and folders of them. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Imports department-year files: .json documents (docs/import-format.md) and .xlsx workbooks "
                + "(bin/narrator template). A folder imports every .json and .xlsx file in it.",
                "One line per file. A file with any error stores nothing and its errors are listed; a good file "
                        + "replaces its department-year whole. Exit code 0 when every file was stored, 1 otherwise."})
public class ImportCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files or folders to import.")
    List<Path> paths;

    @Option(names = "--check", description = "Check the files and report, storing nothing.")
    boolean checkOnly;

    @Option(names = {"-q", "--quiet"}, description = "Do not list warnings.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        for (Path p : paths) {
            if (!Files.exists(p)) {
                System.err.println("narrator import: " + p + ": no such file or folder");
                return 2;
            }
        }
        List<Path> files = DepartmentYearImporter.expand(paths);
        if (files.isEmpty()) {
            System.err.println("narrator import: no .json or .xlsx files found in " + paths);
            return 2;
        }
        int failed = 0;
        long start;
        try (ApplicationContext context = Contexts.database()) {
            DepartmentYearImporter importer = context.getBean(DepartmentYearImporter.class);
            start = System.nanoTime();
            for (Path file : files) {
                ImportResult result = importer.importFile(file, !checkOnly);
                out.println(checkOnly && result.errors().isEmpty()
                        ? "ok      " + file + "  " + result.departmentCode() + " " + result.year() + "  (checked, not stored)"
                        : result.summary());
                for (ImportProblem problem : result.problems()) {
                    if (problem.isError() || !quiet) {
                        out.println("    " + problem.message());
                    }
                }
                if (!result.errors().isEmpty()) {
                    failed++;
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        out.println(files.size() - failed + " of " + files.size() + " file" + (files.size() == 1 ? "" : "s")
                + (checkOnly ? " passed the check" : " imported")
                + String.format(java.util.Locale.ROOT, " in %.1f s (%.0f files per second)", seconds, files.size() / Math.max(seconds, 1e-9)));
        return failed == 0 ? 0 : 1;
    }
}
