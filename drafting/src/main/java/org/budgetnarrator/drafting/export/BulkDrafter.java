package org.budgetnarrator.drafting.export;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;
import org.budgetnarrator.drafting.draft.DocumentKind;
import org.budgetnarrator.drafting.draft.Draft;
import org.budgetnarrator.drafting.draft.DraftEngine;
import org.budgetnarrator.drafting.draft.DraftService;
import org.budgetnarrator.drafting.draft.DraftVersions;
import org.budgetnarrator.drafting.draft.ReportLayout;
import org.budgetnarrator.drafting.draft.ReportLayouts;
import org.budgetnarrator.drafting.draft.SectionKind;
import org.budgetnarrator.drafting.draft.StyleProfile;
import org.budgetnarrator.drafting.draft.TextScans;
import org.budgetnarrator.model.read.YearData;
import org.budgetnarrator.model.read.YearDataReader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Drafts department-years to files — the report as it prints, officers' saved texts included — one at a time (nothing is collected, so memory stays flat however many
 * there are). Resumable and idempotent: a manifest in the output folder records, for each file, a fingerprint
 * of the data, templates, style, mode and format it was written from; an unchanged department-year is
 * skipped unless forced. One department's failure is reported and the run goes on.
 */
@Singleton
public class BulkDrafter {

    /**
     * DRAFTED: a file was written; UNCHANGED: its file is up to date (nothing changed since); SKIPPED: the department-year's
     * document holds nothing to draft (no file, the reason given); FAILED: an error, the run goes on.
     */
    public enum Status { DRAFTED, UNCHANGED, SKIPPED, FAILED }

    /**
     * What happened to one department-year. gaps: the 【待补充…】 markers in its file; fallbacks: sections of a model
     * mode where the template draft was kept (the reasons are logged); document: what was drafted; reason: why it
     * was skipped.
     */
    public record Outcome(String department, int year, Status status, int gaps, Path file, String error, int fallbacks,
                          DocumentKind document, String reason) {
        public Outcome(String department, int year, Status status, int gaps, Path file, String error) {
            this(department, year, status, gaps, file, error, 0, null, null);
        }

        static Outcome skipped(String department, int year, String reason) {
            return new Outcome(department, year, Status.SKIPPED, 0, null, null, 0, null, reason);
        }
    }

    /** A drafted file: its name, bytes, the gaps (【待补充…】 markers) it prints, and model fallbacks. */
    public record Rendered(String fileName, byte[] content, int gaps, int fallbacks) {
    }

    /** What the manifest remembers of a written file: what it was written from, and its gaps. */
    record Written(String fingerprint, int gaps) {
    }

    static final String MANIFEST = ".narrator-drafts.json";
    /** How a gap for an officer to fill starts in a drafted file; it ends at the next 】. */
    private static final String GAP = "【待补充：";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(BulkDrafter.class);

    private final YearDataReader reader;
    private final DraftService drafts;
    private final org.budgetnarrator.drafting.llm.ModelDrafter models;
    private final DraftVersions versions;

    public BulkDrafter(YearDataReader reader, DraftService drafts, org.budgetnarrator.drafting.llm.ModelDrafter models,
                       DraftVersions versions) {
        this.reader = reader;
        this.drafts = drafts;
        this.models = models;
        this.versions = versions;
    }

    /** A department-year read and ready to draft, with the fingerprint of everything its file depends on. */
    public record Prepared(YearData data, StyleProfile style, String format, String mode, String fingerprint) {
    }

    /** Reads a department-year and fingerprints its data, the templates, its style, the mode and the format. */
    public Prepared prepare(String code, int year, String format, String mode) {
        return prepare(reader.read(code, year).orElseThrow(() -> new IllegalArgumentException("no department-year " + code + " " + year)),
                format, mode);
    }

    /** The same for a department-year already read. */
    public Prepared prepare(YearData data, String format, String mode) {
        ReportFiles.extension(format);
        StyleProfile style = drafts.style(data.department().code(), null);
        String templates = drafts.engine().templateHashes().toString();
        return new Prepared(data, style, format, mode, fingerprint(data, templates, style, mode, format));
    }

    /** Everything a department-year's file is written from, saved texts included (a new save is drafted again). */
    private String fingerprint(YearData data, String templates, StyleProfile style, String mode, String format) {
        return DraftEngine.sha256(data.toString() + "|" + templates + "|" + style + "|" + mode + "|" + format + "|"
                + versions.savedFingerprint(data.department().code(), data.year().year()));
    }

    /**
     * Why the department-year has nothing to draft (a stage the drafts do not know, or a document none of whose
     * figures or texts were entered); empty when it has something.
     */
    public java.util.Optional<String> nothingToDraft(YearData data) {
        java.util.Optional<String> unknown = DocumentKind.unknownStage(data);
        return unknown.isPresent() ? unknown : DocumentKind.of(data).nothingToDraft(data);
    }

    /** Drafts the department-year into a file's bytes, in the department's style. */
    public Rendered render(Prepared prepared) {
        return render(prepared.data(), prepared.style(), prepared.format(), prepared.mode());
    }

