package org.budgetnarrator.api.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.micronaut.context.ApplicationContext;
import org.budgetnarrator.api.reading.ReportFiles;
import org.budgetnarrator.drafting.audit.Audit;
import org.budgetnarrator.drafting.audit.Finding;
import org.budgetnarrator.drafting.audit.Severity;
import org.budgetnarrator.model.imports.BoundDocument;
import org.budgetnarrator.model.imports.DepartmentYearImporter;
import org.budgetnarrator.model.imports.ImportProblem;
import org.budgetnarrator.model.imports.ImportResult;
import org.budgetnarrator.model.imports.JsonDocumentReader;
import org.budgetnarrator.model.read.DocumentYearData;
import org.budgetnarrator.model.reading.ReadException;
import org.budgetnarrator.model.reading.ReadResult;
import org.budgetnarrator.model.reading.ReadingReport;
import org.budgetnarrator.model.reading.ReportReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** Reads published reports (PDF or text) back into department-years in the import format. */
@Command(name = "read", mixinStandardHelpOptions = true,
        description = {"Reads published 部门决算 reports (.pdf, or .txt as pdftotext -layout writes them) into department-years "
                + "in the import format (docs/import-format.md), with a reading report: every cell placed and where it was read, "
                + "the cells the reader was not sure of, the tables' identities that held or not.",
                "One line per file. A template or another kind of document is reported as such and not read. "
                        + "Exit code 1 when a file could not be read or an --import failed, 0 otherwise (audit findings do not count)."})
