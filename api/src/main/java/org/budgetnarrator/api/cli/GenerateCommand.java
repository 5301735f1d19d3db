package org.budgetnarrator.api.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.budgetnarrator.model.generate.Generator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** Writes generated department-years as import files: data for benchmarks and trials, never for publication. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Writes N generated department-years (deterministic from --seed, with 生成部门 names and codes "
                + "D000001…) as import-format JSON files, for benchmarks and trials. Import them with `narrator import DIR`."})
public class GenerateCommand implements Callable<Integer> {

    @Option(names = "--departments", defaultValue = "1000", paramLabel = "N", description = "How many departments (default 1000).")
    int departments;

    @Option(names = {"-y", "--year"}, defaultValue = "2024", paramLabel = "YEAR", description = "Fiscal year (default 2024).")
    int year;

    @Option(names = "--seed", defaultValue = "2024", paramLabel = "SEED", description = "Random seed (default 2024).")
    long seed;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR", description = "Output folder.")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (departments < 1 || departments > 999_999) {
            System.err.println("narrator generate: --departments must be 1 to 999999; got " + departments);
            return 2;
        }
        Files.createDirectories(out);
        ObjectMapper mapper = new ObjectMapper();
        Generator generator = new Generator(seed);
        for (int i = 1; i <= departments; i++) {
            Files.write(out.resolve(Generator.code(i) + "-" + year + ".json"), mapper.writeValueAsBytes(generator.document(i, year)));
        }
        System.out.println("wrote " + departments + " department-years for " + year + " to " + out);
        return 0;
    }
}
