package org.budgetnarrator.model.reading;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.budgetnarrator.model.imports.BoundDocument;
import org.budgetnarrator.model.imports.DocumentBinder;
import org.budgetnarrator.model.imports.DocumentValidator;
import org.budgetnarrator.model.imports.JsonDocumentReader;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The national layout read from the Xianning seed (pdftotext output of a published 部门决算) against the demo fixture
 * transcribed from the same report by hand.
 */
class NationalLayoutReaderTest {

    /** The module runs with user.dir = model/, so the shared seeds are two levels up from it. */
    private static final Path SEED = Path.of("..", "..", "shared", "seeds", "xianning-city-2024-final-accounts.txt");

    /**
     * Cells of the fixture its author took from the 情况说明, not from the tables: Xianning's 公开05 prints 本年支出
     * (小计, 基本支出, 项目支出) only, so 年初预算数 comes from the narrative; its 公开09 prints 预算数 and 决算数 only,
     * so 全年预算数, the counts and the split of 公务接待费 come from the narrative too.
     */
    private static final Set<String> NARRATIVE_COLUMNS = Set.of("T05/initialBudget", "T09/adjustedBudget", "T09/groups",
            "T09/persons", "T09/vehiclesHeld");
    private static final Set<String> NARRATIVE_ROWS = Set.of("T09/RECEPTION_FOREIGN", "T09/RECEPTION_DOMESTIC");

    private static ReportSource seed() throws IOException {
        assertTrue(Files.isRegularFile(SEED), SEED.toAbsolutePath() + " is missing");
        return ReportSource.ofText(SEED.getFileName().toString(), Files.readString(SEED));
    }

    private static JsonNode fixture() throws IOException {
        try (InputStream in = NationalLayoutReaderTest.class.getResourceAsStream("/demo/xianning-2024.json")) {
            assertNotNull(in, "the demo fixture is missing");
            return new ObjectMapper().readTree(in);
        }
    }

    @Test
    void theXianningSeedReadsIntoTheDemoFixturesTableFigures() throws IOException {
        DocumentDraft document = new DocumentDraft();
        ReadingReport report = new ReadingReport();
        new NationalLayoutReader().read(seed(), document, report);

        Map<String, String> read = new HashMap<>();
        for (Map<String, Object> row : document.rows()) {
            for (Map.Entry<String, Object> e : row.entrySet()) {
                if (!Set.of("table", "row", "name", "lineNo", "period").contains(e.getKey())) {
                    read.put(row.get("table") + "/" + row.get("row") + "/" + e.getKey(), String.valueOf(e.getValue()));
                }
            }
        }
        Set<String> flagged = new HashSet<>();
        for (ReadingReport.Uncertain u : report.uncertainCells()) {
            for (String alternative : u.alternatives()) {
                flagged.add(u.row() == null ? u.table() + "/" + alternative.replace('.', '/')
                        : u.table() + "/" + u.row() + "/" + alternative);
            }
        }

        int compared = 0;
        int blank = 0;
        List<String> wrong = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        List<String> uncertain = new ArrayList<>();
        for (JsonNode row : fixture().get("publishedTables")) {
            String table = row.get("table").asText();
            if (!table.matches("T0[1-9]") || row.has("period") || NARRATIVE_ROWS.contains(table + "/" + row.get("row").asText())) {
                continue;
            }
            for (Iterator<String> it = row.fieldNames(); it.hasNext(); ) {
                String column = it.next();
                if (Set.of("table", "row", "name", "lineNo").contains(column) || NARRATIVE_COLUMNS.contains(table + "/" + column)) {
                    continue;
                }
                String cell = table + "/" + row.get("row").asText() + "/" + column;
                BigDecimal expected = new BigDecimal(row.get(column).asText());
                compared++;
                if (flagged.contains(cell)) {
                    uncertain.add(cell);
                } else if (read.containsKey(cell)) {
                    if (new BigDecimal(read.get(cell)).compareTo(expected) != 0) {
                        wrong.add(cell + " read " + read.get(cell) + ", fixture " + expected);
                    }
                } else if (expected.signum() == 0) {
                    blank++; // printed blank: the fixture holds it as 0, the reader leaves it absent
                } else {
                    missing.add(cell + " = " + expected);
                }
            }
        }
        List<ReadingReport.Identity> contradicted = report.identities().stream().filter(i -> !i.holds()).toList();
        System.out.printf("national layout, Xianning 2024: %d cells placed, %d uncertain (%.1f%%); fixture %d cells compared: "
                        + "%d blank as printed, %d flagged uncertain, %d wrong, %d missing; %d identities checked, %d contradicted%n",
                report.placedCells().size(), report.uncertainCells().size(), report.uncertainShare(), compared, blank,
                uncertain.size(), wrong.size(), missing.size(), report.identities().size(), contradicted.size());
        report.uncertainCells().forEach(u -> System.out.println("  uncertain: " + u));
        contradicted.forEach(i -> System.out.println("  contradicted: " + i));
        report.notes().forEach(n -> System.out.println("  note: " + n));

        assertTrue(compared > 90, "the fixture's table cells were compared: " + compared);
        assertEquals(List.of(), wrong, "cells placed with another value than the fixture's");
        assertEquals(List.of(), missing, "fixture cells the reader neither placed nor flagged");
        assertTrue(report.uncertainShare() <= 1.0, "uncertain share " + report.uncertainShare() + "%");
        assertEquals(List.of(), contradicted, "identities the Xianning tables hold");
    }

