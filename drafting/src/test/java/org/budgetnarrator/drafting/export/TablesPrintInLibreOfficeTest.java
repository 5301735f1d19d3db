package org.budgetnarrator.drafting.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.budgetnarrator.drafting.draft.DraftEngine;
import org.budgetnarrator.drafting.draft.StyleProfile;
import org.budgetnarrator.drafting.draft.StyleProfiles;
import org.budgetnarrator.model.domain.PublicTable;
import org.budgetnarrator.model.domain.PublishedRow;
import org.budgetnarrator.model.generate.VariationGenerator;
import org.budgetnarrator.model.imports.BoundDocument;
import org.budgetnarrator.model.imports.DocumentBinder;
import org.budgetnarrator.model.imports.DocumentValidator;
import org.budgetnarrator.model.imports.JsonDocumentReader;
import org.budgetnarrator.model.read.DocumentYearData;
import org.budgetnarrator.model.read.YearData;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * LibreOffice prints every row of a table the .docx holds, wherever the page breaks. ReadBackTest's report-026 (seed
 * 1026) puts 公开08's heading, caption and header row at the foot of a page: LibreOffice's PDF of it once printed the
 * header and none of the rows.
 */
class TablesPrintInLibreOfficeTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void everyFigureOfATableWhoseHeaderFallsAtTheFootOfAPageIsPrinted() throws Exception {
        // report-026 exactly as ReadBackTest builds it: seed 1000 + i, combination i, style i, in turn
        int i = 26;
        List<java.util.Set<VariationGenerator.Variation>> combinations = VariationGenerator.combinations();
        Map<String, Object> document = new VariationGenerator().generate(1000 + i, combinations.get(i % combinations.size()), null).document();
        YearData data = of(document);
        List<String> styles = StyleProfiles.available();
        StyleProfile style = StyleProfiles.load(styles.get(i % styles.size()));
        List<PublishedRow> rows = data.tables().rows(PublicTable.T08);
        List<String> figures = new ArrayList<>();
        for (PublishedRow row : rows) {
            row.cells().forEach((column, value) -> {
                if (column.kind() == PublicTable.Kind.MONEY) {
                    figures.add(WordReport.money(value));
                }
            });
        }
        assertTrue(figures.size() >= 20, "the report's 公开08 holds rows of figures: " + figures);

        Path dir = Path.of("target", "tables-print").toAbsolutePath();
        Files.createDirectories(dir);
        Path docx = dir.resolve("report-026.docx");
        Files.write(docx, WordReport.write(data, DraftEngine.shipped().report(data, style), null));
        Path profile = Files.createTempDirectory("lo-profile");
        run(dir, "soffice", "-env:UserInstallation=file://" + profile, "--headless", "--convert-to", "pdf", "--outdir",
                dir.toString(), docx.toString());
        String text = run(dir, "pdftotext", "-layout", dir.resolve("report-026.pdf").toString(), "-");

        // 公开08's stretch of the PDF: from its number to the next table's (or the 情况说明's part); pdftotext sets the
        // number apart from the CJK around it
        Matcher t08 = Pattern.compile("公开\\s*08\\s*表").matcher(text);
        assertTrue(t08.find(), "公开08's number is printed");
        Matcher next = Pattern.compile("公开\\s*09\\s*表|第三部分").matcher(text);
        int to = next.find(t08.end()) ? next.start() : text.length();
        List<String> printed = new ArrayList<>(List.of(text.substring(t08.end(), to).split("\\s+")));
        List<String> missing = new ArrayList<>();
        for (String figure : figures) {
            // each printed figure stands for one cell: a figure printed twice must stand twice
            if (!printed.remove(figure)) {
                missing.add(figure);
            }
        }
        assertEquals(List.of(), missing, "公开08's figures LibreOffice did not print (of " + figures.size() + ")");
    }

    private static YearData of(Map<String, Object> document) throws Exception {
        BoundDocument doc = new DocumentBinder().bind(new JsonDocumentReader().read("generated.json", MAPPER.writeValueAsBytes(document)));
        new DocumentValidator().validate(doc);
        return DocumentYearData.of(doc);
    }

    private static String run(Path dir, String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), command[0] + " did not finish");
        assertEquals(0, p.exitValue(), command[0] + ": " + out);
        return out;
    }
}
