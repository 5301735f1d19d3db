package org.budgetnarrator.drafting.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.budgetnarrator.drafting.draft.DraftEngine;
import org.budgetnarrator.drafting.draft.StyleProfile;
import org.budgetnarrator.drafting.draft.StyleProfiles;
import org.budgetnarrator.model.domain.PublicTable;
import org.budgetnarrator.model.generate.VariationGenerator;
import org.budgetnarrator.model.imports.BoundDocument;
import org.budgetnarrator.model.imports.DocumentBinder;
import org.budgetnarrator.model.imports.DocumentValidator;
import org.budgetnarrator.model.imports.JsonDocumentReader;
import org.budgetnarrator.model.read.DocumentYearData;
import org.budgetnarrator.model.read.YearData;
import org.budgetnarrator.model.reading.ReadResult;
import org.budgetnarrator.model.reading.ReportReader;
import org.budgetnarrator.model.reading.ReportSource;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Generated department-years of every variation, exported by this project as .docx in every layout, converted by
 * LibreOffice to PDF and by pdftotext to text (see {@link #TEXT} for which pdftotext), read back: every printed cell of
 * the public tables comes back to the same cell from the PDF and from the text, or is flagged as uncertain in the
 * reading report.
 */
class ReadBackTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** How many generated reports go round: every combination of variations, styles taken in turn. */
    private static final int REPORTS = Integer.getInteger("readBack.reports", 200);
    /**
     * The text of record: pdftotext's physical layout at a fixed pitch of 4.5 points, half the width of a CJK character
     * of the tables' 9-point type ({@link PublicTables#SIZE}), so that every word stands at its place on the page
     * divided by the pitch and all lines keep one scale. Plain pdftotext (as the Xianning seed was made) cannot be read
     * here: LibreOffice's PDF gives each cell its own text block, and pdftotext without -layout prints them one per line
     * in an order of its own (80,729 cells: 557 read back, 93 wrong); -layout sets each line at its own pitch, so
     * headers and figures drift apart by up to eight characters (the second tally below).
     */
    private static final String[] TEXT = {"pdftotext", "-fixed", String.valueOf(PublicTables.SIZE / 2.0)};

    @Test
    void generatedReportsExportedToWordAndPdfReadBackToTheSameCells() throws Exception {
        Path dir = Path.of("target", "read-back").toAbsolutePath();
        Files.createDirectories(dir);
        // -DreadBack.reuse=true reads the PDFs of the last run again (the same seeds make the same reports): for work on
        // the readers, without the conversion's minutes
        boolean reuse = Boolean.getBoolean("readBack.reuse");
        if (!reuse) {
            try (var old = Files.list(dir)) {
                for (Path p : old.toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
        VariationGenerator generator = new VariationGenerator();
        List<StyleProfile> styles = StyleProfiles.available().stream().map(StyleProfiles::load).toList();
        List<Set<VariationGenerator.Variation>> combinations = VariationGenerator.combinations();
        Map<String, Map<String, Object>> documents = new LinkedHashMap<>();
        List<Path> docx = new ArrayList<>();
        for (int i = 0; i < REPORTS; i++) {
            Map<String, Object> document = generator.generate(1000 + i, combinations.get(i % combinations.size()), null).document();
            YearData data = of(document);
            StyleProfile style = styles.get(i % styles.size());
            String name = String.format(Locale.ROOT, "report-%03d", i);
            Path file = dir.resolve(name + ".docx");
            if (!reuse || !Files.isRegularFile(dir.resolve(name + ".pdf"))) {
                Files.write(file, WordReport.write(data, DraftEngine.shipped().report(data, style), null));
                docx.add(file);
            }
            documents.put(name, document);
        }
        if (!docx.isEmpty()) {
            convert(dir, docx);
        }
        ReportReader reader = "shanghai".equals(System.getProperty("readBack.reader"))
                ? new ReportReader(List.of(new org.budgetnarrator.model.reading.ShanghaiLayoutReader())) : ReportReader.standard();
        Tally fromPdf = new Tally();
        Tally fromText = new Tally();
        Tally fromLayout = new Tally();
        for (Map.Entry<String, Map<String, Object>> e : documents.entrySet()) {
            Path pdf = dir.resolve(e.getKey() + ".pdf");
            assertTrue(Files.isRegularFile(pdf), pdf + " was written");
            String text = run(dir, TEXT[0], TEXT[1], TEXT[2], pdf.toString(), "-");
            Files.writeString(dir.resolve(e.getKey() + ".txt"), text);
            fromText.add(e.getKey(), e.getValue(), reader.read(ReportSource.ofText(e.getKey() + ".txt", text)));
            String layout = run(dir, "pdftotext", "-layout", pdf.toString(), "-");
            Files.writeString(dir.resolve(e.getKey() + ".layout.txt"), layout);
            fromLayout.add(e.getKey(), e.getValue(), reader.read(ReportSource.ofText(e.getKey() + ".layout.txt", layout)));
            fromPdf.add(e.getKey(), e.getValue(), reader.read(ReportSource.ofPdf(pdf)));
        }
        System.out.println("read back from PDF: " + fromPdf + "\nread back from text (pdftotext -fixed 4.5): " + fromText
                + "\nread back from pdftotext -layout: " + fromLayout);
        Files.write(dir.resolve("problems-pdf.txt"), fromPdf.problems);
        Files.write(dir.resolve("problems-text.txt"), fromText.problems);
        Files.write(dir.resolve("problems-layout.txt"), fromLayout.problems);
        fromPdf.problems.stream().filter(p -> !p.contains(" read 按")).limit(40).forEach(System.out::println);
        fromText.problems.stream().filter(p -> !p.contains(" read 按")).limit(40).forEach(System.out::println);
        // The floors reached over 200 reports (80,729 cells of the nine tables), so that the reading cannot regress.
        // From the PDF and from the text of record every cell comes back (report-026's 公开08 among them, since its header
        // keeps with its first row: TablesPrintInLibreOfficeTest), and no figure is read into a cell the report leaves
        // blank.
        assertEquals(0, fromPdf.wrong, "from PDF: " + fromPdf);
        assertEquals(0, fromPdf.missing, "from PDF: " + fromPdf);
        assertEquals(0, fromPdf.extra, "from PDF: " + fromPdf);
        assertTrue(fromPdf.uncertainShare() <= 1, "from PDF: " + fromPdf);
        assertEquals(0, fromText.wrong, "from text: " + fromText);
        assertEquals(0, fromText.missing, "from text: " + fromText);
        assertEquals(0, fromText.extra, "from text: " + fromText);
        assertEquals(0, fromText.uncertain, "from text: " + fromText);
        // pdftotext -layout sets each line at a pitch of its own, so a header's lines drift against each other and against
        // the figures: where a header is squeezed, its labels are assembled in order and its columns placed by the
        // figures' files; where a page's blank cells leave fewer files than labels and the rows' identities allow more
        // than one placement, its figures are reported uncertain. Nothing is wrong; report-155's 公开02 has a header
        // laid out wide enough to look to scale that is not, and its two 政府性基金 figures go under 国有资本经营
        // unflagged (their own cells then count as missing).
        assertEquals(0, fromLayout.wrong, "from pdftotext -layout: " + fromLayout);
        assertTrue(fromLayout.missing <= 2, "from pdftotext -layout: " + fromLayout);
        assertTrue(fromLayout.extra <= 2, "from pdftotext -layout: " + fromLayout);
        assertTrue(fromLayout.uncertainShare() <= 6.8, "from pdftotext -layout: " + fromLayout);
    }

    /** Cells compared: the same figure, flagged uncertain, another figure unflagged, or not read and not flagged. */
    private static final Set<String> NINE = Set.of("T01", "T02", "T03", "T04", "T05", "T06", "T07", "T08", "T09");

    private static final class Tally {
        int cells;
        int same;
        int uncertain;
        int wrong;
        int missing;
        /** Figures read, unflagged, into a cell the report leaves blank. */
        int extra;
        /** Rows of the document's other tables (not printed among the nine tables): not compared. */
        int notInTables;
        final List<String> problems = new ArrayList<>();
        /** By table: wrong, uncertain, missing. */
        final Map<String, int[]> byTable = new java.util.TreeMap<>();

        @SuppressWarnings("unchecked")
        void add(String name, Map<String, Object> expected, ReadResult read) {
            Map<String, Map<String, Object>> got = new LinkedHashMap<>();
            if (read.document() != null) {
                for (Map<String, Object> row : (List<Map<String, Object>>) read.document().get("publishedTables")) {
                    if (row.get("period") == null) {
                        got.put(row.get("table") + "/" + row.get("row"), row);
                    }
                }
            }
            read.report().notes().stream().filter(n -> n.startsWith("按")).findFirst()
                    .ifPresent(n -> problems.add(name + " read " + n));
            Set<String> flagged = new java.util.HashSet<>();
            read.report().uncertainCells().forEach(u -> {
                problems.add(name + " uncertain " + u.table() + "/" + u.row() + "/" + u.column() + " " + u.value() + " p"
                        + u.page() + " l" + u.line() + ": " + u.reason() + " " + u.alternatives());
                flagged.add(u.table() + "/" + u.row() + "/" + u.column());
                u.alternatives().forEach(a -> flagged.add(u.table() + "/" + u.row() + "/" + a));
            });
            // the report prints its tables in the unit its 金额单位 line names: a document kept in 元 is compared in 万元
            // where the report printed 万元 (each cell rounded to 0.01 万元, as printed)
            boolean toWan = "元".equals(expected.get("moneyUnit")) && read.document() != null
                    && !"元".equals(read.document().get("moneyUnit"));
            for (Map<String, Object> row : (List<Map<String, Object>>) expected.get("publishedTables")) {
                if (row.get("period") != null) {
                    continue;
                }
                if (!NINE.contains(row.get("table").toString())) {
                    // 机关运行经费, 政府采购 and 国有资产占用 are stated in the 情况说明, not printed as tables by WordReport
                    notInTables++;
                    continue;
                }
                String key = row.get("table") + "/" + row.get("row");
                for (Map.Entry<String, Object> cell : row.entrySet()) {
                    if (Set.of("table", "row", "name", "lineNo", "period").contains(cell.getKey()) || cell.getValue() == null) {
                        continue;
                    }
                    cells++;
                    String where = key + "/" + cell.getKey();
                    Map<String, Object> r = got.get(key);
                    Object value = r == null ? null : r.get(cell.getKey());
                    BigDecimal want = new BigDecimal(cell.getValue().toString());
                    if (toWan && PublicTable.Column.byKey(cell.getKey()).map(c -> c.kind() == PublicTable.Kind.MONEY).orElse(true)) {
                        want = want.movePointLeft(4).setScale(2, RoundingMode.HALF_UP);
                    }
                    if (flagged.contains(where)) {
                        uncertain++;
                        byTable.computeIfAbsent(row.get("table").toString(), t -> new int[3])[1]++;
                    } else if (value == null) {
                        missing++;
                        byTable.computeIfAbsent(row.get("table").toString(), t -> new int[3])[2]++;
                        problems.add(name + " " + where + ": " + cell.getValue() + " not read");
                    } else if (new BigDecimal(value.toString()).compareTo(want) != 0) {
                        byTable.computeIfAbsent(row.get("table").toString(), t -> new int[3])[0]++;
                        wrong++;
                        problems.add(name + " " + where + ": " + cell.getValue() + " read as " + value);
                    } else {
                        same++;
                    }
                }
            }
            // a figure read into a cell the report leaves blank, unflagged: placed in the wrong column (its own cell
            // then counts as missing)
            Set<String> expectedCells = new java.util.HashSet<>();
            for (Map<String, Object> row : (List<Map<String, Object>>) expected.get("publishedTables")) {
                if (row.get("period") == null) {
                    row.forEach((k, v) -> {
                        if (v != null) {
                            expectedCells.add(row.get("table") + "/" + row.get("row") + "/" + k);
                        }
                    });
                }
            }
            got.forEach((key, row) -> row.forEach((k, v) -> {
                String where = key + "/" + k;
                if (v != null && NINE.contains(row.get("table").toString()) && PublicTable.Column.byKey(k).isPresent()
                        && !expectedCells.contains(where) && !flagged.contains(where)) {
                    extra++;
                    problems.add(name + " " + where + ": " + v + " read into a cell the report leaves blank");
                }
            }));
        }

        double uncertainShare() {
            return cells == 0 ? 0 : 100.0 * uncertain / cells;
        }

        @Override
        public String toString() {
            StringBuilder tables = new StringBuilder();
            byTable.forEach((t, n) -> tables.append(String.format(Locale.ROOT, " %s %d/%d/%d", t, n[0], n[1], n[2])));
            return String.format(Locale.ROOT, "%d cells: %d the same, %d uncertain (%.2f%%), %d wrong, %d missing,"
                    + " %d read into blank cells; by table (wrong/uncertain/missing):%s; rows of tables not printed as tables: %d",
                    cells, same, uncertain, uncertainShare(), wrong, missing, extra, tables, notInTables);
        }
    }

    private static YearData of(Map<String, Object> document) throws Exception {
        BoundDocument doc = new DocumentBinder().bind(new JsonDocumentReader().read("generated.json", MAPPER.writeValueAsBytes(document)));
        new DocumentValidator().validate(doc);
        return DocumentYearData.of(doc);
    }

    /** One LibreOffice run converts them all: starting it once per file would take most of the time. */
    private static void convert(Path dir, List<Path> docx) throws Exception {
        Path profile = Files.createTempDirectory("lo-profile");
        List<String> command = new ArrayList<>(List.of("soffice", "-env:UserInstallation=file://" + profile, "--headless",
                "--convert-to", "pdf", "--outdir", dir.toString()));
        docx.forEach(p -> command.add(p.toString()));
        run(dir, command.toArray(String[]::new));
    }

    private static String run(Path dir, String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(900, TimeUnit.SECONDS), command[0] + " did not finish");
        assertEquals(0, p.exitValue(), command[0] + ": " + out);
        return out;
    }
}
