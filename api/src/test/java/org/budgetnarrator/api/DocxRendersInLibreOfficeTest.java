package org.budgetnarrator.api;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.budgetnarrator.drafting.draft.DraftService;
import org.budgetnarrator.drafting.export.WordReport;
import org.budgetnarrator.model.imports.DepartmentYearImporter;
import org.budgetnarrator.model.imports.ImportResult;
import org.budgetnarrator.model.read.YearData;
import org.budgetnarrator.model.read.YearDataReader;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Real software opens the Word report: LibreOffice (headless) converts it to PDF and pdftoppm renders its pages
 * to PNG, kept in target/artifacts. .ci/run installs libreoffice-writer-nogui, poppler-utils and CJK fonts.
 */
@MicronautTest(transactional = false)
class DocxRendersInLibreOfficeTest {

    @Inject
    YearDataReader reader;

    @Inject
    DraftService drafts;

    @Inject
    DepartmentYearImporter importer;

    private static final Path PLANNING = Path.of("..", "model", "src", "test", "resources", "fixtures", "reports",
            "putuo-planning-bureau-2024", "department-year.json");
    private static final Pattern PAGE_SIZE = Pattern.compile("Page\\s+(\\d+) size:\\s+([\\d.]+) x ([\\d.]+) pts");

    private static String run(Path dir, String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), String.join(" ", command) + " did not finish");
        assertEquals(0, p.exitValue(), String.join(" ", command) + ": " + out);
        return out;
    }

    @Test
    void libreOfficeOpensTheReportAndItsPagesRender() throws Exception {
        YearData data = reader.read("XN-WB", 2024).orElseThrow();
        Path artifacts = Path.of("target", "artifacts").toAbsolutePath();
        Files.createDirectories(artifacts);
        Path docx = artifacts.resolve("XN-WB-2024.docx");
        Files.write(docx, WordReport.write(data, drafts.report("XN-WB", 2024, null).orElseThrow(), null));
        Path profile = Files.createTempDirectory("lo-profile");
        run(artifacts, "soffice", "-env:UserInstallation=file://" + profile, "--headless", "--convert-to", "pdf", "--outdir",
                artifacts.toString(), docx.toString());
        Path pdf = artifacts.resolve("XN-WB-2024.pdf");
        assertTrue(Files.size(pdf) > 50_000, "a PDF was written");
        String text = run(artifacts, "pdftotext", pdf.toString(), "-");
        assertTrue(text.contains("第三部分") && text.contains("收入支出决算总体情况说明"), "the PDF carries the report's text");
        run(artifacts, "pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "6", pdf.toString(), artifacts.resolve("report-page").toString());
        File[] pages = artifacts.toFile().listFiles((d, n) -> n.startsWith("report-page") && n.endsWith(".png"));
        assertTrue(pages != null && pages.length >= 5, "pages rendered: " + (pages == null ? 0 : pages.length));
        assertTrue(List.of(pages).stream().allMatch(f -> f.length() > 5_000));
    }

    @Test
    void theWordReportIsA4WithPageNumbers() throws Exception {
        YearData data = reader.read("XN-WB", 2024).orElseThrow();
        Path dir = Files.createTempDirectory("a4");
        Path docx = dir.resolve("XN-WB-2024-a4.docx");
        byte[] bytes = WordReport.write(data, drafts.report("XN-WB", 2024, null).orElseThrow(), null);
        Files.write(docx, bytes);
        Path profile = Files.createTempDirectory("lo-profile");
        run(dir, "soffice", "-env:UserInstallation=file://" + profile, "--headless", "--convert-to", "pdf", "--outdir",
                dir.toString(), docx.toString());
        Path pdf = dir.resolve("XN-WB-2024-a4.pdf");
        String info = run(dir, "pdfinfo", pdf.toString());
        assertTrue(Pattern.compile("Page size:\\s+595\\.\\d+ x 841\\.\\d+ pts").matcher(info).find()
                || Pattern.compile("Page size:\\s+595\\.\\d+ x 842(\\.0+)? pts").matcher(info).find(), info);
        for (int page = 2; page <= 3; page++) {
            List<String> lines = run(dir, "pdftotext", "-layout", "-f", String.valueOf(page), "-l", String.valueOf(page), pdf.toString(), "-")
                    .lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
            String footer = lines.get(lines.size() - 1);
            assertTrue(footer.matches("—\\s*" + page + "\\s*—"), "page " + page + " ends with its number: " + footer);
        }
        List<String> first = run(dir, "pdftotext", "-layout", "-f", "1", "-l", "1", pdf.toString(), "-")
                .lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        assertTrue(first.stream().noneMatch(l -> l.matches("—\\s*1\\s*—")), "the cover has no number: " + first);

        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            assertEquals("heading 1", doc.getStyles().getStyle("Heading1").getName());
            assertEquals("heading 2", doc.getStyles().getStyle("Heading2").getName());
            List<String> parts = doc.getParagraphs().stream().filter(p -> "Heading1".equals(p.getStyle())).map(XWPFParagraph::getText).toList();
            assertEquals(List.of("第一部分 部门概况", "第二部分 2024年度部门决算表", "第三部分 2024年度部门决算情况说明", "第六部分 绩效自评表"), parts);
            List<String> sections = doc.getParagraphs().stream().filter(p -> "Heading2".equals(p.getStyle())).map(XWPFParagraph::getText).toList();
            assertTrue(sections.containsAll(List.of("一、部门主要职责", "一、收入支出决算总表", "九、财政拨款“三公”经费支出决算表",
                    "一、收入支出决算总体情况说明")), sections.toString());
            // The stored 合计 of 公开09 (the one printed total Xianning's transcription holds), money right-aligned.
            XWPFTable t09 = null;
            List<IBodyElement> body = doc.getBodyElements();
            for (int i = 0; i < body.size() && t09 == null; i++) {
                // The heading itself, not its entry in the 目录.
                if (body.get(i) instanceof XWPFParagraph p && p.getText().equals("九、财政拨款“三公”经费支出决算表")
                        && "Heading2".equals(p.getStyle())) {
                    for (int j = i + 1; j < body.size() && t09 == null; j++) {
                        if (body.get(j) instanceof XWPFTable t) {
                            t09 = t;
                        }
                    }
                }
            }
            assertTrue(t09 != null, "公开09 is printed");
            XWPFTableRow total = t09.getRow(1);
            assertEquals("合计", total.getCell(0).getText());
            assertEquals("46.35", total.getCell(2).getText(), "决算数 合计");
            assertEquals(ParagraphAlignment.RIGHT, total.getCell(2).getParagraphs().get(0).getAlignment());
            assertEquals(ParagraphAlignment.RIGHT, total.getCell(1).getParagraphs().get(0).getAlignment(),
                    t09.getRow(0).getTableCells().stream().map(c -> c.getText()).toList() + " / " + total.getTableCells().stream().map(c -> c.getText()).toList());
        }
    }

    /** The PDF LibreOffice makes of the docx, in a folder of its own. */
    private static Path pdf(byte[] docx, String name) throws Exception {
        Path dir = Files.createTempDirectory(name);
        Path file = dir.resolve(name + ".docx");
        Files.write(file, docx);
        Path profile = Files.createTempDirectory("lo-profile");
        run(dir, "soffice", "-env:UserInstallation=file://" + profile, "--headless", "--convert-to", "pdf", "--outdir",
                dir.toString(), file.toString());
        return dir.resolve(name + ".pdf");
    }

    /** A page's text without the spaces pdftotext puts between CJK characters and figures. */
    private static String page(Path pdf, int page) throws Exception {
        return run(pdf.getParent(), "pdftotext", "-f", String.valueOf(page), "-l", String.valueOf(page), pdf.toString(), "-")
                .replaceAll("\\s+", "");
    }

    /**
     * The planning bureau's report from the database: its wide tables (公开02, 03, 04) on A4 landscape pages in the
     * PDF (842 × 595 pt) as in the docx, the pages before and after them portrait, every page after the cover
     * numbered in one run through the landscape ones; the 目录 after the cover lists the parts and sections; 第一部分
     * lists its five budget units.
     */
    @Test
    void wideTablesAreLandscapeTheContentsListTheHeadingsAndTheUnitsArePrinted() throws Exception {
        ImportResult imported = importer.importContent("planning.json", Files.readAllBytes(PLANNING));
        assertTrue(imported.stored(), () -> imported.errors().toString());
        YearData data = reader.read("SH-PT-GH", 2024).orElseThrow();
        assertEquals(5, data.budgetUnits().size(), "the units from the database");
        byte[] bytes = WordReport.write(data, drafts.report("SH-PT-GH", 2024, null).orElseThrow(), null);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            String xml = doc.getDocument().xmlText();
            assertTrue(Pattern.compile("<w:pgSz w:w=\"16838\" w:h=\"11906\" w:orient=\"landscape\"/>").matcher(xml).find(),
                    "a landscape section in the docx");
            assertTrue(doc.getParagraphs().stream().anyMatch(p -> p.getText().startsWith("纳入本部门2024年度部门决算编制范围的单位共5个，包括：本级上海市普陀区规划和自然资源局；二级单位")));
        }
        Path pdf = pdf(bytes, "SH-PT-GH-2024");
        String info = run(pdf.getParent(), "pdfinfo", "-f", "1", "-l", "999", pdf.toString());
        List<Boolean> landscape = new ArrayList<>();
        Matcher m = PAGE_SIZE.matcher(info);
        while (m.find()) {
            double w = Double.parseDouble(m.group(2));
            double h = Double.parseDouble(m.group(3));
            assertTrue(Math.abs(Math.max(w, h) - 841.89) < 1 && Math.abs(Math.min(w, h) - 595.3) < 1, "A4: " + m.group());
            landscape.add(w > h);
        }
        int first = landscape.indexOf(true);
        int last = landscape.lastIndexOf(true);
        assertTrue(first > 0, "landscape pages: " + landscape);
        for (int i = first; i <= last; i++) {
            assertTrue(landscape.get(i), "the wide tables' pages are landscape in one run: " + landscape);
        }
        assertTrue(page(pdf, first + 1).contains("二、收入决算表"), "公开02 opens the landscape pages");
        assertTrue(page(pdf, first).contains("一、收入支出决算总表") || page(pdf, first - 1).contains("一、收入支出决算总表"),
                "公开01 fits a portrait page");
        assertFalse(landscape.get(last + 1));
        assertTrue(page(pdf, last + 2).contains("五、一般公共预算财政拨款支出决算表"), "portrait again after them");
        for (int p = 2; p <= landscape.size(); p++) {
            List<String> lines = run(pdf.getParent(), "pdftotext", "-layout", "-f", String.valueOf(p), "-l", String.valueOf(p), pdf.toString(), "-")
                    .lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
            String footer = lines.get(lines.size() - 1);
            assertTrue(footer.matches("—\\s*" + p + "\\s*—"), "page " + p + (landscape.get(p - 1) ? " (landscape)" : "") + " ends with its number: " + footer);
        }
        String contents = page(pdf, 2);
        assertTrue(contents.startsWith("目录"), contents);
        int part1 = contents.indexOf("第一部分部门概况");
        int part2 = contents.indexOf("第二部分2024年度部门决算表");
        assertTrue(part1 >= 0 && part2 > part1 && contents.indexOf("三、支出决算表") > part2, "the 目录 lists the headings: " + contents);
        assertTrue(page(pdf, 1).contains("2024年度部门决算") && !page(pdf, 1).contains("第一部分"), "the cover comes first");
        String all = run(pdf.getParent(), "pdftotext", pdf.toString(), "-").replaceAll("\\s+", "");
        assertTrue(all.contains("纳入本部门2024年度部门决算编制范围的单位共5个"), "the units paragraph is printed");
    }

    /** XN-WB stores its two units: 第一部分 lists them; HN-WB stores none: its document names no units. */
    @Test
    void theUnitsParagraphFollowsTheStoredUnits() throws Exception {
        YearData xianning = reader.read("XN-WB", 2024).orElseThrow();
        assertEquals(List.of("本级", "二级"), xianning.budgetUnits().stream().map(u -> u.kind()).toList());
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(
                WordReport.write(xianning, drafts.report("XN-WB", 2024, null).orElseThrow(), null)))) {
            assertTrue(doc.getParagraphs().stream().anyMatch(p -> p.getText().equals(
                    "纳入本部门2024年度部门决算编制范围的单位共2个，包括：本级中共咸宁市委外事工作委员会办公室；二级单位咸宁市国际交流中心。")));
        }
        YearData hunan = reader.read("HN-WB", 2024).orElseThrow();
        assertTrue(hunan.budgetUnits().isEmpty());
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(
                WordReport.write(hunan, drafts.report("HN-WB", 2024, null).orElseThrow(), null)))) {
            // HN-WB holds a self-evaluation, printed without the 决算's 第一部分; a 决算 without units is WordReportTest's.
            assertFalse(doc.getParagraphs().stream().anyMatch(p -> p.getText().contains("部门决算编制范围") || p.getText().contains("部门决算单位构成")));
        }
    }
}
