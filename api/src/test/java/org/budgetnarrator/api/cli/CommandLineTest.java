package org.budgetnarrator.api.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.budgetnarrator.model.imports.RawDocument;
import org.budgetnarrator.model.imports.WorkbookReader;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line in-process: import (files and folders, one line each), template, export, help. */
class CommandLineTest extends InProcessCommandLine {

    private Path demo(String name) throws Exception {
        Path target = dir.resolve("in").resolve(name);
        Files.createDirectories(target.getParent());
        try (InputStream in = getClass().getResourceAsStream("/demo/" + name)) {
            Files.copy(in, target);
        }
        return target;
    }

    @Test
    void theClassDataTrainingRunGoesThroughEveryStepWithoutAnError() {
        // bin/narrator records its class-data archive from this run; a failing step leaves every start without one.
        assertEquals(0, run("train-class-data"), output());
    }

    @Test
    void generateWritesEachDepartmentYearAsItsPublishedWordReport() throws Exception {
        Path reports = dir.resolve("docx");
        assertEquals(0, run("generate", "--departments", "2", "--format", "docx", "--out", reports.toString()), output());
        for (String name : new String[]{"D000001-2024.docx", "D000002-2024.docx"}) {
            try (var in = Files.newInputStream(reports.resolve(name));
                 var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(in)) {
                String text = new org.apache.poi.xwpf.extractor.XWPFWordExtractor(doc).getText();
                assertTrue(text.contains("收入支出决算总表") && text.contains("情况说明"), name + ": " + text.substring(0, Math.min(300, text.length())));
            }
        }
    }

    @Test
    void importsAFolderPrintingOneLinePerFile() throws Exception {
        demo("hunan-2024.json");
        demo("zhanjiang-2026.json");
        assertEquals(0, run("import", dir.resolve("in").toString()));
        String text = output();
        assertTrue(text.contains("ok      ") && text.contains("HN-WB 2024") && text.contains("ZJ-WB 2026"), text);
        assertTrue(text.contains("2 of 2 files imported"), text);
    }

    @Test
    void theRealReportsImportAndExportCellForCell() throws Exception {
        Path fixtures = Path.of("..", "model", "src", "test", "resources", "fixtures", "reports");
        Path in = Files.createDirectories(dir.resolve("reports"));
        for (String report : new String[]{"putuo-planning-bureau-2024", "putuo-finance-bureau-2024", "putuo-social-work-dept-2024"}) {
            Files.copy(fixtures.resolve(report).resolve("department-year.json"), in.resolve(report + ".json"));
        }
        assertEquals(0, run("import", in.toString()));
        assertTrue(output().contains("3 of 3 files imported"), output());
        ObjectMapper mapper = new ObjectMapper();
        for (String[] report : new String[][]{{"putuo-planning-bureau-2024", "SH-PT-GH"}, {"putuo-finance-bureau-2024", "SH-PT-CZ"},
                {"putuo-social-work-dept-2024", "SH-PT-SG"}}) {
            Path out = dir.resolve(report[1] + ".json");
            assertEquals(0, run("export", "-d", report[1], "-y", "2024", "-o", out.toString()));
            JsonNode original = mapper.readTree(in.resolve(report[0] + ".json").toFile()).path("publishedTables");
            JsonNode exported = mapper.readTree(out.toFile()).path("publishedTables");
            assertEquals(original.size(), exported.size(), report[0]);
            for (int i = 0; i < original.size(); i++) {
                var want = original.get(i);
                var got = exported.get(i);
                for (var it = want.fieldNames(); it.hasNext(); ) {
                    String field = it.next();
                    String a = want.get(field).asText();
                    String b = got.path(field).asText();
                    boolean same = a.matches("-?\\d+(\\.\\d+)?") ? new BigDecimal(a).compareTo(new BigDecimal(b)) == 0 : a.equals(b);
                    assertTrue(same, report[0] + " row " + i + " " + field + ": " + a + " vs " + b);
                }
            }
        }
    }

