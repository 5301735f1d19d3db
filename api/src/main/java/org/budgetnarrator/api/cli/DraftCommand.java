package org.budgetnarrator.api.cli;

import io.micronaut.context.ApplicationContext;
import org.budgetnarrator.drafting.export.BulkDrafter;
import org.budgetnarrator.model.repo.DepartmentPages;
import org.budgetnarrator.model.repo.DepartmentRepository;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** Drafts the reports of many departments in one run, to Word, Markdown or JSON files. */
@Command(name = "draft", mixinStandardHelpOptions = true,
        description = {"Drafts the 情况说明 of every department (--all) or of the given ones for a year, one file each, "
                + "in the department's style. A second run skips department-years whose data, templates, style and mode are "
                + "unchanged since their file was written (--force redoes them). A department that fails is reported and the "
                + "run goes on. Exit code 0 only when nothing failed."})
public class DraftCommand implements Callable<Integer> {

    @Option(names = {"-y", "--year"}, required = true, paramLabel = "YEAR", description = "Fiscal year.")
    int year;

    @ArgGroup(multiplicity = "1")
    Which which;

    static class Which {
        @Option(names = "--all", description = "Every department with data for the year.")
        boolean all;

        @Option(names = {"-d", "--department"}, paramLabel = "CODE", arity = "1..*", description = "Department codes.")
        List<String> departments;
    }

    @Option(names = "--mode", defaultValue = "TEMPLATE", paramLabel = "MODE",
            description = "TEMPLATE (default), POLISH or SUGGEST_REASONS (the last two need a language model: narrator.llm.*).")
    String mode;

    @Option(names = {"-f", "--format"}, defaultValue = "docx", paramLabel = "FORMAT", description = "docx (default), md or json.")
    String format;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR", description = "Output folder.")
    Path out;

    @Option(names = "--force", description = "Draft again even when nothing changed.")
    boolean force;

    @Override
    public Integer call() throws Exception {
        if (!List.of("docx", "md", "json").contains(format)) {
            System.err.println("narrator draft: --format must be docx, md or json; got " + format);
            return 2;
        }
        if (!List.of("TEMPLATE", "POLISH", "SUGGEST_REASONS").contains(mode)) {
            System.err.println("narrator draft: --mode must be TEMPLATE, POLISH or SUGGEST_REASONS; got " + mode);
            return 2;
        }
        if (mode.equals("SUGGEST_REASONS")) {
            System.err.println("narrator draft: SUGGEST_REASONS proposes reasons for officers to accept and writes no report; "
                    + "use the suggestReasons mutation (GraphQL) per department, or --mode POLISH or TEMPLATE here");
            return 2;
        }
        if (mode.equals("POLISH") && format.equals("json")) {
            System.err.println("narrator draft: --mode POLISH writes docx or md (json places the template's facts by offset)");
            return 2;
        }
        PrintStream console = System.out;
        Progress progress = new Progress(console, System.console() != null);
        try (ApplicationContext context = Contexts.database()) {
            String missing = context.getBean(org.budgetnarrator.drafting.llm.ModelSettings.class).missing();
            if (mode.equals("POLISH") && missing != null) {
                System.err.println("narrator draft: --mode POLISH needs a language model, and " + missing
                        + " is not set; TEMPLATE mode works without one");
                return 2;
            }
            BulkDrafter drafter = context.getBean(BulkDrafter.class);
            int[] counts = new int[5];
            long start = System.nanoTime();
            try (BulkDrafter.Run run = drafter.start(out, format, mode, force)) {
                if (which.all) {
                    List<String> codes = context.getBean(DepartmentPages.class).codesWithYear(DepartmentPages.Filter.NONE, year);
                    progress.total(codes.size());
                    for (String code : codes) {
                        count(counts, run.draft(code, year, progress::report));
                    }
                } else {
                    progress.total(which.departments.size());
                    DepartmentRepository departments = context.getBean(DepartmentRepository.class);
                    for (String code : which.departments) {
                        if (departments.findByCode(code).isEmpty()) {
                            progress.report(new BulkDrafter.Outcome(code, year, BulkDrafter.Status.FAILED, 0, null, "no such department"));
                            counts[2]++;
                            continue;
                        }
                        count(counts, run.draft(code, year, progress::report));
                    }
                }
            }
            progress.finish();
            double seconds = (System.nanoTime() - start) / 1e9;
            console.printf(Locale.ROOT, "drafted %d, skipped %d (unchanged), gaps left %d (missing reasons), fallbacks %d, failed %d "
                            + "in %.1f s (%.0f department-years per second)%n",
                    counts[0], counts[1], counts[3], counts[4], counts[2], seconds, (counts[0] + counts[1] + counts[2]) / Math.max(seconds, 1e-9));
            return counts[2] == 0 ? 0 : 1;
        }
    }

    private static void count(int[] counts, BulkDrafter.Outcome outcome) {
        switch (outcome.status()) {
            case DRAFTED -> counts[0]++;
            case SKIPPED -> counts[1]++;
            case FAILED -> counts[2]++;
        }
        counts[3] += outcome.gaps();
        counts[4] += outcome.fallbacks();
    }
}
