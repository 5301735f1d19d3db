package org.budgetnarrator.api;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.budgetnarrator.drafting.draft.DraftService;
import org.budgetnarrator.drafting.export.WordReport;
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
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
                if (body.get(i) instanceof XWPFParagraph p && p.getText().equals("九、财政拨款“三公”经费支出决算表")) {
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
}