    private Rendered render(YearData data, StyleProfile style, String format, String mode) {
        DraftVersions.PrintedReport printed = versions.report(data, style);
        Draft report = printed.draft();
        int fallbacks = 0;
        if ("POLISH".equals(mode)) {
            if (format.equals("json")) {
                // JSON places every fact by its offset in the text; a reworded text has no such places.
                throw new IllegalArgumentException("POLISH writes docx or md; json carries the template draft's facts by place");
            }
            ReportLayout layout = DocumentKind.of(data).layout(style);
            List<SectionKind> sections = layout.contents().stream().map(ReportLayout.Section::content).toList();
            // An officer's saved text is printed as saved: only the sections nobody saved are polished.
            List<SectionKind> polished = sections.stream().filter(k -> !printed.saved().contains(k)).toList();
            List<org.budgetnarrator.drafting.llm.ModelDrafter.Request> requests = polished.stream()
                    .map(k -> new org.budgetnarrator.drafting.llm.ModelDrafter.Request(data, drafts.engine().draft(data, k, style))).toList();
            List<org.budgetnarrator.drafting.llm.ModelDrafter.Result> results = models.polishAll(requests);
            // The same layout as the template report: each section's heading, then its (polished or saved) text.
            StringBuilder text = new StringBuilder();
            for (ReportLayout.Section part : layout.contents()) {
                SectionKind section = part.content();
                if (text.length() > 0) {
                    text.append('\n');
                }
                layout.sections().stream().filter(s -> !s.parts().isEmpty() && s.parts().get(0) == part)
                        .findFirst().ifPresent(container -> text.append(container.heading()).append('\n'));
                int i = polished.indexOf(section);
                String body = i >= 0 ? results.get(i).text() : versions.section(data, section, style).text();
                text.append(part.heading()).append('\n').append(body);
                if (i >= 0 && results.get(i).fallbackReason() != null) {
                    fallbacks++;
                    LOG.warn("{} {} {}: template kept: {}", data.department().code(), data.year().year(), section, results.get(i).fallbackReason());
                }
            }
            report = new Draft(null, report.title(), text.toString(), report.missing(), List.of(), List.of(), report.style());
        } else if (!"TEMPLATE".equals(mode)) {
            throw new IllegalArgumentException("mode " + mode + " does not write reports");
        }
        // The gaps are the markers the file prints: the report's text as written (saved and polished texts included)
        // and, in Word, the self-evaluation tables' deviation cells.
        int gaps = TextScans.notes(report.text(), GAP).size();
        byte[] bytes;
        switch (format) {
            case "docx" -> {
                // The self-evaluation tables print the reasons officers recorded for the indicators.
                YearData withReasons = drafts.withDeviationReasons(data);
                bytes = WordReport.write(withReasons, report, null);
                gaps += WordReport.tableGaps(withReasons);
            }
            case "md" -> bytes = ReportFiles.markdown(data, report);
            default -> bytes = ReportFiles.json(data, report);
        }
        return new Rendered(data.department().code() + "-" + data.year().year() + ReportFiles.extension(format), bytes,
                gaps, fallbacks);
    }

    /** A run into one folder; close it to write the manifest. */
    public Run start(Path out, String format, String mode, boolean force) throws IOException {
        ReportFiles.extension(format);
        Files.createDirectories(out);
        return new Run(out, format, mode, force);
    }

    public final class Run implements AutoCloseable {
        private final Path out;
        private final String format;
        private final String mode;
        private final boolean force;
        private final Map<String, Written> manifest;
        private final String templates;
        private int sinceSave;

        private Run(Path out, String format, String mode, boolean force) throws IOException {
            this.out = out;
            this.format = format;
            this.mode = mode;
            this.force = force;
            Path file = out.resolve(MANIFEST);
            this.manifest = Files.exists(file) ? MAPPER.readValue(file.toFile(), new TypeReference<TreeMap<String, Written>>() {
            }) : new TreeMap<>();
            this.templates = drafts.engine().templateHashes().toString();
        }

        /** Drafts one department-year (or skips it when unchanged); never throws for the department's own failure. */
        public Outcome draft(String code, int year, Consumer<Outcome> progress) {
            Outcome outcome;
            Path file = out.resolve(code + "-" + year + ReportFiles.extension(format));
            try {
                YearData data = reader.read(code, year).orElseThrow(() -> new IllegalArgumentException("no department-year " + code + " " + year));
                java.util.Optional<String> nothing = nothingToDraft(data);
                if (nothing.isPresent()) {
                    Outcome skipped = Outcome.skipped(code, year, nothing.get());
                    progress.accept(skipped);
                    return skipped;
                }
                DocumentKind document = DocumentKind.of(data);
                StyleProfile style = drafts.style(code, null);
                String fingerprint = fingerprint(data, templates, style, mode, format);
                String key = file.getFileName().toString();
                Written before = manifest.get(key);
                if (!force && before != null && fingerprint.equals(before.fingerprint()) && Files.exists(file)) {
                    outcome = new Outcome(code, year, Status.UNCHANGED, before.gaps(), file, null, 0, document, null);
                } else {
                    Rendered rendered = render(data, style, format, mode);
                    Path tmp = out.resolve(key + ".tmp");
                    Files.write(tmp, rendered.content());
                    // Written whole, then renamed: a killed run never leaves half a file under the final name.
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                    if (rendered.fallbacks() == 0) {
                        manifest.put(key, new Written(fingerprint, rendered.gaps()));
                    } else {
                        // Sections kept as templates because the model failed: the next run asks again.
                        manifest.remove(key);
                    }
                    if (++sinceSave >= 100) {
                        save();
                    }
                    outcome = new Outcome(code, year, Status.DRAFTED, rendered.gaps(), file, null, rendered.fallbacks(), document, null);
                }
            } catch (RuntimeException | IOException e) {
                outcome = new Outcome(code, year, Status.FAILED, 0, null, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            }
            progress.accept(outcome);
            return outcome;
        }

        private void save() {
            try {
                Path tmp = out.resolve(MANIFEST + ".tmp");
                MAPPER.writeValue(tmp.toFile(), manifest);
                Files.move(tmp, out.resolve(MANIFEST), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                sinceSave = 0;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            save();
        }
    }
}
