package org.budgetnarrator.api.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import org.budgetnarrator.model.generate.Generator;
import org.budgetnarrator.drafting.draft.DraftEngine;
import org.budgetnarrator.drafting.draft.StyleProfiles;
import org.budgetnarrator.drafting.export.WordReport;
import org.budgetnarrator.model.imports.BoundDocument;
import org.budgetnarrator.model.imports.DepartmentYearImporter;
import org.budgetnarrator.model.imports.JsonDocumentReader;
import org.budgetnarrator.model.read.DocumentYearData;
import org.budgetnarrator.model.read.YearData;
import org.budgetnarrator.model.imports.ImportResult;
import org.budgetnarrator.model.imports.WorkbookWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** Generated department-years, as import files or straight into the database: data for benchmarks and trials. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Generates N department-years per year (deterministic from --seed, with 生成部门 names and codes "
                + "D000001…): the demo data's account codes three levels deep, 3–15 projects of 4–12 indicators, 三公 and "
                + "last year's figures, a share of lines that miss their budget or target. For benchmarks and trials, never "
                + "for publication.",
                "With --out, writes import files (.json, or .xlsx workbooks with --format xlsx) to import with "
                        + "`narrator import DIR`; with --into-database, checks and stores them in the configured database "
                        + "directly, as an import would."})
public class GenerateCommand implements Callable<Integer> {

    @Option(names = "--departments", defaultValue = "1000", paramLabel = "N", description = "How many departments (default 1000).")
    int departments;

    @Option(names = {"-y", "--year"}, split = ",", defaultValue = "2024", paramLabel = "YEAR",
            description = "Fiscal year, or several separated by commas (default 2024).")
    List<Integer> years;

    @Option(names = "--seed", defaultValue = "2024", paramLabel = "SEED", description = "Random seed (default 2024).")
    long seed;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", description = "Output folder for import files.")
    Path out;

    @Option(names = "--format", defaultValue = "json", paramLabel = "FORMAT", description = "json (default), xlsx, or docx (the published report: tables and the template draft), with --out.")
    String format;

    @Option(names = "--into-database", description = "Store in the configured database instead of writing files.")
    boolean intoDatabase;

    private static byte[] report(byte[] json, String name) {
        BoundDocument bound = new DepartmentYearImporter(null).check(new JsonDocumentReader().read(name, json));
        YearData data = DocumentYearData.of(bound);
        return WordReport.write(data, DraftEngine.shipped().report(data, StyleProfiles.load("default")), null);
    }

    @Override
    public Integer call() throws Exception {
        if (departments < 1 || departments > 999_999) {
            System.err.println("narrator generate: --departments must be 1 to 999999; got " + departments);
            return 2;
        }
        if ((out == null) == !intoDatabase) {
            System.err.println("narrator generate: give either --out DIR or --into-database");
            return 2;
        }
        if (!format.equals("json") && !format.equals("xlsx") && !format.equals("docx")) {
            System.err.println("narrator generate: --format must be json, xlsx or docx; got " + format);
            return 2;
        }
        ObjectMapper mapper = new ObjectMapper();
        Generator generator = new Generator(seed);
        long start = System.nanoTime();
        int count = 0;
        if (intoDatabase) {
            try (ApplicationContext context = Contexts.database()) {
                DepartmentYearImporter importer = context.getBean(DepartmentYearImporter.class);
                start = System.nanoTime(); // the rate is of the documents, not of starting the database
                for (int year : years) {
                    for (int i = 1; i <= departments; i++) {
                        String name = Generator.code(i) + "-" + year + ".json";
                        ImportResult result = importer.importContent(name, mapper.writeValueAsBytes(generator.document(i, year)));
                        if (!result.errors().isEmpty()) {
                            System.err.println(result.summary());
                            return 1;
                        }
                        count++;
                    }
                }
            }
        } else {
            Files.createDirectories(out);
            WorkbookWriter workbooks = new WorkbookWriter();
            for (int year : years) {
                for (int i = 1; i <= departments; i++) {
                    Map<String, Object> doc = generator.document(i, year);
                    Path file = out.resolve(Generator.code(i) + "-" + year + "." + format);
                    Files.write(file, switch (format) {
                        case "xlsx" -> workbooks.write(doc);
                        // The department-year as its published report (tables and the template draft), as a reader meets it.
                        case "docx" -> report(mapper.writeValueAsBytes(doc), file.getFileName().toString());
                        default -> mapper.writeValueAsBytes(doc);
                    });
                    count++;
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.println(String.format(Locale.ROOT, "%s %d department-years (%d departments × %s) in %.1f s (%.0f per second)",
                intoDatabase ? "stored" : "wrote " + format + " files for", count, departments, years, seconds, count / seconds)
                + (intoDatabase ? "" : " to " + out));
        return 0;
    }
}
