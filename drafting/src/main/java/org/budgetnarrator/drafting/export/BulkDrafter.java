package org.budgetnarrator.drafting.export;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;
import org.budgetnarrator.drafting.draft.Draft;
import org.budgetnarrator.drafting.draft.DraftEngine;
import org.budgetnarrator.drafting.draft.DraftService;
import org.budgetnarrator.drafting.draft.StyleProfile;
import org.budgetnarrator.model.read.YearData;
import org.budgetnarrator.model.read.YearDataReader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Drafts department-years to files, one at a time (nothing is collected, so memory stays flat however many
 * there are). Resumable and idempotent: a manifest in the output folder records, for each file, a fingerprint
 * of the data, templates, style, mode and format it was written from; an unchanged department-year is
 * skipped unless forced. One department's failure is reported and the run goes on.
 */
@Singleton
public class BulkDrafter {

    public enum Status { DRAFTED, SKIPPED, FAILED }

    /** What happened to one department-year. */
    public record Outcome(String department, int year, Status status, int gaps, Path file, String error) {
    }

    /** A drafted file: its name, bytes and the gaps (missing reasons) left in it. */
    public record Rendered(String fileName, byte[] content, int gaps) {
    }

    /** What the manifest remembers of a written file: what it was written from, and its gaps. */
    record Written(String fingerprint, int gaps) {
    }

    static final String MANIFEST = ".narrator-drafts.json";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final YearDataReader reader;
    private final DraftService drafts;

    public BulkDrafter(YearDataReader reader, DraftService drafts) {
        this.reader = reader;
        this.drafts = drafts;
    }

    /** A department-year read and ready to draft, with the fingerprint of everything its file depends on. */
    public record Prepared(YearData data, StyleProfile style, String format, String fingerprint) {
    }

    /** Reads a department-year and fingerprints its data, the templates, its style, the mode and the format. */
    public Prepared prepare(String code, int year, String format, String mode) {
        ReportFiles.extension(format);
        YearData data = reader.read(code, year).orElseThrow(() -> new IllegalArgumentException("no department-year " + code + " " + year));
        StyleProfile style = drafts.style(code, null);
        String templates = drafts.engine().templateHashes().toString();
        return new Prepared(data, style, format, fingerprint(data, templates, style, mode, format));
    }

    private static String fingerprint(YearData data, String templates, StyleProfile style, String mode, String format) {
        return DraftEngine.sha256(data.toString() + "|" + templates + "|" + style + "|" + mode + "|" + format);
    }

    /** Drafts the department-year into a file's bytes, in the department's style. */
    public Rendered render(Prepared prepared) {
        return render(prepared.data(), prepared.style(), prepared.format());
    }

    private Rendered render(YearData data, StyleProfile style, String format) {
        Draft report = drafts.engine().report(data, style);
        byte[] bytes = switch (format) {
            case "docx" -> WordReport.write(data, report, null);
            case "md" -> ReportFiles.markdown(data, report);
            default -> ReportFiles.json(data, report);
        };
        return new Rendered(data.department().code() + "-" + data.year().year() + ReportFiles.extension(format), bytes, report.missing().size());
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
                StyleProfile style = drafts.style(code, null);
                String fingerprint = fingerprint(data, templates, style, mode, format);
                String key = file.getFileName().toString();
                Written before = manifest.get(key);
                if (!force && before != null && fingerprint.equals(before.fingerprint()) && Files.exists(file)) {
                    outcome = new Outcome(code, year, Status.SKIPPED, before.gaps(), file, null);
                } else {
                    Rendered rendered = render(data, style, format);
                    Path tmp = out.resolve(key + ".tmp");
                    Files.write(tmp, rendered.content());
                    // Written whole, then renamed: a killed run never leaves half a file under the final name.
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                    manifest.put(key, new Written(fingerprint, rendered.gaps()));
                    if (++sinceSave >= 100) {
                        save();
                    }
                    outcome = new Outcome(code, year, Status.DRAFTED, rendered.gaps(), file, null);
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
