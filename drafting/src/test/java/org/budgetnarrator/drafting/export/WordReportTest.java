package org.budgetnarrator.drafting.export;

import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFPicture;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
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
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Word report's structure: A4 and GB/T 9704 margins, heading styles, 第一部分 from the stored duties, the nine
 * tables as stored (totals, carry-overs, 行次, right-aligned money), four captioned charts at print resolution, gaps.
 */
class WordReportTest {

    private static YearData load(String file) throws Exception {
        byte[] json = WordReportTest.class.getResourceAsStream("/demo/" + file).readAllBytes();
        BoundDocument doc = new DocumentBinder().bind(new JsonDocumentReader().read(file, json));
        new DocumentValidator().validate(doc);
        return DocumentYearData.of(doc);
    }

    private static final Path FIXTURES = Path.of("..", "model", "src", "test", "resources", "fixtures", "reports");

    private static YearData fromJson(String name, byte[] json) throws Exception {
        BoundDocument doc = new DocumentBinder().bind(new JsonDocumentReader().read(name, json));
        new DocumentValidator().validate(doc);
        return DocumentYearData.of(doc);
    }

    private static YearData fixture(String name) throws Exception {
        return fromJson(name + ".json", Files.readAllBytes(FIXTURES.resolve(name).resolve("department-year.json")));
    }

    private static Draft draft(YearData data) {
        return DraftEngine.shipped().report(data, StyleProfiles.load("xianning"));
    }

    /** The report's paragraphs after the 目录 (whose entries repeat the headings). */
    private static List<XWPFParagraph> report(XWPFDocument doc) {
        return doc.getParagraphs().stream().filter(p -> p.getStyle() == null || !p.getStyle().startsWith("TOC")).toList();
    }

