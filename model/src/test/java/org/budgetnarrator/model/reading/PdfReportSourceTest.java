package org.budgetnarrator.model.reading;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PdfReportSourceTest {

    /** The module runs with user.dir = model/, so the shared reports are two levels up from it. */
    private static final Path REPORTS = Path.of("..", "..", "shared", "reports");

    @Test
    void theFinanceBureausSummaryTableReadsAsLinesWithEachFigureUnderItsColumn() {
        ReportSource source = ReportSource.ofPdf(REPORTS.resolve("putuo-finance-bureau-2024.pdf"));
        assertTrue(source.positioned());
        assertEquals("putuo-finance-bureau-2024.pdf", source.file());
        ReportLine first = source.lines().stream()
                .filter(l -> l.text().startsWith("一、一般公共预算财政拨款收入 ")).findFirst().orElseThrow();
        List<String> words = first.words().stream().map(ReportLine.Word::text).toList();
        assertEquals(List.of("一、一般公共预算财政拨款收入", "2,940.05", "一、一般公共服务支出", "2,106.66"), words);
        ReportLine.Word income = first.words().get(1);
        ReportLine.Word spending = first.words().get(3);
        assertTrue(income.left() < income.right() && income.right() < spending.left(), "positions in points, left to right");
        ReportLine header = source.lines().stream()
                .filter(l -> l.page() == first.page() && l.text().startsWith("项目 决算数")).findFirst().orElseThrow();
        assertTrue(header.y() < first.y(), "lines run top to bottom");
        ReportLine.Word amountHeader = header.words().get(1);
        assertTrue(amountHeader.left() < income.right() && income.left() < amountHeader.right(), "the figure stands under 决算数");
    }

    @Test
    void aLineWithAnEmptyCellKeepsTheGapSoTheFigureStaysInItsOwnColumn() {
        ReportSource source = ReportSource.ofPdf(REPORTS.resolve("putuo-finance-bureau-2024.pdf"));
        ReportLine other = source.lines().stream().filter(l -> l.text().startsWith("八、其他收入 6.20 ")).findFirst().orElseThrow();
        ReportLine general = source.lines().stream()
                .filter(l -> l.text().startsWith("一、一般公共预算财政拨款收入 ")).findFirst().orElseThrow();
        assertEquals(general.words().get(1).right(), other.words().get(1).right(), 1.0, "right-aligned in one column");
    }

    @Test
    void everyPageOfARealReportComesInOrderAndWithoutEmptyLines() {
        ReportSource source = ReportSource.ofPdf(REPORTS.resolve("putuo-social-work-dept-2024.pdf"));
        int page = 1;
        double y = -1;
        for (ReportLine line : source.lines()) {
            assertTrue(line.page() >= page);
            if (line.page() > page) {
                page = line.page();
                y = -1;
            }
            assertTrue(line.y() > y, line.where() + " below the line before it");
            y = line.y();
            assertTrue(!line.words().isEmpty() && !line.text().isBlank());
        }
        assertTrue(page >= 20, "all pages read: " + page);
    }

    @Test
    void aPdfWithoutATextLayerIsRefusedAsAScan(@TempDir Path dir) throws IOException {
        Path scan = dir.resolve("scan.pdf");
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.addRect(100, 100, 200, 300);
                content.fill();
            }
            document.save(scan.toFile());
        }
        ReadException e = assertThrows(ReadException.class, () -> ReportSource.ofPdf(scan));
        assertEquals("scan.pdf", e.file());
        assertEquals("scan.pdf：PDF 没有文字层（可能是扫描件），无法读取；请提供带文字的 PDF 或文本文件", e.getMessage());
    }

    @Test
    void aBrokenPdfIsRefusedWithAMessageNamingTheFile(@TempDir Path dir) throws IOException {
        Path broken = dir.resolve("broken.pdf");
        Files.writeString(broken, "%PDF-1.7\nnot really a pdf");
        ReadException e = assertThrows(ReadException.class, () -> ReportSource.ofPdf(broken));
        assertEquals("broken.pdf", e.file());
        assertTrue(e.getMessage().startsWith("broken.pdf：不是有效的 PDF 文件或文件已损坏"), e.getMessage());
    }

    @Test
    void aPasswordProtectedPdfIsRefusedAsEncrypted(@TempDir Path dir) throws IOException {
        Path locked = dir.resolve("locked.pdf");
        try (PDDocument document = new PDDocument()) {
            document.addPage(new PDPage());
            var policy = new org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy("owner", "secret",
                    new org.apache.pdfbox.pdmodel.encryption.AccessPermission());
            policy.setEncryptionKeyLength(128);
            document.protect(policy);
            document.save(locked.toFile());
        }
        ReadException e = assertThrows(ReadException.class, () -> ReportSource.ofPdf(locked));
        assertEquals("locked.pdf：PDF 已加密（需要密码才能打开），无法读取；请提供未加密的 PDF 或文本文件", e.getMessage());
    }

    @Test
    void aMissingFileIsRefusedByName() {
        ReadException e = assertThrows(ReadException.class, () -> ReportSource.ofPdf(REPORTS.resolve("no-such-report.pdf")));
        assertEquals("no-such-report.pdf", e.file());
    }
}
