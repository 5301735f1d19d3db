package org.budgetnarrator.api.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.micronaut.context.ApplicationContext;
import org.budgetnarrator.model.imports.WorkbookWriter;
import org.budgetnarrator.model.store.DepartmentYearStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** Writes a stored department-year in the import format, as JSON or as a workbook. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Writes a stored department-year as an import file (.json or .xlsx, by the file name): "
                + "edit it and import it again, or move it to another installation."})
public class ExportCommand implements Callable<Integer> {

    @Option(names = {"-d", "--department"}, required = true, paramLabel = "CODE", description = "Department code.")
    String department;

    @Option(names = {"-y", "--year"}, required = true, paramLabel = "YEAR", description = "Fiscal year.")
    int year;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "FILE", description = "Output file, .json or .xlsx.")
    Path out;

    @Override
    public Integer call() throws Exception {
        Optional<Map<String, Object>> doc;
        try (ApplicationContext context = Contexts.database()) {
            doc = context.getBean(DepartmentYearStore.class).export(department, year);
        }
        if (doc.isEmpty()) {
            System.err.println("narrator export: no department-year " + department + " " + year + " is stored");
            return 1;
        }
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        if (out.toString().toLowerCase().endsWith(".xlsx")) {
            Files.write(out, new WorkbookWriter().write(doc.get()));
        } else {
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), doc.get());
        }
        System.out.println("wrote " + out);
        return 0;
    }
}
