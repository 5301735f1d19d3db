package org.budgetnarrator.api.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import org.budgetnarrator.model.domain.Department;
import org.budgetnarrator.model.repo.ChildRows;
import org.budgetnarrator.model.repo.DepartmentPages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** bin/narrator read: published reports (text or PDF) read into the import format, written, imported, audited. */
class ReadCommandTest extends InProcessCommandLine {

    private static final Path SHARED = Path.of("..", "..", "shared");
    private static final Path XIANNING = SHARED.resolve("seeds").resolve("xianning-city-2024-final-accounts.txt");
    private static final Path TEMPLATE = SHARED.resolve("reports").resolve("national-final-accounts-template.pdf");

    /** Every stored department-year, as "CODE YEAR". */
    private List<String> stored() {
        List<String> years = new ArrayList<>();
        try (ApplicationContext context = Contexts.database()) {
            ChildRows rows = context.getBean(ChildRows.class);
            for (Department d : context.getBean(DepartmentPages.class).page(DepartmentPages.Filter.NONE, null, Integer.MAX_VALUE)) {
                for (var y : rows.years(List.of(d.id()))) {
                    years.add(d.code() + " " + y.year());
                }
            }
        }
        return years;
    }

    @Test
    void aTextReportPrintsItsKindYearAndDepartment() {
        assertEquals(0, run("read", XIANNING.toString()), output());
        String line = output().lines().filter(l -> l.startsWith("FINAL_ACCOUNTS")).findFirst().orElseThrow(() -> new AssertionError(output()));
        assertTrue(line.contains("xianning-city-2024-final-accounts.txt") && line.contains("2024 中共咸宁市委外事工作委员会办公室"), line);
        assertTrue(line.matches(".*placed \\d+, uncertain \\d+ \\(\\d+\\.\\d%\\), identities \\d+ held / \\d+ contradicted, (partial|complete)"), line);
        assertTrue(output().contains("1 of 1 file read"), output());
    }

    @Test
    void outWritesTheDocumentInTheImportFormatAndTheReadingReport() throws Exception {
        Path target = dir.resolve("read");
        assertEquals(0, run("read", XIANNING.toString(), "--out", target.toString()), output());
        ObjectMapper mapper = new ObjectMapper();
        JsonNode document = mapper.readTree(target.resolve("xianning-city-2024-final-accounts.json").toFile());
        assertEquals("budget-narrator/department-year@2", document.path("format").asText());
        assertEquals(2024, document.path("year").asInt());
        assertEquals("FINAL_ACCOUNTS", document.path("stage").asText());
        assertEquals("中共咸宁市委外事工作委员会办公室", document.path("department").path("name").asText());
        assertTrue(document.path("publishedTables").isArray(), document.toString());
        JsonNode reading = mapper.readTree(target.resolve("xianning-city-2024-final-accounts.reading.json").toFile());
        assertEquals("FINAL_ACCOUNTS", reading.path("kind").asText());
        for (String field : new String[]{"placedCells", "uncertainCells", "identities", "notes"}) {
            assertTrue(reading.path(field).isArray(), field + ": " + reading);
        }
        assertTrue(reading.path("notes").size() > 0, "the reading says which layout read it, or that none did: " + reading);
        assertEquals(reading.path("placedCells").size() + " placed", output().replaceAll("(?s).*placed (\\d+),.*", "$1") + " placed");
    }