    @Test
    void aBadFileFailsWithItsErrorsAndExitCodeOne() throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"format\": \"budget-narrator/department-year@1\", \"year\": 2024, \"stage\": \"BUDGET\","
                + " \"department\": {\"code\": \"B\", \"name\": \"坏\", \"level\": \"CITY\"},"
                + " \"incomes\": [{\"source\": \"no_such_source\", \"amount\": \"1\"}]}");
        assertEquals(1, run("import", bad.toString()));
        String text = output();
        assertTrue(text.contains("FAILED") && text.contains("$.incomes[0].source") && text.contains("no_such_source"), text);
    }

    @Test
    void templateWritesAWorkbookTheImporterReads() throws Exception {
        Path template = dir.resolve("template.xlsx");
        assertEquals(0, run("template", "--out", template.toString()));
        RawDocument raw = new WorkbookReader().read("template.xlsx", Files.readAllBytes(template));
        assertTrue(raw.problems().isEmpty(), raw.problems().toString());
    }

    @Test
    void exportWritesJsonThatImportsAgain() throws Exception {
        Path file = demo("zhanjiang-2026.json");
        assertEquals(0, run("import", file.toString()));
        Path exported = dir.resolve("out/zhanjiang.json");
        assertEquals(0, run("export", "-d", "ZJ-WB", "-y", "2026", "--out", exported.toString()));
        assertTrue(Files.readString(exported).contains("年度重点工作任务"));
        assertEquals(0, run("import", "--check", exported.toString()));
    }

    @Test
    void auditExitsWithOneWhenAnErrorIsFoundAndZeroWhenNone() throws Exception {
        assertEquals(1, run("audit", demo("xianning-2024.json").toString()));
        assertTrue(output().contains("N03") && output().contains("9.4"), output());
        assertEquals(0, run("audit", demo("hunan-2024.json").toString()));
        assertEquals(0, run("import", dir.resolve("in/hunan-2024.json").toString()));
        assertEquals(0, run("audit", "-d", "HN-WB", "-y", "2024"));
        assertEquals(2, run("audit", "-d", "NOPE", "-y", "2024"));
    }

    @Test
    void draftWritesEveryDepartmentsReportByItsStageSkipsUnchangedOnesAndEmptyOnesAndReportsFailures() throws Exception {
        demo("xianning-2024.json");
        demo("hunan-2024.json");
        demo("shijiazhuang-2024.json");
        demo("zhanjiang-2026.json");
        // A budget-stage year stored with nothing in it: nothing to draft.
        Files.writeString(dir.resolve("in").resolve("empty-2024.json"), "{\"format\":\"budget-narrator/department-year@2\",\"year\":2024,"
                + "\"stage\":\"BUDGET\",\"department\":{\"code\":\"T-EMPTY\",\"name\":\"测试空白部门\",\"level\":\"CITY\"}}");
        assertEquals(0, run("import", dir.resolve("in").toString()), output());
        Path drafts = dir.resolve("drafts");
        out.reset();
        assertEquals(0, run("draft", "--year", "2024", "--all", "--format", "md", "--out", drafts.toString()));
        assertTrue(output().contains("drafted 3 (final accounts 1, self-evaluation 1, budget targets 1), unchanged 0, "
                + "skipped 1 (nothing to draft)"), output());
        assertTrue(output().contains("SKIPPED T-EMPTY 2024: 2024年度部门预算（绩效目标）未录入总体绩效目标、预算金额、重点工作任务和绩效指标，"
                + "无可起草的内容。"), output());
        assertTrue(!Files.exists(drafts.resolve("T-EMPTY-2024.md")), "nothing is written for it");
        String xianning = Files.readString(drafts.resolve("XN-WB-2024.md"));
        String hunan = Files.readString(drafts.resolve("HN-WB-2024.md"));
        String shijiazhuang = Files.readString(drafts.resolve("438001-2024.md"));
        assertTrue(xianning.contains("2024年度收、支总计均为429.8万元"));
        assertTrue(hunan.contains("2024年度部门整体支出绩效自评") && hunan.contains("执行率为84.65%") && !hunan.contains("决算"), hunan);
        assertTrue(shijiazhuang.contains("2024年度部门预算绩效目标") && shijiazhuang.contains("预算项目共8个")
                && !shijiazhuang.contains("决算"), shijiazhuang);
        assertTrue(!Files.exists(drafts.resolve("ZJ-WB-2024.md")), "Zhanjiang has no 2024");
        // The gaps left are the markers the files print.
        int markers = 0;
        for (String text : new String[]{xianning, hunan, shijiazhuang}) {
            markers += text.split("【待补充：", -1).length - 1;
        }
        assertTrue(markers > 0);
        assertTrue(output().contains("gaps left " + markers + " "), markers + " markers: " + output());

        out.reset();
        assertEquals(0, run("draft", "--year", "2024", "--all", "--format", "md", "--out", drafts.toString()));
        assertTrue(output().contains("drafted 0 (final accounts 0, self-evaluation 0, budget targets 0), unchanged 3, skipped 1 "
                + "(nothing to draft), gaps left " + markers + " "), "an unchanged report still has its gaps: " + output());

        assertEquals(0, run("draft", "--year", "2026", "-d", "ZJ-WB", "--format", "md", "--out", drafts.toString()));
        String zhanjiang = Files.readString(drafts.resolve("ZJ-WB-2026.md"));
        assertTrue(zhanjiang.contains("2026年度部门预算绩效目标") && zhanjiang.contains("2026年度部门预算支出1141.23万元")
                && !zhanjiang.contains("决算"), zhanjiang);

        assertEquals(1, run("draft", "--year", "2024", "--department", "NOPE", "XN-WB", "--format", "docx", "--out", drafts.toString()));
        assertTrue(output().contains("FAILED  NOPE 2024: no such department"), output());
        assertTrue(Files.size(drafts.resolve("XN-WB-2024.docx")) > 20_000, "the rest is drafted");

        assertEquals(2, run("draft", "--year", "2024", "--all", "--mode", "POLISH", "--out", drafts.toString()));
    }

    @Test
    void draftInPolishModeWritesTheGuardedModelTextAndARerunAsksNoModel() throws Exception {
        demo("xianning-2024.json");
        assertEquals(0, run("import", dir.resolve("in").toString()));
        try (org.budgetnarrator.api.support.EchoModelServer model = new org.budgetnarrator.api.support.EchoModelServer()) {
            System.setProperty("narrator.llm.base-url", model.baseUrl());
            System.setProperty("narrator.llm.model", "stub-model");
            Path drafts = dir.resolve("polished");
            assertEquals(0, run("draft", "--year", "2024", "-d", "XN-WB", "--mode", "POLISH", "--format", "md", "--out", drafts.toString()));
            assertTrue(output().contains("drafted 1 (final accounts 1,") && output().contains("fallbacks 0, failed 0"), output());
            String text = Files.readString(drafts.resolve("XN-WB-2024.md"));
            assertTrue(text.contains("主要用于保障") && text.contains("2024年度收、支总计均为429.8万元"), text);
            int calls = model.calls();
            assertTrue(calls > 0);

            // Forced again: the same facts are answered from the cache, no model call.
            assertEquals(0, run("draft", "--year", "2024", "-d", "XN-WB", "--mode", "POLISH", "--format", "md", "--force", "--out", drafts.toString()));
            assertEquals(calls, model.calls());

            // A model that invents a number: every section it answered keeps its template text, counted as fallbacks,
            // and the file is not remembered as done, so the next run asks again.
            model.invent = true;
            demo("hunan-2024.json");
            assertEquals(0, run("import", dir.resolve("in/hunan-2024.json").toString()));
            Path other = dir.resolve("invented");
            out.reset();
            assertEquals(0, run("draft", "--year", "2024", "-d", "HN-WB", "--mode", "POLISH", "--format", "docx", "--out", other.toString()));
            java.util.regex.Matcher fallbacks = java.util.regex.Pattern.compile("fallbacks (\\d+), failed 0").matcher(output());
            assertTrue(fallbacks.find() && Integer.parseInt(fallbacks.group(1)) > 0, output());
            out.reset();
            assertEquals(0, run("draft", "--year", "2024", "-d", "HN-WB", "--mode", "POLISH", "--format", "docx", "--out", other.toString()));
            assertTrue(output().contains("drafted 1 (final accounts 0, self-evaluation 1, budget targets 0), unchanged 0"),
                    "not left unchanged while sections fell back: " + output());
        } finally {
            System.clearProperty("narrator.llm.base-url");
            System.clearProperty("narrator.llm.model");
        }
    }

    @Test
    void generateWritesDepartmentYearsTheImporterStores() throws Exception {
        Path generated = dir.resolve("generated");
        assertEquals(0, run("generate", "--departments", "3", "--year", "2023", "--out", generated.toString()));
        assertTrue(Files.exists(generated.resolve("D000003-2023.json")));
        assertEquals(0, run("import", generated.toString()));
        assertTrue(output().contains("3 of 3 files imported"), output());
        assertEquals(2, run("generate", "--departments", "0", "--out", generated.toString()));
    }

    @Test
    void generateWritesWorkbooksAndStoresStraightIntoTheDatabase() throws Exception {
        Path workbooks = dir.resolve("workbooks");
        assertEquals(0, run("generate", "--departments", "2", "--year", "2023,2024", "--format", "xlsx", "--out", workbooks.toString()));
        assertTrue(Files.exists(workbooks.resolve("D000002-2023.xlsx")) && Files.exists(workbooks.resolve("D000002-2024.xlsx")));
        assertEquals(0, run("import", workbooks.toString()));
        assertTrue(output().contains("4 of 4 files imported"), output());

        assertEquals(0, run("generate", "--departments", "5", "--year", "2023,2024", "--into-database"));
        assertTrue(output().contains("stored 10 department-years (5 departments × [2023, 2024])"), output());
        assertEquals(0, run("export", "--department", "D000005", "--year", "2023", "--out", dir.resolve("d5.json").toString()));
        assertTrue(Files.readString(dir.resolve("d5.json")).contains("生成部门5号外事办公室"));
        assertEquals(2, run("generate", "--departments", "2", "--out", workbooks.toString(), "--into-database"));
    }

    @Test
    void theMixedLoadWritesAndReadsAsTheDemoUsersAndCountsEveryOutcome() {
        assertEquals(0, run("load", "--mix", "--database", "sqlite", "--connections", "4", "--seconds", "3"), output());
        String report = output();
        for (String operation : new String[]{"nested query", "a department-year", "audit", "saveDraft, own section",
                "saveDraft, shared section", "setReasons", "checkNarrative", "importDepartmentYear"}) {
            assertTrue(report.contains("| " + operation + " | "), operation + ": " + report);
        }
        assertTrue(report.matches("(?s).*\\| all \\| [1-9][0-9]* \\| [1-9][0-9]* \\| [0-9]+ \\| 0 \\|.*"), report);
    }

    @Test
    void everyCommandExplainsItself() {
        for (String command : new String[]{"serve", "import", "template", "export", "audit", "draft", "bench", "load", "generate", "bench-model"}) {
            assertEquals(0, run(command, "--help"));
        }
        assertTrue(output().contains("Usage: narrator import"), output());
    }
}