    @Test
    void everyOneOfTheNineTablesIsFoundAndItsLayoutRecorded() throws IOException {
        DocumentDraft document = new DocumentDraft();
        ReadingReport report = new ReadingReport();
        new NationalLayoutReader().read(seed(), document, report);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> layouts = (List<Map<String, Object>>) document.toDocument().get("tableLayouts");
        assertEquals(List.of("T01", "T02", "T03", "T04", "T05", "T06", "T07", "T08", "T09"),
                layouts.stream().map(l -> l.get("table")).toList());
        assertEquals("收入支出决算总表", layouts.get(0).get("title"));
    }

    @Test
    void aTextWithoutPublicTablesScoresZero() throws IOException {
        ReportSource budget = ReportSource.ofText("targets.txt", Files.readString(
                Path.of("..", "..", "shared", "seeds", "shijiazhuang-city-2024-budget-performance-targets.txt")));
        assertEquals(0, new NationalLayoutReader().score(budget));
        assertEquals(0, new NationalLayoutReader().score(ReportSource.ofText("x.txt", "收入支出决算总表\n合计 429.80\n")));
        assertTrue(new NationalLayoutReader().score(seed()) >= 90);
    }

    @Test
    void theStandardReaderReadsTheSeedAsXianningsFinalAccounts() throws IOException {
        ReadResult result = ReportReader.standard().read(seed());
        assertEquals(ReadResult.ReportKind.FINAL_ACCOUNTS, result.kind());
        assertEquals(2024, result.document().get("year"));
        @SuppressWarnings("unchecked")
        Map<String, Object> department = (Map<String, Object>) result.document().get("department");
        assertEquals("中共咸宁市委外事工作委员会办公室", department.get("name"));
        assertTrue(result.report().placedCells().size() > 100);
    }

    @Test
    void theNarrativeReadsIntoTheFixturesParagraphs() throws IOException {
        DocumentDraft document = new DocumentDraft();
        new NationalLayoutReader().read(seed(), document, new ReadingReport());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> documents = (List<Map<String, Object>>) document.toDocument().get("documents");
        assertNotNull(documents, "no document read");
        JsonNode expected = null;
        for (JsonNode d : fixture().get("documents")) {
            if (d.get("kind").asText().equals("FINAL_ACCOUNTS_NARRATIVE")) {
                expected = d;
            }
        }
        assertNotNull(expected);
        Map<String, Object> narrative = documents.get(0);
        assertEquals("FINAL_ACCOUNTS_NARRATIVE", narrative.get("kind"));
        assertEquals(expected.get("title").asText(), narrative.get("title"));
        List<String> want = List.of(expected.get("text").asText().split("\n"));
        List<String> got = List.of(String.valueOf(narrative.get("text")).split("\n"));
        List<String> differ = new ArrayList<>();
        for (int i = 0; i < Math.max(want.size(), got.size()); i++) {
            String w = i < want.size() ? want.get(i) : "";
            String g = i < got.size() ? got.get(i) : "";
            if (!w.equals(g)) {
                differ.add("#" + i + "\n  fixture: " + w + "\n  read:    " + g);
            }
        }
        System.out.println("narrative: " + got.size() + " paragraphs read, fixture " + want.size() + ", " + differ.size() + " differ");
        differ.stream().limit(8).forEach(System.out::println);
        assertEquals(List.of(), differ);
    }