    private static XWPFParagraph paragraph(XWPFDocument doc, String text) {
        return report(doc).stream().filter(p -> p.getText().equals(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no paragraph " + text));
    }

    private static List<String> texts(XWPFDocument doc) {
        return report(doc).stream().map(XWPFParagraph::getText).toList();
    }

    /** The first table after the heading. */
    private static XWPFTable tableAfter(XWPFDocument doc, String heading) {
        List<IBodyElement> body = doc.getBodyElements();
        int at = body.indexOf(paragraph(doc, heading));
        for (int i = at + 1; i < body.size(); i++) {
            if (body.get(i) instanceof XWPFTable t) {
                return t;
            }
        }
        throw new AssertionError("no table after " + heading);
    }

    private static List<String> cells(XWPFTableRow row) {
        return row.getTableCells().stream().map(XWPFTableCell::getText).toList();
    }

    @Test
    void xianningsReportHasTablesFourChartsAndOfficialFonts() throws Exception {
        YearData data = load("xianning-2024.json");
        Draft report = DraftEngine.shipped().report(data, StyleProfiles.load("xianning"));
        byte[] bytes = WordReport.write(data, report, "abc123");
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            assertEquals(4, doc.getAllPictures().size());
            List<String> captions = report(doc).stream().map(XWPFParagraph::getText).filter(t -> t.startsWith("图")).toList();
            assertEquals(List.of("图1：收、支决算总计变动情况", "图2：收入决算结构", "图3：支出决算结构", "图4：财政拨款收、支决算总计变动情况"), captions);
            XWPFParagraph heading = report(doc).stream().filter(p -> p.getText().equals("一、收入支出决算总体情况说明")).findFirst().orElseThrow();
            assertEquals("黑体", heading.getRuns().get(0).getFontFamily(XWPFRun.FontCharRange.eastAsia));
            XWPFParagraph body = report(doc).stream().filter(p -> p.getText().startsWith("2024年度收、支总计均为429.8万元")).findFirst().orElseThrow();
            assertEquals("仿宋", body.getRuns().get(0).getFontFamily(XWPFRun.FontCharRange.eastAsia));
            assertEquals(7 + 4, doc.getTables().size(), "the seven public tables stored or empty by nature, and the self-evaluation tables");
            assertTrue(tableAfter(doc, "三、支出决算表").getText().contains("244.27"), "公开03 carries 2013501's actual");
            assertTrue(doc.getParagraphs().stream().anyMatch(p -> p.getText().contains("abc123")), "the content hash is printed");
        }
    }

    @Test
    void theReportIsA4WithOfficialMarginsAndANumberedFooter() throws Exception {
        YearData data = load("xianning-2024.json");
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(WordReport.write(data, draft(data), null)))) {
            CTSectPr sect = doc.getDocument().getBody().getSectPr();
            assertEquals(BigInteger.valueOf(11906), sect.getPgSz().getW());
            assertEquals(BigInteger.valueOf(16838), sect.getPgSz().getH());
            assertEquals(BigInteger.valueOf(2098), sect.getPgMar().getTop(), "37 mm");
            assertEquals(BigInteger.valueOf(1984), sect.getPgMar().getBottom(), "35 mm");
            assertEquals(BigInteger.valueOf(1587), sect.getPgMar().getLeft(), "28 mm");
            assertEquals(BigInteger.valueOf(1474), sect.getPgMar().getRight(), "26 mm");
            XWPFFooter footer = doc.getFooterList().stream().filter(f -> f.getText().contains("—")).findFirst().orElseThrow();
            assertTrue(footer.getParagraphs().get(0).getCTP().xmlText().contains("PAGE"), "a PAGE field in the footer");
            assertEquals("— 1 —", footer.getText().strip());
            XWPFStyle normal = doc.getStyles().getStyle("Normal");
            assertEquals("exact", normal.getCTStyle().getPPr().getSpacing().getLineRule().toString());
            assertEquals(BigInteger.valueOf(560), normal.getCTStyle().getPPr().getSpacing().getLine(), "a fixed 28 pt line");
            assertEquals("仿宋", doc.getStyles().getStyle("Normal").getCTStyle().getRPr().getRFontsArray(0).getEastAsia());
        }
    }

    @Test
    void sectionHeadingsUseHeadingStylesWithOutlineLevels() throws Exception {
        YearData data = load("xianning-2024.json");
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(WordReport.write(data, draft(data), null)))) {
            XWPFStyles styles = doc.getStyles();
            assertEquals("heading 1", styles.getStyle("Heading1").getName());
            assertEquals("heading 2", styles.getStyle("Heading2").getName());
            assertEquals("heading 3", styles.getStyle("Heading3").getName());
            assertEquals(BigInteger.ZERO, styles.getStyle("Heading1").getCTStyle().getPPr().getOutlineLvl().getVal());
            assertEquals(BigInteger.ONE, styles.getStyle("Heading2").getCTStyle().getPPr().getOutlineLvl().getVal());
            assertEquals("黑体", styles.getStyle("Heading2").getCTStyle().getRPr().getRFontsArray(0).getEastAsia());
            assertEquals("楷体", styles.getStyle("Heading3").getCTStyle().getRPr().getRFontsArray(0).getEastAsia());
            assertEquals("Heading1", paragraph(doc, "第一部分 部门概况").getStyle());
            assertEquals("Heading1", paragraph(doc, "第二部分 2024年度部门决算表").getStyle());
            assertEquals("Heading1", paragraph(doc, "第三部分 2024年度部门决算情况说明").getStyle());
            assertEquals("Heading2", paragraph(doc, "一、收入支出决算总体情况说明").getStyle());
            assertEquals("Heading2", paragraph(doc, "一、收入支出决算总表").getStyle());
            XWPFParagraph level2 = report(doc).stream().filter(p -> p.getText().startsWith("（一）")).findFirst().orElseThrow();
            assertEquals("Heading3", level2.getStyle(), level2.getText());
        }
    }

    @Test
    void partOneIsTheDepartmentsStoredDutiesAndUnits() throws Exception {
        YearData data = load("xianning-2024.json");
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(WordReport.write(data, draft(data), null)))) {
            List<String> texts = report(doc).stream().map(XWPFParagraph::getText).toList();
            int part = texts.indexOf("第一部分 部门概况");
            int duties = texts.indexOf("一、部门主要职责");
            int units = texts.indexOf("二、机构设置情况");
            assertTrue(part >= 0 && part < duties && duties < units && units < texts.indexOf("第二部分 2024年度部门决算表"), texts.toString());
            assertTrue(texts.get(duties + 1).startsWith("1.贯彻落实党对外事工作的集中统一领导"), texts.get(duties + 1));
            assertTrue(texts.contains("10.完成上级交办的其他事项。"));
            assertEquals("从单位构成看，中共咸宁市委外事工作委员会办公室部门决算由实行独立核算的中共咸宁市委外事工作委员会办公室本级决算和1个下属单位决算组成。",
                    texts.get(units + 1));
            assertFalse(texts.stream().anyMatch(t -> t.contains("财政供养人员")), "Xianning's staff count is not stored: no 人员 sub-part");
            int scope = texts.indexOf("三、部门决算单位构成");
            assertEquals(units + 2, scope, texts.toString());
            assertEquals("纳入本部门2024年度部门决算编制范围的单位共2个，包括：本级中共咸宁市委外事工作委员会办公室；二级单位咸宁市国际交流中心。",
                    texts.get(scope + 1));
        }
    }

    /** The planning bureau's five stored units (its duties are not stored: the units are the first sub-part). */
    @Test
    void theBudgetUnitsAreListedByLevel() throws Exception {
        YearData data = fixture("putuo-planning-bureau-2024");
        assertEquals(5, data.budgetUnits().size());
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(WordReport.write(data, draft(data), null)))) {
            List<String> texts = texts(doc);
            int scope = texts.indexOf("一、部门决算单位构成");
            assertTrue(scope > texts.indexOf("第一部分 部门概况"), texts.toString());
            assertEquals("纳入本部门2024年度部门决算编制范围的单位共5个，包括：本级上海市普陀区规划和自然资源局；二级单位上海市普陀区规划和自然资源局执法大队、"
                    + "上海市普陀区土地发展中心、上海市普陀区自然资源确权登记事务中心、上海市普陀区规划和自然资源管理事务中心。", texts.get(scope + 1));
        }
    }

    /** Without stored units the sub-part is left out, not written from nothing. */
    @Test
    void withoutStoredUnitsThereIsNoUnitParagraph() throws Exception {
        String json = Files.readString(FIXTURES.resolve("putuo-planning-bureau-2024").resolve("department-year.json"));
        com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode tree = (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(json);
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree.get("department")).remove("budgetUnits");
        YearData data = fromJson("no-units.json", mapper.writeValueAsBytes(tree));
        assertTrue(data.budgetUnits().isEmpty());
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(WordReport.write(data, draft(data), null)))) {
            List<String> texts = texts(doc);
            assertTrue(texts.contains("第一部分 部门概况"));
            assertFalse(texts.stream().anyMatch(t -> t.contains("部门决算单位构成") || t.contains("部门决算编制范围")), texts.toString());
        }
    }

    @Test
    void publicTablesPrintTheStoredFiguresRightAlignedUnderTheDepartmentAndUnitLine() throws Exception {
        YearData data = load("xianning-2024.json");
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(WordReport.write(data, draft(data), null)))) {
            XWPFTable t03 = tableAfter(doc, "三、支出决算表");
            assertEquals(List.of("科目编码", "科目名称", "本年支出合计", "基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出"),
                    cells(t03.getRow(0)));
            assertTrue(t03.getRow(0).isRepeatHeader(), "the header repeats on every page");
            XWPFTableRow running = t03.getRows().stream().filter(r -> r.getCell(0).getText().equals("2013501")).findFirst().orElseThrow();
            assertEquals(List.of("2013501", "行政运行", "244.27", "239.50", "4.78", "", "", ""), cells(running));
            assertEquals(ParagraphAlignment.RIGHT, running.getCell(2).getParagraphs().get(0).getAlignment());
            XWPFTableRow medical = t03.getRows().stream().filter(r -> r.getCell(0).getText().equals("2101103")).findFirst().orElseThrow();
            assertEquals(List.of("2101103", "公务员医疗补助", "0.00", "", "", "", "", ""), cells(medical), "0 where stored as 0, blank where blank");
            int[] widths = t03.getRow(0).getTableCells().stream().mapToInt(c -> ((BigInteger) c.getCTTc().getTcPr().getTcW().getW()).intValue()).toArray();
            assertTrue(widths[1] > 2 * widths[2], "the names column is wide, numbers narrow: " + java.util.Arrays.toString(widths));
            int before = doc.getBodyElements().indexOf(t03);
            String unitLine = ((XWPFParagraph) doc.getBodyElements().get(before - 1)).getText();
            assertEquals("部门：中共咸宁市委外事工作委员会办公室\t金额单位：万元", unitLine);
            assertEquals("公开03表", ((XWPFParagraph) doc.getBodyElements().get(before - 2)).getText());

            XWPFTable t09 = tableAfter(doc, "九、财政拨款“三公”经费支出决算表");
            XWPFTableRow total = t09.getRow(1);
            assertEquals("合计", total.getCell(0).getText());
            assertEquals(ParagraphAlignment.CENTER, total.getCell(0).getParagraphs().get(0).getAlignment());
            assertEquals(List.of("合计", "46.35", "46.35", "115.90"), cells(total).subList(0, 4), "the stored 合计, and 全年预算数 as stored");

            XWPFTable t01 = tableAfter(doc, "一、收入支出决算总表");
            XWPFTableRow last = t01.getRow(t01.getNumberOfRows() - 1);
            assertEquals(List.of("总计", "", "总计", ""), cells(last), "总计 faces 总计 on the last line; Xianning's transcription stores neither figure");
            assertEquals("本年收入合计", t01.getRow(t01.getNumberOfRows() - 4).getCell(0).getText());
            assertEquals("本年支出合计", t01.getRow(t01.getNumberOfRows() - 4).getCell(2).getText());
            assertEquals("年初结转和结余", t01.getRow(t01.getNumberOfRows() - 2).getCell(0).getText());
            assertEquals("年末结转和结余", t01.getRow(t01.getNumberOfRows() - 2).getCell(2).getText());

            assertTrue(texts(doc).contains("【待补充：收入决算表（公开02表）的数据未录入】"), "a table not stored is a gap, not a table of zeros");
            XWPFTable t07 = tableAfter(doc, "七、政府性基金预算财政拨款收入支出决算表");
            assertEquals("合计", t07.getRow(1).getCell(1).getText());
            assertTrue(texts(doc).contains("注：本单位无此项内容，本表无数据。"));
        }
    }

    @Test
    void aRealReportsTablesPrintTheirTotalsCarryOversAndOrder() throws Exception {
        YearData data = fixture("putuo-planning-bureau-2024");
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(WordReport.write(data, draft(data), null)))) {
            XWPFTable t01 = tableAfter(doc, "一、收入支出决算总表");
            XWPFTableRow last = t01.getRow(t01.getNumberOfRows() - 1);
            assertEquals(List.of("总计", "9859.38", "总计", "9859.38"), cells(last));
            assertEquals(List.of("本年收入合计", "9746.50", "本年支出合计", "9759.38"), cells(t01.getRow(t01.getNumberOfRows() - 4)));
            assertEquals(List.of("年初结转和结余", "112.88", "年末结转和结余", "100.00"), cells(t01.getRow(t01.getNumberOfRows() - 2)));
            assertEquals(List.of("一、一般公共预算财政拨款收入", "9746.50", "一、一般公共服务支出", ""), cells(t01.getRow(1)));
            XWPFTable t03 = tableAfter(doc, "三、支出决算表");
            assertEquals(List.of("", "合计", "9759.38", "5377.64", "4381.74"), cells(t03.getRow(1)).subList(0, 5));
            List<String> headings = report(doc).stream().filter(p -> "Heading2".equals(p.getStyle())).map(XWPFParagraph::getText).toList();
            assertTrue(headings.containsAll(List.of("七、财政拨款“三公”经费支出决算表", "八、政府性基金预算财政拨款收入支出决算表")),
                    "the report's own order (三公 seventh): " + headings);
        }
    }

    @Test
    void aPrintedLineNumberGetsA行次Column() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode doc0 = (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(
                FIXTURES.resolve("putuo-planning-bureau-2024").resolve("department-year.json").toFile());
        doc0.withArray("publishedTables").forEach(r -> {
            if (r.path("table").asText().equals("T01") && !r.has("period")) {
                int line = switch (r.path("row").asText()) {
                    case "income_grand_total" -> 31;
                    case "expenditure_grand_total" -> 62;
                    default -> 0;
                };
                if (line > 0) {
                    ((com.fasterxml.jackson.databind.node.ObjectNode) r).put("lineNo", line);
                }
            }
        });
        String json = mapper.writeValueAsString(doc0);
        YearData data = fromJson("lines.json", json.getBytes(StandardCharsets.UTF_8));
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(WordReport.write(data, draft(data), null)))) {
            XWPFTable t01 = tableAfter(doc, "一、收入支出决算总表");
            assertEquals(List.of("收入项目", "行次", "决算数", "支出项目", "行次", "决算数"), cells(t01.getRow(0)));
            assertEquals(List.of("总计", "31", "9859.38", "总计", "62", "9859.38"), cells(t01.getRow(t01.getNumberOfRows() - 1)));
        }
    }

    @Test
    void chartsArePlacedAtPrintResolution() throws Exception {
        YearData data = load("xianning-2024.json");
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(WordReport.write(data, draft(data), null)))) {
            for (XWPFPicture picture : doc.getParagraphs().stream().flatMap(p -> p.getRuns().stream()).flatMap(r -> r.getEmbeddedPictures().stream()).toList()) {
                java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(new ByteArrayInputStream(picture.getPictureData().getData()));
                double inches = picture.getWidth() / 72.0;
                assertTrue(image.getWidth() / inches >= 200, "dpi: " + image.getWidth() / inches);
            }
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

    @Test
    void aBudgetYearsDocumentIsItsTargetsWithNoFinalAccountsTableOrWord() throws Exception {
        YearData zhanjiang = load("zhanjiang-2026.json");
        Draft report = DraftEngine.shipped().report(zhanjiang, StyleProfiles.load("default"));
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(WordReport.write(zhanjiang, report, null)))) {
            List<String> texts = texts(doc);
            assertTrue(texts.contains("2026年度部门预算绩效目标"), texts.toString());
            assertTrue(texts.contains("四、部门整体绩效指标"), texts.toString());
            assertTrue(texts.stream().noneMatch(t -> t.contains("决算") || t.contains("自评")), texts.toString());
            assertEquals(0, doc.getTables().size(), "no public table and no self-evaluation table");
            assertEquals(0, WordReport.tableGaps(zhanjiang));
        }
        String md = new String(ReportFiles.markdown(zhanjiang, report), StandardCharsets.UTF_8);
        assertTrue(md.startsWith("# 中共湛江市委外事工作委员会办公室2026年度部门预算绩效目标\n"), md);
    }

    @Test
    void aSelfEvaluationYearsDocumentIsItsBlocksAndItsTable() throws Exception {
        YearData hunan = load("hunan-2024.json");
        Draft report = DraftEngine.shipped().report(hunan, StyleProfiles.load("default"));
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(WordReport.write(hunan, report, null)))) {
            List<String> texts = texts(doc);
            assertTrue(texts.contains("2024年度部门整体支出绩效自评") && texts.contains("绩效自评表")
                    && texts.contains("2024年度部门整体支出绩效自评表"), texts.toString());
            assertTrue(texts.stream().noneMatch(t -> t.contains("决算")), texts.toString());
            assertEquals(1, doc.getTables().size(), "the department's self-evaluation table only");
        }
    }

    /** A section of the document: its body elements and the properties of the page they are printed on. */
    private record Section(List<IBodyElement> elements, CTSectPr page) {
        boolean holds(String text) {
            return elements.stream().anyMatch(e -> e instanceof XWPFParagraph p && p.getText().equals(text)
                    && (p.getStyle() == null || !p.getStyle().startsWith("TOC")));
        }

        boolean landscape() {
            return page.getPgSz().getOrient() != null && page.getPgSz().getOrient().toString().equals("landscape");
        }
    }

    private static List<Section> sections(XWPFDocument doc) {
        List<Section> out = new java.util.ArrayList<>();
        List<IBodyElement> current = new java.util.ArrayList<>();
        for (IBodyElement e : doc.getBodyElements()) {
            current.add(e);
            if (e instanceof XWPFParagraph p && p.getCTP().isSetPPr() && p.getCTP().getPPr().isSetSectPr()) {
                out.add(new Section(current, p.getCTP().getPPr().getSectPr()));
                current = new java.util.ArrayList<>();
            }
        }
        out.add(new Section(current, doc.getDocument().getBody().getSectPr()));
        return out;
    }

    private static Section sectionOf(List<Section> sections, String heading) {
        return sections.stream().filter(s -> s.holds(heading)).findFirst().orElseThrow(() -> new AssertionError("no " + heading));
    }

    private static int width(XWPFTable table) {
        return table.getCTTbl().getTblGrid().getGridColList().stream().mapToInt(c -> ((BigInteger) c.getW()).intValue()).sum();
    }

    /**
     * The planning bureau's 公开02 and 03 (seven and six money columns of up to 7 digits beside names of up to 15
     * characters) and 04 (its four 支出 columns beside both sides' names) do not fit the 156 mm of a portrait page:
     * each is printed on A4 landscape (297 × 210 mm, the margins turned with the sheet), then the report goes on in
     * portrait. 01, 05 and 09 fit, and stay portrait.
     */
    @Test
    void wideTablesArePrintedOnLandscapePages() throws Exception {
        YearData data = fixture("putuo-planning-bureau-2024");
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(WordReport.write(data, draft(data), null)))) {
            List<Section> sections = sections(doc);
            for (String wide : List.of("二、收入决算表", "三、支出决算表", "四、财政拨款收入支出决算总表")) {
                Section s = sectionOf(sections, wide);
                assertTrue(s.landscape(), wide);
                assertEquals(BigInteger.valueOf(16838), s.page().getPgSz().getW(), wide);
                assertEquals(BigInteger.valueOf(11906), s.page().getPgSz().getH(), wide);
                assertEquals(BigInteger.valueOf(1474), s.page().getPgMar().getTop(), "the portrait right margin (26 mm) at the top");
                assertEquals(BigInteger.valueOf(1587), s.page().getPgMar().getBottom(), "the portrait left margin (28 mm) at the bottom");
                assertEquals(BigInteger.valueOf(2098), s.page().getPgMar().getLeft(), "the portrait top margin (37 mm) at the left");
                assertEquals(BigInteger.valueOf(1984), s.page().getPgMar().getRight(), "the portrait bottom margin (35 mm) at the right");
                XWPFTable table = tableAfter(doc, wide);
                int landscapeText = 16838 - 2098 - 1984;
                assertTrue(width(table) > OfficialLayout.TEXT_WIDTH && width(table) <= landscapeText, wide + ": " + width(table));
            }
            assertEquals(sectionOf(sections, "二、收入决算表"), sectionOf(sections, "四、财政拨款收入支出决算总表"),
                    "wide tables in a row share one landscape section");
            for (String narrow : List.of("一、收入支出决算总表", "五、一般公共预算财政拨款支出决算表", "七、财政拨款“三公”经费支出决算表",
                    "第三部分 2024年度部门决算情况说明")) {
                Section s = sectionOf(sections, narrow);
                assertFalse(s.landscape(), narrow);
                assertEquals(BigInteger.valueOf(11906), s.page().getPgSz().getW(), narrow);
                assertEquals(BigInteger.valueOf(2098), s.page().getPgMar().getTop(), narrow);
            }
            assertTrue(width(tableAfter(doc, "五、一般公共预算财政拨款支出决算表")) <= OfficialLayout.TEXT_WIDTH);
            assertEquals(3, sections.size(), "portrait, landscape, portrait");
            // Page numbers run on: only the first section has a first page of its own (the cover's, unnumbered), and
            // the later sections take the numbered footer of the one before them.
            assertTrue(sections.get(0).page().isSetTitlePg());
            assertEquals(2, sections.get(0).page().sizeOfFooterReferenceArray());
            for (Section later : sections.subList(1, sections.size())) {
                assertFalse(later.page().isSetTitlePg());
                assertFalse(later.page().isSetPgNumType() && later.page().getPgNumType().isSetStart(), "numbering is not restarted");
            }
            assertEquals(0, sections.get(1).page().sizeOfFooterReferenceArray(), "the landscape section keeps the numbered footer");
        }
    }

    /** Xianning's stored tables all fit a portrait page: one section, as before. */
    @Test
    void narrowTablesStayPortrait() throws Exception {
        YearData data = load("xianning-2024.json");
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(WordReport.write(data, draft(data), null)))) {
            assertEquals(1, sections(doc).size());
            assertTrue(doc.getDocument().getBody().getSectPr().isSetTitlePg(), "the cover's page is unnumbered");
        }
    }

    /**
     * The 目录 after the cover: a TOC field over heading levels 1–3 that Word updates on opening (the field dirty,
     * updateFields in the settings), holding the line on how to update it and the report's headings in order.
     */
    @Test
    void aTableOfContentsFollowsTheCover() throws Exception {
        YearData data = load("xianning-2024.json");
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(WordReport.write(data, draft(data), null)))) {
            List<XWPFParagraph> paragraphs = doc.getParagraphs();
            List<String> texts = paragraphs.stream().map(XWPFParagraph::getText).toList();
            int title = texts.indexOf("目　录");
            int part1 = texts.lastIndexOf("第一部分 部门概况");
            assertTrue(title > texts.indexOf("2024年度部门决算") && title < part1, texts.subList(0, 10).toString());
            XWPFParagraph field = paragraphs.get(title + 1);
            String xml = field.getCTP().xmlText();
            assertTrue(xml.contains("TOC \\o \"1-3\" \\h \\z \\u"), xml);
            assertTrue(xml.contains("fldCharType=\"begin\"") && xml.contains("dirty=\"true\""), xml);
            assertEquals(Contents.PLACEHOLDER, field.getText());
            assertTrue(doc.getSettings().getCTSettings().isSetUpdateFields(), "Word updates the fields on opening");

            List<String> headings = paragraphs.subList(part1, paragraphs.size()).stream()
                    .filter(p -> p.getStyle() != null && List.of("Heading1", "Heading2", "Heading3").contains(p.getStyle()))
                    .map(XWPFParagraph::getText).toList();
            List<String> entries = texts.subList(title + 2, part1);
            assertEquals(headings, entries);
            assertTrue(entries.containsAll(List.of("第一部分 部门概况", "第二部分 2024年度部门决算表", "三、支出决算表",
                    "第三部分 2024年度部门决算情况说明", "（一）一般公共预算财政拨款支出决算总体情况")), entries.toString());
            assertEquals("TOC1", paragraphs.get(title + 2).getStyle());
            assertEquals("TOC2", paragraphs.get(title + 3).getStyle());
            String last = paragraphs.get(part1 - 1).getCTP().xmlText();
            assertTrue(last.contains("fldCharType=\"end\""), "the field ends with the last entry");
            assertEquals("toc 1", doc.getStyles().getStyle("TOC1").getName());
        }
    }

    /** Where a part opens with a wide table, its heading goes onto the landscape page with the table. */
    @Test
    void aPartHeadingMovesWithTheWideTableThatOpensIt() throws Exception {
        try (XWPFDocument doc = new XWPFDocument()) {
            OfficialLayout.apply(doc);
            WordReport.body(doc, "第一部分的末段。");
            WordReport.part(doc, "第二部分 2024年度部门决算表");
            OfficialLayout.endSection(doc, OfficialLayout.Page.PORTRAIT);
            List<Section> sections = sections(doc);
            assertEquals(2, sections.size());
            assertFalse(sections.get(0).holds("第二部分 2024年度部门决算表"));
            assertTrue(sections.get(0).holds("第一部分的末段。"));
            assertTrue(sections.get(1).holds("第二部分 2024年度部门决算表"));
            assertEquals("", ((XWPFParagraph) sections.get(0).elements().get(sections.get(0).elements().size() - 1)).getText(),
                    "an empty paragraph ends the section before the heading");
        }
    }
}