public class ReadCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Report files (.pdf or .txt), or folders of them "
            + "(a province's disclosures: every .pdf and .txt in the folder, by name).")
    List<Path> given;

    private List<Path> files;

    @Option(names = "--out", paramLabel = "DIR", description = "Writes DIR/NAME.json (the document) and DIR/NAME.reading.json (the reading report).")
    Path out;

    @Option(names = "--import", description = "Stores each document read through the importer (a document with any error stores nothing).")
    boolean store;

    /** The import format's levels (AdminLevel): the department's 行政级别 is no figure a report's tables print. */
    enum Level { PROVINCIAL, CITY, COUNTY }

    @Option(names = "--level", paramLabel = "LEVEL", description = "The department's 行政级别 (${COMPLETION-CANDIDATES}) "
            + "for documents whose report does not state it; the importer requires one.")
    Level level;

    @Option(names = "--audit", description = "Audits each document read (table identities, the narrative's figures) without storing it.")
    boolean audit;

    /** What reading one file gave: the lines to print, the document to store, the audit's counts. */
    private record Outcome(boolean unreadable, List<String> lines, String name, byte[] document, int[] findings) {
    }

    @Override
    public Integer call() throws Exception {
        PrintStream print = System.out;
        if (out != null) {
            Files.createDirectories(out);
        }
        files = expand(given);
        ReportReader reader = ReportReader.standard();
        int unreadable = 0;
        int importsFailed = 0;
        int[] findings = new int[3];
        ApplicationContext context = null;
        // Reading and auditing a report is independent of every other: files are read on every core, a window ahead,
        // and printed (and stored, one at a time through the importer) in the order given.
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "narrator-read");
            t.setDaemon(true);
            return t;
        });
        Deque<Future<Outcome>> window = new ArrayDeque<>();
        Iterator<Path> next = files.iterator();
        try {
            while (next.hasNext() || !window.isEmpty()) {
                while (next.hasNext() && window.size() < 2 * threads) {
                    Path file = next.next();
                    window.add(pool.submit(() -> readOne(reader, file)));
                }
                Outcome outcome = window.poll().get();
                outcome.lines().forEach(print::println);
                if (outcome.unreadable()) {
                    unreadable++;
                    continue;
                }
                for (int i = 0; i < 3; i++) {
                    findings[i] += outcome.findings()[i];
                }
                if (store && outcome.document() != null) {
                    if (context == null) {
                        context = Contexts.database();
                    }
                    ImportResult imported = context.getBean(DepartmentYearImporter.class)
                            .importContent(outcome.name() + ".json", outcome.document(), true);
                    print.println("    " + imported.summary());
                    for (ImportProblem problem : imported.problems()) {
                        print.println("        " + problem.message());
                    }
                    if (!imported.stored()) {
                        importsFailed++;
                    }
                }
            }
        } finally {
            pool.shutdownNow();
            if (context != null) {
                context.close();
            }
        }
        if (audit) {
            print.println("audit: " + findings[0] + " error" + (findings[0] == 1 ? "" : "s") + ", " + findings[1] + " rounding, "
                    + findings[2] + " warning" + (findings[2] == 1 ? "" : "s") + " in all");
        }
        print.println((files.size() - unreadable) + " of " + files.size() + " file" + (files.size() == 1 ? "" : "s") + " read"
                + (store ? ", " + importsFailed + " import" + (importsFailed == 1 ? "" : "s") + " failed" : ""));
        return unreadable == 0 && importsFailed == 0 ? 0 : 1;
    }

    private Outcome readOne(ReportReader reader, Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        ReadResult result;
        try {
            result = reader.read(ReportFiles.source(file));
        } catch (ReadException e) {
            lines.add("FAILED  " + file + "  " + e.getMessage());
            return new Outcome(true, lines, null, null, new int[3]);
        }
        lines.add(line(file, result));
        for (String note : result.report().notes()) {
            lines.add("    " + note);
        }
        String name = baseName(file);
        ReportFiles.withLevel(result.document(), level == null ? null : level.name());
        if (out != null) {
            if (result.document() != null) {
                JSON.writeValue(out.resolve(name + ".json").toFile(), result.document());
            }
            JSON.writeValue(out.resolve(name + ".reading.json").toFile(), reading(result));
        }
        int[] counts = new int[3];
        if (result.document() == null) {
            return new Outcome(false, lines, name, null, counts);
        }
        byte[] document = JSON.writeValueAsBytes(result.document());
        if (audit) {
            audit(name + ".json", document, lines, counts);
        }
        return new Outcome(false, lines, name, document, counts);
    }

    /** {@code FINAL_ACCOUNTS  a.pdf  2024 财政局  placed 312, uncertain 3 (1.0%), identities 40 held / 1 contradicted, partial}. */
    static String line(Path file, ReadResult result) {
        ReadingReport report = result.report();
        StringBuilder line = new StringBuilder();
        line.append(String.format(Locale.ROOT, "%-15s ", result.kind().name())).append(file);
        if (result.kind() != ReadResult.ReportKind.FINAL_ACCOUNTS) {
            return line.append("  not a department's 部门决算: nothing read, nothing stored").toString();
        }
        Object year = result.document().get("year");
        Object department = result.document().get("department") instanceof Map<?, ?> d ? d.get("name") : null;
        long held = report.identities().stream().filter(ReadingReport.Identity::holds).count();
        line.append("  ").append(year == null ? "year ?" : year).append(' ').append(department == null ? "department ?" : department)
                .append(String.format(Locale.ROOT, "  placed %d, uncertain %d (%.1f%%), identities %d held / %d contradicted, %s",
                        report.placedCells().size(), report.uncertainCells().size(), report.uncertainShare(), held,
                        report.identities().size() - held, result.partial() ? "partial" : "complete"));
        return line.toString();
    }

    /** The reading report as written beside the document. */
    static Map<String, Object> reading(ReadResult result) {
        ReadingReport report = result.report();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("file", result.file());
        out.put("kind", result.kind().name());
        out.put("partial", result.partial());
        out.put("uncertainShare", Math.round(report.uncertainShare() * 100) / 100.0);
        out.put("notes", report.notes());
        out.put("placedCells", report.placedCells());
        out.put("uncertainCells", report.uncertainCells());
        out.put("identities", report.identities());
        return out;
    }

    private static void audit(String name, byte[] document, List<String> print, int[] totals) {
        BoundDocument doc = new DepartmentYearImporter(null).check(new JsonDocumentReader().read(name, document));
        if (doc.hasErrors()) {
            List<ImportProblem> errors = doc.problems().stream().filter(ImportProblem::isError).toList();
            print.add("    audit: not run, the document read has " + errors.size() + " import error" + (errors.size() == 1 ? "" : "s"));
            for (ImportProblem problem : errors) {
                print.add("        " + problem.message());
            }
            return;
        }
        List<Finding> findings = Audit.run(DocumentYearData.of(doc));
        int[] counts = new int[3];
        for (Finding f : findings) {
            counts[f.severity() == Severity.ERROR ? 0 : f.severity() == Severity.ROUNDING ? 1 : 2]++;
        }
        print.add("    audit: " + counts[0] + " error" + (counts[0] == 1 ? "" : "s") + ", " + counts[1] + " rounding, "
                + counts[2] + " warning" + (counts[2] == 1 ? "" : "s"));
        for (Finding f : findings) {
            print.add("        " + f.severity() + " " + f.ruleId() + "  " + f.messageZh());
        }
        for (int i = 0; i < 3; i++) {
            totals[i] += counts[i];
        }
    }

    /** Folders as the .pdf and .txt files in them, sorted by name; files as given. */
    static List<Path> expand(List<Path> paths) throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (var stream = Files.list(p)) {
                    stream.filter(f -> {
                        String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
                        return n.endsWith(".pdf") || n.endsWith(".txt");
                    }).sorted().forEach(out::add);
                }
            } else {
                out.add(p);
            }
        }
        return out;
    }

    private static String baseName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