    private static Set<String> cells(String text) {
        DocumentDraft document = new DocumentDraft();
        ReadingReport report = new ReadingReport();
        new NationalLayoutReader().read(ReportSource.ofText("t.txt", text), document, report);
        Set<String> out = new HashSet<>();
        for (ReadingReport.Placed p : report.placedCells()) {
            out.add(p.table() + "/" + p.row() + "/" + p.column() + "=" + new BigDecimal(p.value()).stripTrailingZeros().toPlainString());
        }
        return out;
    }

    @Test
    void aTableBrokenAcrossPagesWithItsHeaderRepeatedReadsAsTheWholeTable() throws IOException {
        String text = Files.readString(SEED);
        int t05 = text.indexOf("公开 05 表");
        int at = text.indexOf("\n208 ", t05) + 1;
        String pageBreak = "\f五、一般公共预算财政拨款支出决算表\n公开 05 表\n部门：中共咸宁市委外事工作委员会办公室 单位：万元\n"
                + "项目 本年支出\n科目代码 科目名称 小计 基本支出 项目支出\n栏次 1 2 3\n";
        String broken = text.substring(0, at) + pageBreak + text.substring(at);
        Set<String> whole = cells(text);
        assertEquals(whole, cells(broken));
        assertTrue(whole.contains("T05/2210202/basic=4.27"));
    }

    @Test
    void aNameWrappedOntoTheNextLineKeepsItsRowAndFigures() throws IOException {
        String text = Files.readString(SEED);
        int t03 = text.indexOf("公开 03表");
        String row = "2080505 机关事业单位基本养老保险缴费支出 30.70 30.70";
        int at = text.indexOf(row, t03);
        String wrapped = text.substring(0, at) + "2080505 机关事业单位基本养老保险缴\n\n费支出 30.70 30.70" + text.substring(at + row.length());
        String tailAfter = text.substring(0, at) + "2080505 机关事业单位基本养老保险缴 30.70 30.70\n费支出" + text.substring(at + row.length());
        assertEquals(cells(text), cells(tailAfter));
        DocumentDraft after = new DocumentDraft();
        new NationalLayoutReader().read(ReportSource.ofText("t.txt", tailAfter), after, new ReadingReport());
        assertEquals("机关事业单位基本养老保险缴费支出", after.rows().stream()
                .filter(r -> r.get("table").equals("T03") && r.get("row").equals("2080505")).findFirst().orElseThrow().get("name"));
        DocumentDraft document = new DocumentDraft();
        new NationalLayoutReader().read(ReportSource.ofText("t.txt", wrapped), document, new ReadingReport());
        Map<String, Object> read = document.rows().stream()
                .filter(r -> r.get("table").equals("T03") && r.get("row").equals("2080505")).findFirst().orElseThrow();
        assertEquals("机关事业单位基本养老保险缴费支出", read.get("name"));
        assertEquals("30.70", read.get("total"));
        assertEquals("30.70", read.get("basic"));
    }

    /** 03 alone: nothing tells whether the second figure is 基本支出, 项目支出 or another part. */
    private static final String LONE_03 = String.join("\n", "公开03表", "部门：某单位 单位：万元",
            "项目 本年支出合计 基本支出 项目支出 上缴上级支出 经营支出 对附属单位补助支出", "科目代码 科目名称",
            "栏次 1 2 3 4 5 6", "合计 102.77 102.77", "201 一般公共服务支出 102.77 102.77", "注：本表反映部门本年度各项支出情况。", "");

