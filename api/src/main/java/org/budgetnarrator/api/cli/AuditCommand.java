package org.budgetnarrator.api.cli;

import io.micronaut.context.ApplicationContext;
import org.budgetnarrator.drafting.audit.Audit;
import org.budgetnarrator.drafting.audit.AuditService;
import org.budgetnarrator.drafting.audit.Finding;
import org.budgetnarrator.drafting.audit.Severity;
import org.budgetnarrator.model.imports.BoundDocument;
import org.budgetnarrator.model.imports.DepartmentYearImporter;
import org.budgetnarrator.model.imports.JsonDocumentReader;
import org.budgetnarrator.model.imports.RawDocument;
import org.budgetnarrator.model.imports.WorkbookReader;
import org.budgetnarrator.model.read.DocumentYearData;
import org.budgetnarrator.model.repo.DepartmentPages;
import org.budgetnarrator.model.repo.ChildRows;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** Runs the audit over stored department-years, or over files without storing them. */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = {"Audits department-years: table identities and the published narrative's figures (docs/audit-rules.md).",
                "Stored data: --department CODE --year YEAR, or --all. Files (.json, .xlsx, folders): audited without being stored.",
                "Exit code 1 when an ERROR is found (one an officer marked a false alarm does not count), 0 otherwise."})
public class AuditCommand implements Callable<Integer> {

    @Option(names = {"-d", "--department"}, paramLabel = "CODE", description = "Department code.")
    String department;

    @Option(names = {"-y", "--year"}, paramLabel = "YEAR", description = "Fiscal year (with --department).")
    Integer year;

    @Option(names = "--all", description = "Every stored department-year.")
    boolean all;

    @Option(names = "--errors-only", description = "List only ERROR findings.")
    boolean errorsOnly;

    @Option(names = "--english", description = "Messages in English.")
    boolean english;

    @Parameters(arity = "0..*", paramLabel = "FILE", description = "Import files or folders to audit without storing them.")
    List<Path> files = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        if (files.isEmpty() && !all && (department == null || year == null)) {
            System.err.println("narrator audit: give --department CODE --year YEAR, --all, or files to audit");
            return 2;
        }
        int errors = 0;
        for (Path file : DepartmentYearImporter.expand(files)) {
            errors += auditFile(file);
        }
        if (!files.isEmpty() && !all && department == null) {
            return errors > 0 ? 1 : 0;
        }
        try (ApplicationContext context = Contexts.database()) {
            AuditService audits = context.getBean(AuditService.class);
            if (all) {
                ChildRows years = context.getBean(ChildRows.class);
                long start = System.nanoTime();
                int audited = 0;
                for (var d : context.getBean(DepartmentPages.class).page(DepartmentPages.Filter.NONE, null, Integer.MAX_VALUE)) {
                    for (var y : years.years(List.of(d.id()))) {
                        errors += print(d.code() + " " + y.year(), audits.audit(d.code(), y.year()).orElse(List.of()));
                        audited++;
                    }
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.println(String.format(java.util.Locale.ROOT, "audited %d department-years in %.1f s (%.0f per second)",
                        audited, seconds, audited / Math.max(seconds, 1e-9)));
            } else if (department != null) {
                var result = audits.audit(department, year);
                if (result.isEmpty()) {
                    System.err.println("narrator audit: no department-year " + department + " " + year + " is stored");
                    return 2;
                }
                errors += print(department + " " + year, result.get());
            }
        }
        return errors > 0 ? 1 : 0;
    }

    private int auditFile(Path file) throws Exception {
        String name = file.toString();
        byte[] content = Files.readAllBytes(file);
        RawDocument raw = name.toLowerCase().endsWith(".xlsx") ? new WorkbookReader().read(name, content)
                : new JsonDocumentReader().read(name, content);
        BoundDocument doc = new DepartmentYearImporter(null).check(raw);
        if (doc.hasErrors()) {
            System.out.println("FAILED  " + name + "  cannot be read: " + doc.problems().stream().filter(p -> p.isError()).count()
                    + " import errors (bin/narrator import --check " + name + ")");
            return 1;
        }
        List<AuditService.Reviewed> findings = Audit.run(DocumentYearData.of(doc)).stream()
                .map(f -> new AuditService.Reviewed(f, null)).toList();
        return print(name, findings);
    }

    private int print(String what, List<AuditService.Reviewed> findings) {
        long errors = findings.stream().filter(AuditService.Reviewed::countsAsError).count();
        long rounding = findings.stream().filter(r -> r.finding().severity() == Severity.ROUNDING).count();
        long warnings = findings.stream().filter(r -> r.finding().severity() == Severity.WARNING).count();
        System.out.println((errors > 0 ? "ERRORS  " : "ok      ") + what + "  " + errors + " error" + (errors == 1 ? "" : "s")
                + ", " + rounding + " rounding, " + warnings + " warning" + (warnings == 1 ? "" : "s"));
        for (AuditService.Reviewed r : findings) {
            Finding f = r.finding();
            if (errorsOnly && f.severity() != Severity.ERROR) {
                continue;
            }
            String verdict = r.review() == null ? "" : " [" + r.review().status() + "]";
            System.out.println("    " + f.severity() + " " + f.ruleId() + verdict + "  " + (english ? f.messageEn() : f.messageZh()));
        }
        return (int) errors;
    }
}
