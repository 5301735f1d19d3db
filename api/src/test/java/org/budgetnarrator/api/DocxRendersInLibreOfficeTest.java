package org.budgetnarrator.api;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.budgetnarrator.drafting.draft.DraftService;
import org.budgetnarrator.drafting.export.WordReport;
import org.budgetnarrator.model.read.YearData;
import org.budgetnarrator.model.read.YearDataReader;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

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
}