    @Test
    void aFigureThatFitsSeveralColumnsEquallyIsReportedUncertainAndNotPlaced() {
        DocumentDraft document = new DocumentDraft();
        ReadingReport report = new ReadingReport();
        new NationalLayoutReader().read(ReportSource.ofText("t.txt", LONE_03), document, report);
        assertEquals(Set.of("T03/total/total=102.77", "T03/201/total=102.77"), cells(LONE_03));
        assertEquals(2, report.uncertainCells().size());
        for (ReadingReport.Uncertain u : report.uncertainCells()) {
            assertEquals(List.of("basic", "project", "remittance", "business", "subsidiary"), u.alternatives());
            assertEquals("102.77", u.value());
        }
        assertTrue(document.rows().stream().noneMatch(r -> r.containsKey("basic") || r.containsKey("project")));
    }

    @Test
    void aLineNumberColumnInAnAccountTableIsReadAsTheRowsLineNotAsAFigure() {
        String text = String.join("\n", "公开05表", "部门：某单位 单位：万元", "项目 行次 本年支出",
                "科目代码 科目名称 小计 基本支出 项目支出", "栏次 1 2 3", "合计 1 120.00 100.00 20.00",
                "201 一般公共服务支出 2 120.00 100.00 20.00", "20101 人大事务 3 120.00 100.00 20.00",
                "2010101 行政运行 4 100.00 100.00", "2010102 一般行政管理事务 5 20.00 20.00", "注：", "");
        DocumentDraft document = new DocumentDraft();
        ReadingReport report = new ReadingReport();
        new NationalLayoutReader().read(ReportSource.ofText("t.txt", text), document, report);
        Map<String, Object> running = document.rows().stream().filter(r -> r.get("row").equals("2010101")).findFirst().orElseThrow();
        assertEquals(4, running.get("lineNo"));
        assertEquals("100.00", running.get("basic"));
        Map<String, Object> project = document.rows().stream().filter(r -> r.get("row").equals("2010102")).findFirst().orElseThrow();
        assertEquals("20.00", project.get("project"));
        assertEquals(List.of(), report.uncertainCells());
    }

    @Test
    void dashesInEmptyCellsHoldTheirColumnsAndStayAbsent() {
        // where a report prints every empty cell as a dash, the figures stand in their own columns
        String text = LONE_03.replace("合计 102.77 102.77", "合计 102.77 - 102.77 - - -")
                .replace("201 一般公共服务支出 102.77 102.77", "201 一般公共服务支出 102.77 — 102.77 — — —");
        ReadingReport report = new ReadingReport();
        DocumentDraft document = new DocumentDraft();
        new NationalLayoutReader().read(ReportSource.ofText("t.txt", text), document, report);
        assertEquals(List.of(), report.uncertainCells());
        Map<String, Object> row = document.rows().stream().filter(r -> r.get("row").equals("201")).findFirst().orElseThrow();
        assertEquals("102.77", row.get("project"));
        assertEquals(Set.of("table", "row", "name", "total", "project"), row.keySet(), "the dashes are no figures: " + row);
    }

    @Test
    void aWrappedNameInTheTwoSidedTableJoinsTheRowBelowIt() throws IOException {
        String text = Files.readString(SEED).replace("本年收入合计 27 429.8 本年支出合计 58 429.80",
                "本年收入\n合计 27 429.8 本年支出合计 58 429.80");
        ReadingReport report = new ReadingReport();
        new NationalLayoutReader().read(ReportSource.ofText("t.txt", text), new DocumentDraft(), report);
        assertTrue(report.notes().stream().noneMatch(n -> n.contains("公开01")), String.valueOf(report.notes()));
        assertEquals(cells(Files.readString(SEED)), cells(text));
        assertTrue(cells(text).contains("T01/income_total/amount=429.8"));
    }

    @Test
    void theTwoSidedTableBrokenAcrossPagesReadsAsTheWholeTable() throws IOException {
        String text = Files.readString(SEED);
        String at = "19 十九、住房保障支出 50 30.57";
        String broken = text.replace(at, "\f部门：中共咸宁市委外事工作委员会办公室 单位：万元\n收入 支出\n项目 行次 金额 项目 行次 金额\n"
                + "栏次 1 栏次 2\n" + at);
        assertTrue(!broken.equals(text));
        assertEquals(cells(text), cells(broken));
        ReadingReport report = new ReadingReport();
        new NationalLayoutReader().read(ReportSource.ofText("t.txt", broken), new DocumentDraft(), report);
        assertTrue(report.notes().stream().noneMatch(n -> n.contains("公开01")), String.valueOf(report.notes()));
    }

