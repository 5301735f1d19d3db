package org.budgetnarrator.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The officer's saved text is the report: report, freezeReport, the Word download and bulk drafting print the
 * latest saved version of a section; a section whose figures changed after its text was saved is marked stale and
 * kept; a save answers the narrative check's findings; recorded indicator reasons fill the self-evaluation cells.
 */
@MicronautTest(transactional = false)
class SavedTextApiTest {

    private static final String EDIT = "（经办人核对后改写：收支总计与公开01表一致。）";

    @Inject
    @Client("/")
    HttpClient http;

    private GraphQLClient admin() {
        return new GraphQLClient(http);
    }

    private JsonNode year(GraphQLClient client, String code, String fields) {
        JsonNode result = client.query("{ department(code: \"" + code + "\") { year(year: 2024) { " + fields + " } } }");
        assertTrue(result.path("errors").isMissingNode(), result.toString());
        return result.path("data").path("department").path("year");
    }

    private JsonNode save(GraphQLClient client, String code, String section, String text) {
        JsonNode result = client.query("mutation($c: String!, $s: SectionKind, $t: String!) { saveDraft(departmentCode: $c, year: 2024, "
                + "section: $s, text: $t) { version origin text findings { ruleId severity message found expected } } }",
                "c", code, "s", section, "t", text);
        assertTrue(result.path("errors").isMissingNode(), result.toString());
        return result.path("data").path("saveDraft");
    }

    private byte[] download(String path, String user) {
        return http.toBlocking().exchange(HttpRequest.GET(path).bearerAuth(GraphQLClient.token(http, user)), byte[].class).body();
    }

