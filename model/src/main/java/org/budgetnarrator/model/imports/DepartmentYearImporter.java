package org.budgetnarrator.model.imports;

import jakarta.inject.Singleton;
import org.budgetnarrator.model.store.DepartmentYearStore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Imports department-year files (JSON or .xlsx): read, check every value and rule, and — only when no
 * error was found — replace the stored department-year whole, in one transaction.
 */
@Singleton
public class DepartmentYearImporter {

    private final DepartmentYearStore store;

    public DepartmentYearImporter(DepartmentYearStore store) {
        this.store = store;
    }

    public ImportResult importFile(Path path) {
        return importFile(path, true);
    }

    /** Reads and checks a file; stores it only when {@code store} is true and no error was found. */
    public ImportResult importFile(Path path, boolean store) {
        String name = path.toString();
        byte[] content;
        try {
            long size = Files.size(path);
            if (size > ImportFormat.MAX_DOCUMENT_BYTES) {
                // Refused before it is read into memory.
                return rejected(JsonDocumentReader.tooLarge(name, size));
            }
            content = Files.readAllBytes(path);
        } catch (IOException e) {
            return new ImportResult(path.toString(), false, null, null,
                    List.of(ImportProblem.error(Location.file(path.toString()), null, null, "cannot read the file: " + e.getMessage())), 0);
        }
        return importContent(name, content, store);
    }

    /** Imports one file's content; the name decides the format (.json or .xlsx). */
    public ImportResult importContent(String name, byte[] content) {
        return importContent(name, content, true);
    }

    public ImportResult importContent(String name, byte[] content, boolean store) {
        String badName = fileNameViolation(name);
        if (badName != null) {
            return new ImportResult(Texts.quoted(name), false, null, null, List.of(ImportProblem.error(
                    Location.file(Texts.quoted(name)), "fileName", name, "expected " + badName)), 0);
        }
        if (content.length > ImportFormat.MAX_DOCUMENT_BYTES) {
            return rejected(JsonDocumentReader.tooLarge(name, content.length));
        }
        String lower = name.toLowerCase(Locale.ROOT);
        RawDocument raw;
        if (lower.endsWith(".xlsx")) {
            raw = new WorkbookReader().read(name, content);
        } else if (lower.endsWith(".json")) {
            raw = new JsonDocumentReader().read(name, content);
            RawRow document = raw.single(ImportFormat.DOCUMENT, Location.json(name, "$"));
            RawValue format = document.get("format");
            if (!raw.unreadable() && (format == null || !ImportFormat.FORMAT_IDS.contains(format.value()))) {
                raw.problem(ImportProblem.error(Location.json(name, "$.format"), "format", format == null ? null : format.display(),
                        "expected \"" + ImportFormat.FORMAT_ID + "\" (or \"" + ImportFormat.FORMAT_ID_V1 + "\", read as well)"));
            }
        } else {
            return new ImportResult(name, false, null, null, List.of(ImportProblem.error(Location.file(name), null, null,
                    "expected a .json document or an .xlsx workbook")), 0);
        }
        return importRaw(raw, store);
    }

    /** The file name is stored with the department-year (source_name VARCHAR(500)) and quoted in every message. */
    private static String fileNameViolation(String name) {
        String violation = Texts.violation(name, ImportFormat.MAX_FILE_NAME);
        if (violation == null && name.indexOf('\t') < 0 && name.indexOf('\n') < 0 && name.indexOf('\r') < 0) {
            return null;
        }
        return "a file name of at most " + ImportFormat.MAX_FILE_NAME + " characters, without control characters";
    }

    private static ImportResult rejected(RawDocument raw) {
        return new ImportResult(raw.fileName(), false, null, null, raw.problems(), 0);
    }

    /** Checks and (when {@code store}) stores an already-read document. */
    public ImportResult importRaw(RawDocument raw, boolean store) {
        BoundDocument doc = check(raw);
        if (doc.hasErrors() || !store) {
            return new ImportResult(raw.fileName(), false, doc.departmentCode(), doc.year(), doc.problems(), 0);
        }
        this.store.replace(doc, raw.fileName());
        // The income and account lines are the tables' projection: counted once, as table rows.
        int lines = ImportFormat.YEAR_TABLES.stream().filter(t -> !ImportFormat.LEGACY_LINES.contains(t))
                .mapToInt(t -> doc.rows(t).size()).sum();
        return new ImportResult(raw.fileName(), true, doc.departmentCode(), doc.year(), doc.problems(), lines);
    }

    /** Reads and checks without storing anything. */
    public BoundDocument check(RawDocument raw) {
        if (raw.unreadable()) {
            BoundDocument doc = new BoundDocument(raw.fileName());
            doc.problemsOf(raw);
            return doc;
        }
        BoundDocument doc = new DocumentBinder().bind(raw);
        new DocumentValidator().validate(doc);
        return doc;
    }

    /** Files to import from the given paths: files as given, folders by their .json and .xlsx files, sorted. */
    public static List<Path> expand(List<Path> paths) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (var stream = Files.list(p)) {
                    stream.filter(f -> {
                        String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
                        return (n.endsWith(".json") || n.endsWith(".xlsx")) && !n.startsWith("~$");
                    }).sorted().forEach(files::add);
                }
            } else {
                files.add(p);
            }
        }
        return files;
    }
}
