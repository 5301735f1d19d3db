package org.budgetnarrator.api.cli;

import io.micronaut.context.ApplicationContext;
import org.budgetnarrator.drafting.draft.DocumentKind;
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
        description = {"Drafts the report of every department (--all) or of the given ones for a year, one file each, "
                + "in the department's style, by what the department-year holds (its stage): a 部门决算 year its 情况说明, a 绩效自评 "
                + "year its self-evaluation's blocks, a budget year its performance targets (部门预算绩效目标), never a 决算 it does "
                + "not have. A department-year with nothing to draft is listed as SKIPPED with the reason. A second run leaves "
                + "department-years whose data, templates, style and mode are unchanged since their file was written (--force "
                + "redoes them). A department that fails is reported and the run goes on. The summary counts the files drafted "
                + "by document, those unchanged, skipped and failed, and the 【待补充…】 gaps the files print. Exit code 0 only "
                + "when nothing failed."})
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
            Tally tally = new Tally();
            long start = System.nanoTime();
            try (BulkDrafter.Run run = drafter.start(out, format, mode, force)) {
                if (which.all) {
                    List<String> codes = context.getBean(DepartmentPages.class).codesWithYear(DepartmentPages.Filter.NONE, year);
                    progress.total(codes.size());
                    for (String code : codes) {
                        tally.add(run.draft(code, year, progress::report));
                    }
                } else {
                    progress.total(which.departments.size());
                    DepartmentRepository departments = context.getBean(DepartmentRepository.class);
                    for (String code : which.departments) {
                        if (departments.findByCode(code).isEmpty()) {
                            BulkDrafter.Outcome unknown = new BulkDrafter.Outcome(code, year, BulkDrafter.Status.FAILED, 0, null, "no such department");
                            progress.report(unknown);
                            tally.add(unknown);
                            continue;
                        }
                        tally.add(run.draft(code, year, progress::report));
                    }
                }
            }
            progress.finish();
            double seconds = (System.nanoTime() - start) / 1e9;
            console.printf(Locale.ROOT, "drafted %d (final accounts %d, self-evaluation %d, budget targets %d), unchanged %d, "
                            + "skipped %d (nothing to draft), gaps left %d (【待补充】 in the files), fallbacks %d, failed %d "
                            + "in %.1f s (%.0f department-years per second)%n",
                    tally.drafted, tally.documents.getOrDefault(DocumentKind.FINAL_ACCOUNTS, 0),
                    tally.documents.getOrDefault(DocumentKind.SELF_EVALUATION, 0), tally.documents.getOrDefault(DocumentKind.BUDGET_TARGETS, 0),
                    tally.unchanged, tally.skipped, tally.gaps, tally.fallbacks, tally.failed, seconds,
                    tally.all() / Math.max(seconds, 1e-9));
            return tally.failed == 0 ? 0 : 1;
        }
    }

    /** The run's figures: files drafted (by document) and left unchanged, department-years skipped and failed, gaps. */
    private static final class Tally {
        int drafted;
        int unchanged;
        int skipped;
        int failed;
        int gaps;
        int fallbacks;
        final java.util.Map<DocumentKind, Integer> documents = new java.util.EnumMap<>(DocumentKind.class);

        void add(BulkDrafter.Outcome outcome) {
            switch (outcome.status()) {
                case DRAFTED -> {
                    drafted++;
                    documents.merge(outcome.document(), 1, Integer::sum);
                }
                case UNCHANGED -> unchanged++;
                case SKIPPED -> skipped++;
                case FAILED -> failed++;
            }
            // An unchanged file still prints the gaps it was written with: they are left all the same.
            gaps += outcome.gaps();
            fallbacks += outcome.fallbacks();
        }

        int all() {
            return drafted + unchanged + skipped + failed;
        }
    }
}