    private static String docxText(byte[] docx) throws Exception {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            StringBuilder out = new StringBuilder();
            for (XWPFParagraph p : doc.getParagraphs()) {
                out.append(p.getText()).append('\n');
            }
            return out.toString();
        }
    }

    @Test
    void aSavedSectionIsWhatTheReportTheFreezeTheWordFileAndTheSectionViewPrint() throws Exception {
        GraphQLClient admin = admin();
        String template = year(admin, "XN-WB", "draft(section: TOTALS) { text }").path("draft").path("text").asText();
        String edited = template + EDIT;
        JsonNode saved = save(admin, "XN-WB", "TOTALS", edited);
        assertEquals("EDITED", saved.path("origin").asText());

        JsonNode section = year(admin, "XN-WB", "section(section: TOTALS) { section title text stale saved { version origin } template { text } }")
                .path("section");
        assertEquals(edited, section.path("text").asText(), "the section view prints the saved text");
        assertFalse(section.path("stale").asBoolean(), "nothing changed since the save");
        assertEquals(saved.path("version").asInt(), section.path("saved").path("version").asInt());
        assertEquals(template, section.path("template").path("text").asText(), "the fresh template draft is beside it");
        JsonNode unsaved = year(admin, "XN-WB", "section(section: OFFICE_RUNNING_COST) { text stale saved { version } template { text } }").path("section");
        assertTrue(unsaved.path("saved").isNull() && !unsaved.path("stale").asBoolean(), unsaved.toString());
        assertEquals(unsaved.path("template").path("text").asText(), unsaved.path("text").asText(), "no save: the template's text");

        JsonNode report = year(admin, "XN-WB", "report { text savedSections staleSections facts { offset length display } }").path("report");
        String text = report.path("text").asText();
        assertTrue(text.contains("一、收入支出决算总体情况说明\n" + edited + "\n二、"), text);
        String threePublic = year(admin, "XN-WB", "draft(section: THREE_PUBLIC) { text }").path("draft").path("text").asText();
        assertTrue(text.contains("九、财政拨款“三公”经费支出决算情况说明\n" + threePublic + "\n十、"), "sections nobody saved print the template's: " + text);
        // Other tests of this class save other sections of XN-WB.
        List<String> savedSections = new ArrayList<>();
        report.path("savedSections").forEach(s -> savedSections.add(s.asText()));
        assertTrue(savedSections.contains("TOTALS") && !savedSections.contains("THREE_PUBLIC"), savedSections.toString());
        assertFalse(report.path("staleSections").toString().contains("TOTALS"), report.path("staleSections").toString());
        for (JsonNode fact : report.path("facts")) {
            int at = fact.path("offset").asInt();
            assertEquals(fact.path("display").asText(), text.substring(at, at + fact.path("length").asInt()), "facts keep their places");
        }

        JsonNode frozen = admin.query("mutation { freezeReport(departmentCode: \"XN-WB\", year: 2024) { text } }").path("data").path("freezeReport");
        assertEquals(text, frozen.path("text").asText(), "the frozen report is the printed one");

        String docx = docxText(download("/departments/XN-WB/2024/report.docx", "officer-xn"));
        assertTrue(docx.contains(edited), "the Word report prints the saved text");
        assertFalse(docx.contains(template + "\n"), "and not the template's text of that section");
    }

    @Test
    void aSectionWhoseFiguresChangedAfterItsTextWasSavedIsMarkedStaleAndKept() {
        GraphQLClient admin = admin();
        String saved = "本部门2024年度项目支出绩效自评情况见下表，偏差原因已逐项说明。";
        save(admin, "HN-WB", "SELF_EVALUATION_DEVIATION", saved);
        JsonNode before = year(admin, "HN-WB", "section(section: SELF_EVALUATION_DEVIATION) { stale template { text } }").path("section");
        assertFalse(before.path("stale").asBoolean());
        assertTrue(before.path("template").path("text").asText().contains("4,624.00"), before.toString());

        // The department-year is imported again with another executed total: the figures the section prints change.
        Map<String, Object> doc = Documents.demo("hunan-2024.json");
        @SuppressWarnings("unchecked")
        Map<String, Object> summary = (Map<String, Object>) doc.get("summary");
        summary.put("executed", "4600.00");
        JsonNode imported = admin.query("mutation($d: String!) { importDepartmentYear(document: $d) { stored } }",
                "d", new String(Documents.json(doc), StandardCharsets.UTF_8));
        assertTrue(imported.path("errors").isMissingNode(), imported.toString());

        JsonNode after = year(admin, "HN-WB", "section(section: SELF_EVALUATION_DEVIATION) { text stale saved { version } template { text } }")
                .path("section");
        assertTrue(after.path("stale").asBoolean(), "the data changed after the text was saved: " + after);
        assertEquals(saved, after.path("text").asText(), "the saved text is kept as saved");
        assertTrue(after.path("template").path("text").asText().contains("4,600.00"), "the fresh draft shows the new figure: " + after);
        assertEquals(1, year(admin, "HN-WB", "draftVersions(section: SELF_EVALUATION_DEVIATION) { version }").path("draftVersions").size(),
                "nothing was saved over it");
    }

    @Test
    void savingATextWithAWrongFigureStoresItAndAnswersTheNarrativeChecksFinding() {
        String text = "2024年度一般公共预算财政拨款支出429.8万元，占本年支出合计的100%。与2023年度相比，一般公共预算财政拨款支出减少35.98万元，下降9.4%。";
        GraphQLClient officer = new GraphQLClient(http, "officer-xn");
        JsonNode saved = save(officer, "XN-WB", "GENERAL_BUDGET", text);
        JsonNode findings = saved.path("findings");
        assertTrue(findings.isArray() && findings.size() > 0, saved.toString());
        List<String> errors = new ArrayList<>();
        findings.forEach(f -> {
            if (f.path("severity").asText().equals("ERROR")) {
                errors.add(f.path("message").asText());
            }
        });
        assertTrue(errors.stream().anyMatch(m -> m.contains("9.4")), "the wrong 下降9.4% is an error: " + findings);

        JsonNode checked = officer.query("mutation($t: String!) { checkNarrative(departmentCode: \"XN-WB\", year: 2024, text: $t) "
                + "{ ruleId severity message found expected } }", "t", text).path("data").path("checkNarrative");
        assertEquals(checked, findings, "the save's findings are the narrative check's");

        JsonNode versions = year(officer, "XN-WB", "draftVersions(section: GENERAL_BUDGET) { text findings { ruleId } }").path("draftVersions");
        assertEquals(text, versions.get(versions.size() - 1).path("text").asText(), "the text is stored despite the finding");
        assertTrue(versions.get(versions.size() - 1).path("findings").isNull(), "listed versions carry no findings");
    }

    @Test
    void bulkDraftingPrintsTheSavedTextAndDraftsADepartmentAgainAfterANewSave() throws Exception {
        GraphQLClient admin = admin();
        String template = year(admin, "XN-WB", "draft(section: PROCUREMENT) { text }").path("draft").path("text").asText();
        save(admin, "XN-WB", "PROCUREMENT", template + EDIT);
        Map<String, Object> filter = Map.of("nameContains", "咸宁");
        JsonNode first = finished(admin, admin.run("start-bulk-draft", "year", 2024, "format", "MARKDOWN", "filter", filter));
        assertEquals(1, first.path("total").asInt(), first.toString());
        assertTrue(markdown(admin, first).contains(template + EDIT), "the bulk file prints the saved text");

        String again = template + "（第二次改写。）";
        save(admin, "XN-WB", "PROCUREMENT", again);
        JsonNode second = finished(admin, admin.run("start-bulk-draft", "year", 2024, "format", "MARKDOWN", "filter", filter));
        assertEquals(0, second.path("unchanged").asInt(), "a new save is drafted again, not reused: " + second);
        assertTrue(markdown(admin, second).contains(again));
    }

    private JsonNode finished(GraphQLClient admin, JsonNode started) throws InterruptedException {
        assertTrue(started.path("errors").isMissingNode(), started.toString());
        String id = started.path("data").path("startBulkDraft").path("id").asText();
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (true) {
            JsonNode job = admin.run("draft-job", "id", id).path("data").path("draftJob");
            if (job.path("status").asText().equals("FINISHED")) {
                return job;
            }
            assertTrue(System.nanoTime() < deadline, "the job finishes: " + job);
            Thread.sleep(200);
        }
    }

    private String markdown(GraphQLClient admin, JsonNode job) throws Exception {
        byte[] zip = download(job.path("downloadPath").asText(), "admin");
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                if (entry.getName().equals("XN-WB-2024.md")) {
                    // Markdown writes each paragraph on its own, followed by a blank line.
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\n\n", "\n");
                }
            }
        }
        throw new AssertionError("no XN-WB-2024.md in the job's files");
    }

    @Test
    void recordedIndicatorReasonsFillTheDeviationCellsOfTheWordReportAndTheWorkbook() throws Exception {
        GraphQLClient admin = admin();
        // 新增国际友好城市: target ≥4 对; an actual of 2 对 misses it.
        Map<String, Object> doc = Documents.demo("hunan-2024.json");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> indicators = (List<Map<String, Object>>) doc.get("indicators");
        Map<String, Object> missed = indicators.stream().filter(i -> "新增国际友好城市".equals(i.get("name"))).findFirst().orElseThrow();
        missed.put("actual", "新增2 对");
        JsonNode imported = admin.query("mutation($d: String!) { importDepartmentYear(document: $d) { stored } }",
                "d", new String(Documents.json(doc), StandardCharsets.UTF_8));
        assertTrue(imported.path("errors").isMissingNode(), imported.toString());

        JsonNode gaps = year(admin, "HN-WB", "draft(section: INDICATOR_DEVIATIONS) { missing { subject aspect description } }")
                .path("draft").path("missing");
        JsonNode gap = null;
        for (JsonNode g : gaps) {
            if (g.path("description").asText().contains("新增国际友好城市")) {
                gap = g;
            }
        }
        assertTrue(gap != null, "the missed indicator asks for its reason: " + gaps);
        String reason = "受国际形势影响，两对友城的签约推迟至2025年";
        JsonNode set = admin.run("set-reasons", "code", "HN-WB", "year", 2024, "subject", gap.path("subject").asText(),
                "aspect", "BUDGET", "reasons", List.of(Map.of("note", reason)));
        assertTrue(set.path("errors").isMissingNode(), set.toString());
        String cell = "偏差原因：" + reason + "。";

        try (XWPFDocument word = new XWPFDocument(new ByteArrayInputStream(download("/departments/HN-WB/2024/report.docx", "officer-hn")))) {
            String found = null;
            for (XWPFTable table : word.getTables()) {
                for (XWPFTableRow row : table.getRows()) {
                    if (row.getTableCells().size() == 8 && row.getCell(2).getText().equals("新增国际友好城市")) {
                        found = row.getCell(7).getText();
                    }
                }
            }
            assertEquals(cell, found, "the Word report's 偏差原因分析及改进措施 cell");
        }

        assertEquals(cell, workbookCell(download("/departments/HN-WB/2024/self-evaluation.xlsx", "officer-hn")),
                "the workbook's 偏差原因分析及改进措施 cell, for the department's officer");
        assertNotEquals(cell, workbookCell(download("/departments/HN-WB/2024/self-evaluation.xlsx", "viewer")),
                "recorded reasons are working data: other readers get the published tables");
    }

    private static String workbookCell(byte[] xlsx) throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = book.getSheetAt(0);
            for (Row row : sheet) {
                if (row.getCell(2) != null && row.getCell(2).getStringCellValue().equals("新增国际友好城市")) {
                    return row.getCell(9) == null ? "" : row.getCell(9).getStringCellValue();
                }
            }
        }
        throw new AssertionError("no 新增国际友好城市 row in the workbook");
    }
}