    @Test
    void anEmptyFileIsAClearErrorNamingItAndNothingIsStored() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.txt"), "");
        assertEquals(1, run("read", empty.toString(), "--import"), output());
        assertTrue(output().contains("FAILED  " + empty + "  " + empty + "：文件中没有可读的文字"), output());
        assertTrue(output().contains("0 of 1 file read"), output());
        assertEquals(List.of(), stored());
    }

    @Test
    void aFileThatCannotBeReadDoesNotStopTheNextOne() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.txt"), "");
        assertEquals(1, run("read", empty.toString(), XIANNING.toString()), output());
        assertTrue(output().contains("FAILED  " + empty) && output().contains("FINAL_ACCOUNTS  " + XIANNING), output());
        assertTrue(output().contains("1 of 2 files read"), output());
    }

    @Test
    void anEmptyPdfIsAClearErrorAndNothingIsStored() throws Exception {
        Path empty = Files.write(dir.resolve("empty.pdf"), new byte[0]);
        assertEquals(1, run("read", empty.toString(), "--import"), output());
        assertTrue(output().contains("FAILED  " + empty + "  " + empty + "：不是PDF文件"), output());
        assertEquals(List.of(), stored());
    }

    @Test
    void aFolderIsReadAsItsPdfAndTextFilesInNameOrderWithTheirTablesAndAuditTotal() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("province"));
        Files.copy(SHARED.resolve("reports").resolve("putuo-finance-bureau-2024.pdf"), folder.resolve("b-finance.pdf"));
        Files.copy(XIANNING, folder.resolve("a-xianning.txt"));
        Files.writeString(folder.resolve("notes.md"), "not a report");
        assertEquals(0, run("read", folder.toString(), "--audit"), output());
        String text = output();
        int xianning = text.indexOf("FINAL_ACCOUNTS  " + folder.resolve("a-xianning.txt") + "  2024 中共咸宁市委外事工作委员会办公室");
        int finance = text.indexOf("FINAL_ACCOUNTS  " + folder.resolve("b-finance.pdf") + "  2024 上海市普陀区财政局");
        assertTrue(xianning >= 0 && finance > xianning, text);
        // Both read their tables: hundreds of cells each, every one placed or flagged.
        java.util.regex.Matcher placed = java.util.regex.Pattern.compile("placed (\\d+), uncertain (\\d+)").matcher(text);
        int files = 0;
        while (placed.find()) {
            assertTrue(Integer.parseInt(placed.group(1)) > 150, text);
            files++;
        }
        assertEquals(2, files, text);
        assertTrue(text.contains(" in all\n2 of 2 files read"), text);
    }

    @Test
    void theNationalTemplateIsReportedAsATemplateAndNothingIsStored() throws Exception {
        Path target = dir.resolve("read");
        assertEquals(0, run("read", TEMPLATE.toString(), "--import", "--out", target.toString()), output());
        String text = output();
        assertTrue(text.contains("TEMPLATE        " + TEMPLATE + "  not a department's 部门决算: nothing read, nothing stored"), text);
        assertTrue(text.contains("部门决算模板"), "the note says why: " + text);
        assertTrue(!Files.exists(target.resolve("national-final-accounts-template.json")), "no document is written");
        assertTrue(Files.exists(target.resolve("national-final-accounts-template.reading.json")));
        assertEquals(List.of(), stored());
    }

    @Test
    void importStoresTheXianningSeedThroughTheImporterAtTheLevelItsNameNames() {
        // 中共咸宁市委外事工作委员会办公室: a city's department, judged from its name.
        assertEquals(0, run("read", XIANNING.toString(), "--import"), output());
        assertTrue(output().contains("    ok      xianning-city-2024-final-accounts.json  READ-"), output());
        List<String> years = stored();
        assertEquals(1, years.size(), years.toString());
        assertTrue(years.get(0).startsWith("READ-") && years.get(0).endsWith(" 2024"), years.toString());
    }

    @Test
    void aDepartmentWhoseNameNamesNoPlaceIsNotStoredWithoutALevel(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path file = dir.resolve("unplaced.txt");
        Files.writeString(file, "2024年度部门决算\n部门：某某管理中心 单位：万元\n");
        assertEquals(1, run("read", file.toString(), "--import"), output());
        String text = output();
        assertTrue(text.contains("    FAILED  unplaced.json") && text.contains("$.department.level"), text);
        assertEquals(List.of(), stored());
    }

    @Test
    void importWithALevelStoresTheXianningSeedAsOneDepartmentYear() {
        assertEquals(0, run("read", XIANNING.toString(), "--import", "--level", "CITY"), output());
        assertTrue(output().contains("    ok      xianning-city-2024-final-accounts.json  READ-"), output());
        assertTrue(output().contains("1 of 1 file read, 0 imports failed"), output());
        List<String> years = stored();
        assertEquals(1, years.size(), years.toString());
        assertTrue(years.get(0).matches("READ-[0-9A-Z]+ 2024"), years.toString());
        // Read again, the same department-year is replaced, not added.
        assertEquals(0, run("read", XIANNING.toString(), "--import", "--level", "CITY"), output());
        assertEquals(years, stored());
    }

    @Test
    void auditRunsOverEachDocumentReadAndPrintsATotal() {
        assertEquals(0, run("read", XIANNING.toString(), TEMPLATE.toString(), "--audit", "--level", "CITY"), output());
        String text = output();
        java.util.regex.Matcher audit = java.util.regex.Pattern.compile("\n    audit: (\\d+) errors?, (\\d+) rounding, (\\d+) warnings?\n").matcher(text);
        assertTrue(audit.find(), "the Xianning document is audited: " + text);
        assertTrue(text.contains("\naudit: " + audit.group(1) + " error"), "the total counts the one audited document: " + text);
        assertTrue(text.contains(" in all\n"), text);
        assertEquals(List.of(), stored(), "auditing stores nothing");
    }

    /**
     * A reviewer's run over a PDF with planted problems: the read is partial (a table is missing) and the audit names
     * each problem — the table left out, the title of another year, a total written as 0, 大于 for spending below budget.
     */
    @Test
    void auditOfACopyWithPlantedProblemsPrintsThem() {
        Path planted = SHARED.resolve("reports").resolve("putuo-finance-bureau-2024-planted-problems.pdf");
        assertEquals(0, run("read", planted.toString(), "--audit"), output());
        String text = output();
        assertTrue(text.contains("partial"), text);
        for (String problem : List.of("ERROR T24  报告未公开支出决算表（公开03）", "ERROR W21  “2023年度部门决算”：本报告为2024年度决算",
                "ERROR N01  “上海市普陀区财政局2024年度收入支出总计0万元”", "ERROR W02  “决算数大于预算数的主要原因：人员进出及退休变化",
                "WARNING W20  “截至2023年12月31日”")) {
            assertTrue(text.contains(problem), problem + " in\n" + text);
        }
    }

    @Test
    void withoutALevelTheAuditRunsAtTheLevelTheNameNames() {
        assertEquals(0, run("read", XIANNING.toString(), "--audit"), output());
        assertTrue(output().matches("(?s).*\n    audit: \\d+ errors?, .*"), output());
    }

    @Test
    void readExplainsItself() {
        assertEquals(0, run("read", "--help"));
        assertTrue(output().contains("Usage: narrator read"), output());
    }
}