    @Test
    void theDocumentReadFromTheSeedPassesTheImportersValidation() throws IOException {
        DocumentDraft document = new DocumentDraft();
        document.year(2024);
        // the level is the officer's to give (the report does not print it); the rest is what the reader read
        document.department("XN-WB", "中共咸宁市委外事工作委员会办公室", "CITY");
        new NationalLayoutReader().read(seed(), document, new ReadingReport());
        byte[] json = new ObjectMapper().writeValueAsBytes(document.toDocument());
        BoundDocument bound = new DocumentBinder().bind(new JsonDocumentReader().read("read.json", json));
        new DocumentValidator().validate(bound);
        assertEquals(List.of(), bound.problems());
    }

    @Test
    void aColumnEmptyInTheTotalIsEmptyInEveryRowEvenWhereTheRowsAreTooManyToTryEveryPlacement() {
        // eight 类 of two figures each, five columns each could take: 5^8 placements, more than are tried together
        List<String> lines = new ArrayList<>(List.of("公开03表", "部门：某单位 单位：万元",
                "项目 本年支出合计 基本支出 项目支出 上缴上级支出 经营支出 对附属单位补助支出", "科目代码 科目名称",
                "栏次 1 2 3 4 5 6", "合计 36.00 - 36.00 - - -"));
        String[] classes = {"201 一般公共服务支出", "204 公共安全支出", "205 教育支出", "206 科学技术支出",
                "207 文化旅游体育与传媒支出", "208 社会保障和就业支出", "210 卫生健康支出", "213 农林水支出"};
        for (int i = 0; i < classes.length; i++) {
            lines.add(classes[i] + " " + (i + 1) + ".00 " + (i + 1) + ".00");
        }
        lines.add("注：");
        ReadingReport report = new ReadingReport();
        DocumentDraft document = new DocumentDraft();
        new NationalLayoutReader().read(ReportSource.ofText("t.txt", String.join("\n", lines) + "\n"), document, report);
        assertEquals(List.of(), report.uncertainCells());
        assertEquals("8.00", document.rows().stream().filter(r -> r.get("row").equals("213")).findFirst().orElseThrow().get("project"));
    }

    @Test
    void aTableOfContentsNamingThePartsIsNotTakenForTheNarrative() throws IOException {
        String contents = "目录\n第一部分 市委外办概况\n第二部分 2024 年度部门决算表\n第三部分 2024 年度部门决算情况说明\n"
                + "第四部分 其他需要说明的情况\n";
        DocumentDraft document = new DocumentDraft();
        new NationalLayoutReader().read(ReportSource.ofText("t.txt", contents + Files.readString(SEED)), document, new ReadingReport());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> documents = (List<Map<String, Object>>) document.toDocument().get("documents");
        assertTrue(String.valueOf(documents.get(0).get("text")).startsWith("一、收入支出决算总体情况说明\n2024年度收、支总计均为"));
    }

    @Test
    void theThreePublicTableWithoutColumnNumbersIsReadByItsHeadings() throws IOException {
        String text = Files.readString(SEED);
        String numbered = text.replace("1 2 3 4 5 6 7 8 9 10 11 12\n", "");
        assertTrue(!numbered.equals(text));
        Set<String> read = cells(numbered);
        assertTrue(read.contains("T09/OVERSEAS_TRAVEL/actual=33.65"), String.valueOf(read));
        assertEquals(cells(text), read);
    }

    @Test
    void headingsBrokenApartAreReadByTheColumnCountOfTheTemplate() throws IOException {
        String text = Files.readString(SEED);
        int t05 = text.indexOf("公开 05 表");
        String heading = "科目代码 科目名称 小计 基本支出 项目支出";
        int at = text.indexOf(heading, t05);
        // as a layout-preserving conversion prints headings of two lines side by side
        String apart = text.substring(0, at) + "科目代码 科目名称 小计 基本 项目\n支出 支出" + text.substring(at + heading.length());
        ReadingReport report = new ReadingReport();
        new NationalLayoutReader().read(ReportSource.ofText("t.txt", apart), new DocumentDraft(), report);
        assertTrue(report.notes().stream().anyMatch(n -> n.startsWith("公开05表：表头读出")), String.valueOf(report.notes()));
        assertEquals(cells(text), cells(apart));
    }
}
