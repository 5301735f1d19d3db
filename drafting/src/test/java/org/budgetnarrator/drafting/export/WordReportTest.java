package org.budgetnarrator.drafting.export;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.budgetnarrator.drafting.draft.Draft;
import org.budgetnarrator.drafting.draft.DraftEngine;
import org.budgetnarrator.drafting.draft.StyleProfiles;
import org.budgetnarrator.model.imports.BoundDocument;
import org.budgetnarrator.model.imports.DocumentBinder;
import org.budgetnarrator.model.imports.DocumentValidator;
import org.budgetnarrator.model.imports.JsonDocumentReader;
import org.budgetnarrator.model.read.DocumentYearData;
import org.budgetnarrator.model.read.YearData;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Word report's structure: headings and fonts, the nine tables, four captioned charts, highlighted gaps. */
class WordReportTest {

    private static YearData load(String file) throws Exception {
        byte[] json = WordReportTest.class.getResourceAsStream("/demo/" + file).readAllBytes();
        BoundDocument doc = new DocumentBinder().bind(new JsonDocumentReader().read(file, json));
        new DocumentValidator().validate(doc);
        return DocumentYearData.of(doc);
    }

    @Test
    void xianningsReportHasTablesFourChartsAndOfficialFonts() throws Exception {
        YearData data = load("xianning-2024.json");
        Draft report = DraftEngine.shipped().report(data, StyleProfiles.load("xianning"));
        byte[] bytes = WordReport.write(data, report, "abc123");
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            assertEquals(4, doc.getAllPictures().size());
            List<String> captions = doc.getParagraphs().stream().map(XWPFParagraph::getText).filter(t -> t.startsWith("图")).toList();
            assertEquals(List.of("图1：收、支决算总计变动情况", "图2：收入决算结构", "图3：支出决算结构", "图4：财政拨款收、支决算总计变动情况"), captions);
            XWPFParagraph heading = doc.getParagraphs().stream().filter(p -> p.getText().equals("一、收入支出决算总体情况说明")).findFirst().orElseThrow();
            assertEquals("黑体", heading.getRuns().get(0).getFontFamily(XWPFRun.FontCharRange.eastAsia));
            XWPFParagraph body = doc.getParagraphs().stream().filter(p -> p.getText().startsWith("2024年度收、支总计均为429.8万元")).findFirst().orElseThrow();
            assertEquals("仿宋", body.getRuns().get(0).getFontFamily(XWPFRun.FontCharRange.eastAsia));
            assertTrue(doc.getTables().size() >= 9 + 4, "nine public tables and the self-evaluation tables: " + doc.getTables().size());
            assertTrue(doc.getTables().get(2).getText().contains("244.27"), "公开03 carries 2013501's actual");
            assertTrue(doc.getParagraphs().stream().anyMatch(p -> p.getText().contains("abc123")), "the content hash is printed");
        }
    }

    @Test
    void gapsAreHighlighted() throws Exception {
        String json = new String(WordReportTest.class.getResourceAsStream("/demo/xianning-2024.json").readAllBytes(), StandardCharsets.UTF_8)
                .replace("\"subject\": \"account:2013501\"", "\"subject\": \"account:none\"");
        BoundDocument doc = new DocumentBinder().bind(new JsonDocumentReader().read("x.json", json.getBytes(StandardCharsets.UTF_8)));
        new DocumentValidator().validate(doc);
        YearData data = DocumentYearData.of(doc);
        Draft report = DraftEngine.shipped().report(data, StyleProfiles.load("xianning"));
        assertEquals(1, report.missing().size());
        try (XWPFDocument word = new XWPFDocument(new ByteArrayInputStream(WordReport.write(data, report, null)))) {
            XWPFRun gap = word.getParagraphs().stream().flatMap(p -> p.getRuns().stream())
                    .filter(r -> r.text().startsWith("【待补充：行政运行")).findFirst().orElseThrow();
            assertTrue(gap.isHighlighted());
        }
    }

    @Test
    void markdownAndJsonCarryTheSameText() throws Exception {
        YearData data = load("xianning-2024.json");
        Draft report = DraftEngine.shipped().report(data, StyleProfiles.load("xianning"));
        String md = new String(ReportFiles.markdown(data, report), StandardCharsets.UTF_8);
        assertTrue(md.contains("### 一、收入支出决算总体情况说明") && md.contains("2024年度收、支总计均为429.8万元"), md);
        String json = new String(ReportFiles.json(data, report), StandardCharsets.UTF_8);
        assertTrue(json.contains("\"subject\" : \"account:2013501\"") && json.contains("429.8"), json.substring(0, 300));
    }
}
