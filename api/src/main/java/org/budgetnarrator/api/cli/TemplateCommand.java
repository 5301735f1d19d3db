package org.budgetnarrator.api.cli;

import org.budgetnarrator.model.imports.WorkbookWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** Writes the blank import workbook. */
@Command(name = "template", mixinStandardHelpOptions = true,
        description = {"Writes the blank .xlsx workbook a department fills for one year: one sheet per table, "
                + "headers in Chinese with the JSON key beside each. The importer reads exactly this layout."})
public class TemplateCommand implements Callable<Integer> {

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "FILE", description = "Where to write the workbook (.xlsx).")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        Files.write(out, new WorkbookWriter().template());
        System.out.println("wrote " + out);
        return 0;
    }
}
