package org.budgetnarrator.model.reading;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShanghaiLayoutReaderTest {

    /** The module runs with user.dir = model/, so the shared reports are two levels up from it. */
    private static final Path REPORTS = Path.of("..", "..", "shared", "reports");
    private static final Set<String> TABLES = Set.of("T01", "T02", "T03", "T04", "T05", "T06", "T07", "T08", "T09",
            "OFFICE_RUNNING", "PROCUREMENT", "ASSETS", "PERFORMANCE");
    private static final Set<String> NOT_CELLS = Set.of("table", "row", "name", "period", "lineNo", "note");

    /** What the comparison of a read report with its hand transcription came to. */
    record Tally(int cells, int matched, int uncertain, int wrong, int missing, int extra, int notPrinted, int names,
                 List<String> problems) {
        @Override
        public String toString() {
            return cells + " cells: " + matched + " matched, " + uncertain + " uncertain (flagged), " + wrong + " wrong unflagged, "
                    + missing + " missing unflagged, " + extra + " read beyond the transcription, " + notPrinted
                    + " not printed in the tables, " + names + " row names differing"
                    + (problems.isEmpty() ? "" : "\n  " + String.join("\n  ", problems));
        }
    }

    /**
     * Cells of the transcriptions that these reports' tables do not print, taken from the narrative (each fixture's
     * README): 公开05's 年初预算 and 全年预算 (the tables print only 合计, 基本支出 and 项目支出; 五(三) states the budgets),
     * the 三公 counts and the split of 公务接待费 into 外宾 and 国内 (七 states them). The reader of tables must leave them
     * empty: a figure read into one of them counts as read beyond the transcription.
     */
    private static boolean notInTables(String table, String row, String column) {
        return table.equals("T05") && (column.equals("initialBudget") || column.equals("adjustedBudget"))
                || table.equals("T09") && (Set.of("groups", "persons", "vehiclesHeld", "vehiclesBought", "batches").contains(column)
                || row.equals("RECEPTION_FOREIGN") || row.equals("RECEPTION_DOMESTIC"));
    }

    private static Tally compare(String name) throws IOException {
        ReadResult result = ReportReader.standard().read(ReportSource.ofPdf(REPORTS.resolve(name + ".pdf")));
        assertEquals(ReadResult.ReportKind.FINAL_ACCOUNTS, result.kind());
        assertFalse(result.partial(), result.report().notes().toString());
        JsonNode fixture;
        try (InputStream in = ShanghaiLayoutReaderTest.class.getResourceAsStream("/fixtures/reports/" + name + "/department-year.json")) {
            fixture = new ObjectMapper().readTree(in);
        }
        Map<String, String> read = new LinkedHashMap<>();
        Map<String, Object> names = new HashMap<>();
        for (Object o : (List<?>) result.document().get("publishedTables")) {
            Map<?, ?> row = (Map<?, ?>) o;
            if (row.get("period") != null) {
                continue;
            }
            names.put(row.get("table") + "/" + row.get("row"), row.get("name"));
            for (Map.Entry<?, ?> e : row.entrySet()) {
                if (!NOT_CELLS.contains(e.getKey().toString())) {
                    read.put(row.get("table") + "/" + row.get("row") + "/" + e.getKey(), e.getValue().toString());
                }
            }
        }
        Set<String> flagged = new HashSet<>();
        for (ReadingReport.Uncertain u : result.report().uncertainCells()) {
            flagged.add(u.table() + "/" + u.row() + "/" + u.column());
            flagged.addAll(u.alternatives());
        }
        Map<String, String> expected = new LinkedHashMap<>();
        List<String> nameProblems = new java.util.ArrayList<>();
        int notPrinted = 0;
        for (JsonNode row : fixture.get("publishedTables")) {
            String table = row.get("table").asText();
            if (!TABLES.contains(table) || row.has("period")) {
                continue;
            }
            Object printed = names.get(table + "/" + row.get("row").asText());
            if (row.has("name") && !row.get("name").asText().equals(printed)) {
                nameProblems.add("NAME " + table + "/" + row.get("row").asText() + " expected " + row.get("name").asText()
                        + " read " + printed);
            }
            Iterator<Map.Entry<String, JsonNode>> fields = row.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                if (NOT_CELLS.contains(f.getKey())) {
                    continue;
                }
                if (notInTables(table, row.get("row").asText(), f.getKey())) {
                    notPrinted++;
                    continue;
                }
                expected.put(table + "/" + row.get("row").asText() + "/" + f.getKey(), f.getValue().asText());
            }
        }
        int matched = 0, uncertain = 0, wrong = 0, missing = 0, extra = 0;
        List<String> problems = new java.util.ArrayList<>();
        for (Map.Entry<String, String> e : expected.entrySet()) {
            String got = read.get(e.getKey());
            boolean same = got != null && new BigDecimal(got).compareTo(new BigDecimal(e.getValue())) == 0;
            if (flagged.contains(e.getKey())) {
                uncertain++;
                problems.add("uncertain " + e.getKey() + " expected " + e.getValue() + " read " + got);
            } else if (same) {
                matched++;
            } else if (got != null) {
                wrong++;
                problems.add("WRONG " + e.getKey() + " expected " + e.getValue() + " read " + got);
            } else {
                missing++;
                problems.add("MISSING " + e.getKey() + " expected " + e.getValue());
            }
        }
        for (Map.Entry<String, String> e : read.entrySet()) {
            if (!expected.containsKey(e.getKey()) && !flagged.contains(e.getKey())) {
                extra++;
                problems.add("EXTRA " + e.getKey() + " read " + e.getValue());
            }
        }
        problems.addAll(nameProblems);
        Tally tally = new Tally(expected.size(), matched, uncertain, wrong, missing, extra, notPrinted, nameProblems.size(), problems);
        System.out.println(name + ": " + tally);
        long broken = result.report().identities().stream().filter(i -> !i.holds()).count();
        System.out.println(name + ": identities " + result.report().identities().size() + ", not holding " + broken);
        result.report().identities().stream().filter(i -> !i.holds())
                .forEach(i -> System.out.println("  " + i.table() + " " + i.rule() + ": " + i.detail()));
        return tally;
    }

    private static void assertRead(Tally tally) {
        assertTrue(tally.uncertain() <= tally.cells() / 100.0, "uncertain ≤ 1%: " + tally);
        assertEquals(0, tally.wrong(), tally.toString());
        assertEquals(0, tally.missing(), tally.toString());
        assertEquals(0, tally.extra(), tally.toString());
        assertEquals(0, tally.names(), tally.toString());
    }

    @Test
    void theFinanceBureausNineTablesReadIntoTheTranscribedCells() throws IOException {
        assertRead(compare("putuo-finance-bureau-2024"));
    }

    @Test
    void thePlanningBureausNineTablesReadIntoTheTranscribedCells() throws IOException {
        assertRead(compare("putuo-planning-bureau-2024"));
    }

    @Test
    void theSocialWorkDepartmentsNineTablesReadIntoTheTranscribedCells() throws IOException {
        assertRead(compare("putuo-social-work-dept-2024"));
    }

    /**
     * The 情况说明 read from the PDF holds every sentence of the hand transcription's narrative claims
     * (../shared/reports/putuo-planning-bureau-2024/claims.json: 68 sentences, 146 figures), each under the heading the
     * transcription puts it (一、 ……, （一） ……, 1、 ……). Spaces are not compared: the PDF sets spaces between figures and
     * words where the transcription may not.
     */
    @Test
    void theTranscribedReportsNarrativeReadsIntoItsClaimsEachUnderItsHeading() throws IOException {
        ReadResult result = ReportReader.standard().read(ReportSource.ofPdf(REPORTS.resolve("putuo-planning-bureau-2024.pdf")));
        List<?> documents = (List<?>) result.document().get("documents");
        assertEquals(2, documents.size());
        Map<?, ?> narrative = (Map<?, ?>) documents.get(0);
        Map<?, ?> overview = (Map<?, ?>) documents.get(1);
        assertEquals("DEPARTMENT_OVERVIEW", overview.get("kind"));
        assertEquals("第一部分 上海市普陀区规划和自然资源局概况", overview.get("title"));
        System.out.println("overview: " + overview.get("text"));
        // 部门概况 as printed: its functions, then the units its accounts consolidate (局本级, 执法大队, three 事业单位)
        String text = overview.get("text").toString().replaceAll("\\s+", "");
        assertTrue(text.startsWith("一、"), text);
        for (String unit : List.of("执法大队", "土地发展中心", "自然资源确权登记事务中心", "规划和自然资源管理事务中心")) {
            assertTrue(text.contains(unit), unit + " in " + text);
        }
        assertEquals("FINAL_ACCOUNTS_NARRATIVE", narrative.get("kind"));
        assertEquals("第三部分 上海市普陀区规划和自然资源局2024年度部门决算情况说明", narrative.get("title"));
        Map<String, StringBuilder> sections = sections(narrative.get("text").toString());
        JsonNode claims = new ObjectMapper().readTree(REPORTS.resolve("putuo-planning-bureau-2024").resolve("claims.json").toFile());
        List<String> notFound = new java.util.ArrayList<>();
        int figures = 0;
        for (JsonNode claim : claims) {
            String sentence = claim.get("sentence").asText().replaceAll("\\s+", "");
            StringBuilder section = sections.get(claim.get("section").asText());
            if (section == null || !section.toString().contains(sentence)) {
                notFound.add(claim.get("section").asText() + " " + sentence);
            }
            figures += claim.get("numbers").size();
        }
        assertEquals(68, claims.size());
        assertEquals(146, figures);
        assertEquals(List.of(), notFound, "claims not read under their heading");
    }

    /**
     * The tables read from the transcribed report's PDF hold exactly the figures of its hand transcription
     * (../shared/reports/putuo-planning-bureau-2024/data.json, read from the page images): table by table, the printed
     * figures as a multiset, whatever their rows and columns are called on either side (the cells' places are compared
     * with the fixture above). A blank cell is no figure; a printed 0.00 is one.
     */
    @Test
    void theTranscribedReportsTablesHoldExactlyTheFiguresOfItsHandTranscription() throws IOException {
        ReadResult result = ReportReader.standard().read(ReportSource.ofPdf(REPORTS.resolve("putuo-planning-bureau-2024.pdf")));
        JsonNode transcription = new ObjectMapper().readTree(REPORTS.resolve("putuo-planning-bureau-2024").resolve("data.json").toFile());
        Map<String, String> tables = Map.of("收入支出决算总表", "T01", "收入决算表", "T02", "支出决算表", "T03",
                "财政拨款收入支出决算总表", "T04", "一般公共预算财政拨款支出决算表", "T05", "一般公共预算财政拨款基本支出决算表", "T06",
                "政府性基金预算财政拨款收入支出决算表", "T07", "国有资本经营预算财政拨款收入支出决算表", "T08", "财政拨款“三公”经费支出决算表", "T09");
        Map<String, List<BigDecimal>> written = new java.util.TreeMap<>();
        int figures = 0;
        for (JsonNode table : transcription.path("tables")) {
            String key = tables.get(table.path("title").asText());
            List<BigDecimal> values = new java.util.ArrayList<>();
            for (JsonNode row : table.path("rows")) {
                row.path("values").forEach(v -> {
                    if (v.isNumber()) {
                        values.add(v.decimalValue().stripTrailingZeros());
                    }
                });
            }
            figures += values.size();
            values.sort(BigDecimal::compareTo);
            written.put(key, values);
        }
        Map<String, List<BigDecimal>> read = new java.util.TreeMap<>();
        for (String key : written.keySet()) {
            read.put(key, new java.util.ArrayList<>());
        }
        for (Object o : (List<?>) result.document().get("publishedTables")) {
            Map<?, ?> row = (Map<?, ?>) o;
            List<BigDecimal> values = read.get(row.get("table").toString());
            if (row.get("period") != null || values == null) {
                continue;
            }
            for (Map.Entry<?, ?> e : row.entrySet()) {
                if (!NOT_CELLS.contains(e.getKey().toString())) {
                    values.add(new BigDecimal(e.getValue().toString()).stripTrailingZeros());
                }
            }
        }
        read.values().forEach(v -> v.sort(BigDecimal::compareTo));
        assertEquals(9, written.size());
        assertEquals(308, figures, "the transcription's printed numbers");
        assertEquals(written, read);
    }

    private static final java.util.regex.Pattern TOP = java.util.regex.Pattern.compile("^([一二三四五六七八九十]+)、");
    private static final java.util.regex.Pattern SUB = java.util.regex.Pattern.compile("^[（(]([一二三四五六七八九十]+)[）)]");
    private static final java.util.regex.Pattern ITEM = java.util.regex.Pattern.compile("^(\\d{1,2})[、.．]");

    /** The narrative's paragraphs by the heading they stand under, keyed as the transcription keys them: 五, 五(三), 五(三)5. */
    private static Map<String, StringBuilder> sections(String text) {
        Map<String, StringBuilder> out = new LinkedHashMap<>();
        String top = "", sub = "", item = "";
        for (String paragraph : text.split("\n")) {
            java.util.regex.Matcher m;
            if ((m = TOP.matcher(paragraph)).find()) {
                top = m.group(1);
                sub = "";
                item = "";
            } else if ((m = SUB.matcher(paragraph)).find()) {
                sub = "(" + m.group(1) + ")";
                item = "";
            } else if ((m = ITEM.matcher(paragraph)).find()) {
                item = m.group(1);
            }
            out.computeIfAbsent(top + sub + item, k -> new StringBuilder()).append(paragraph.replaceAll("\\s+", ""));
        }
        return out;
    }

    @Test
    void theNationalTemplateIsRecognisedAsTheTemplateNotADepartmentsReport() {
        ReadResult result = ReportReader.standard().read(ReportSource.ofPdf(REPORTS.resolve("national-final-accounts-template.pdf")));
        assertEquals(ReadResult.ReportKind.TEMPLATE, result.kind());
        assertNull(result.document());
    }

    @Test
    void theCopyWithPlantedProblemsReadsAsAFinalAccountsReportAndNamesTheTableItLacks() {
        ReadResult result = ReportReader.standard()
                .read(ReportSource.ofPdf(REPORTS.resolve("putuo-finance-bureau-2024-planted-problems.pdf")));
        assertEquals(ReadResult.ReportKind.FINAL_ACCOUNTS, result.kind());
        assertEquals(2024, result.document().get("year"));
        Map<String, Integer> perTable = new HashMap<>();
        for (ReadingReport.Placed p : result.report().placedCells()) {
            perTable.merge(p.table(), 1, Integer::sum);
        }
        System.out.println("planted problems: placed " + perTable + ", uncertain " + result.report().uncertainCells().size()
                + ", notes " + result.report().notes());
        for (String table : List.of("T01", "T02", "T04", "T05", "T06")) {
            assertTrue(perTable.getOrDefault(table, 0) > 0, table + " read: " + perTable);
        }
        // the planted copy leaves out the 支出决算表 page and prints its 三公 table without figures
        assertEquals(0, perTable.getOrDefault("T03", 0));
        assertEquals(0, perTable.getOrDefault("T09", 0));
        assertTrue(result.report().notes().contains("未找到表“支出决算表”"), result.report().notes().toString());
        assertTrue(result.partial());
        assertEquals(List.of(), result.report().uncertainCells());
    }

    @Test
    void theFinanceBureausTotalsAreCheckedAgainstEachOther() {
        ReadResult result = ReportReader.standard().read(ReportSource.ofPdf(REPORTS.resolve("putuo-finance-bureau-2024.pdf")));
        ReadingReport.Identity total = result.report().identities().stream()
                .filter(i -> i.table().equals("T01") && i.rule().equals("收入总计 = 支出总计")).findFirst().orElseThrow();
        assertTrue(total.holds(), total.detail());
        assertEquals("上海市普陀区财政局", ((Map<?, ?>) result.document().get("department")).get("name"));
        assertEquals("2995.39", total.detail());
        // the published 公开02 rounds its lines: 合计 2946.25 against lines adding up to 2946.26
        assertTrue(result.report().identities().stream().anyMatch(i -> i.table().equals("T02") && !i.holds()
                && i.detail().equals("2946.25 ≠ 2946.26（差 -0.01）")));
        // 十一(二) states 251.25 of procurement as 4.79 of goods, 0 of works and 246.47 of services
        assertTrue(result.report().identities().stream().anyMatch(i -> i.table().equals("PROCUREMENT") && !i.holds()
                && i.detail().equals("251.25 ≠ 251.26（差 -0.01）")));
        assertTrue(result.report().placedCells().stream().anyMatch(p -> p.table().equals("T01") && p.row().equals("221")
                && p.value().equals("445.69") && p.page() == 6));
    }

    @Test
    void eachReadReportPassesTheImportersChecks() throws IOException {
        for (String name : List.of("putuo-finance-bureau-2024", "putuo-planning-bureau-2024", "putuo-social-work-dept-2024")) {
            ReadResult result = ReportReader.standard().read(ReportSource.ofPdf(REPORTS.resolve(name + ".pdf")));
            byte[] json = new ObjectMapper().writeValueAsBytes(result.document());
            org.budgetnarrator.model.imports.RawDocument raw =
                    new org.budgetnarrator.model.imports.JsonDocumentReader().read(name + ".json", json);
            org.budgetnarrator.model.imports.BoundDocument bound = new org.budgetnarrator.model.imports.DocumentBinder().bind(raw);
            new org.budgetnarrator.model.imports.DocumentValidator().validate(bound);
            assertFalse(bound.hasErrors(), name + ": " + bound.problems());
            assertEquals("COUNTY", ((Map<?, ?>) result.document().get("department")).get("level"), name);
        }
    }

    private static ReportLine line(int number, double y, Object... words) {
        List<ReportLine.Word> ws = new java.util.ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < words.length; i += 3) {
            ws.add(new ReportLine.Word((String) words[i], ((Number) words[i + 1]).doubleValue(), ((Number) words[i + 2]).doubleValue()));
            text.append(text.length() == 0 ? "" : " ").append(words[i]);
        }
        return new ReportLine(1, number, text.toString(), ws, y);
    }

    /** A 支出决算表 with a figure set between the 基本支出 and 项目支出 headers: neither column is sure. */
    private static ReportSource spending(double left, double right) {
        return new ReportSource("made.pdf", List.of(
                line(1, 50, "收入支出决算总表", 200, 300),
                line(2, 60, "收入决算表", 200, 260),
                line(3, 70, "财政拨款收入支出决算总表", 200, 330),
                line(4, 100, "支出决算表", 200, 260),
                line(5, 120, "科目编码", 20, 60, "科目名称", 100, 150, "合计", 200, 230, "基本支出", 260, 300, "项目支出", 340, 380),
                line(6, 140, "201", 20, 38, "一般公共服务支出", 100, 190, "10.00", 205, 230, "10.00", left, right)), true);
    }

    @Test
    void aFigureBetweenTwoColumnsIsReportedUncertainWithBothCells() {
        ReadResult result = ReportReader.standard().read(spending(312, 330));
        List<ReadingReport.Uncertain> uncertain = result.report().uncertainCells();
        assertEquals(1, uncertain.size(), uncertain.toString());
        ReadingReport.Uncertain u = uncertain.get(0);
        assertEquals("T03", u.table());
        assertEquals("201", u.row());
        assertEquals(Set.of("T03/201/basic", "T03/201/project"), Set.of(u.column().equals("basic") ? "T03/201/basic" : "T03/201/project",
                u.alternatives().get(0)));
        assertEquals(1, result.report().placedCells().size(), "the 合计 figure stands under its header");
    }

    @Test
    void aFigureUnderItsHeaderIsPlacedInThatColumnWhateverIsBlankBesideIt() {
        ReadResult result = ReportReader.standard().read(spending(350, 380));
        assertEquals(List.of(), result.report().uncertainCells());
        assertTrue(result.report().placedCells().stream().anyMatch(p -> p.row().equals("201") && p.column().equals("project")
                && p.value().equals("10.00")));
        assertTrue(result.report().identities().stream().anyMatch(i -> i.rule().equals("201 行：total = 各栏之和") && i.holds()));
    }

    @Test
    void plainTextIsLeftToTheOtherReadersForItHasNoPositionsInPoints() {
        ReportSource text = ReportSource.ofText("x.txt", "收入支出决算总表\n收入决算表\n支出决算表\n财政拨款收入支出决算总表\n");
        assertEquals(0, new ShanghaiLayoutReader().score(text));
    }
}
