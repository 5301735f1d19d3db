package org.budgetnarrator.api;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.budgetnarrator.model.imports.DepartmentYearImporter;
import org.budgetnarrator.model.imports.ImportProblem;
import org.budgetnarrator.model.imports.ImportResult;
import org.budgetnarrator.model.imports.WorkbookWriter;
import org.budgetnarrator.model.store.DepartmentYearStore;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each kind of bad input is reported with where (file, JSON path or sheet/row/column) and what (the value
 * found, what was expected), every error of the file at once, and the database is left exactly as it was.
 */
@MicronautTest(transactional = false)
class ImportErrorsTest {

    @Inject
    DepartmentYearImporter importer;

    @Inject
    DataSource dataSource;

    @Inject
    DepartmentYearStore store;

    /** Imports the content, asserts it failed and changed nothing, and returns its errors. */
    private List<ImportProblem> rejected(String name, byte[] content) {
        String before = Database.snapshot(dataSource);
        ImportResult result = importer.importContent(name, content);
        assertFalse(result.stored(), "a file with errors must not be stored");
        assertFalse(result.errors().isEmpty());
        assertEquals(before, Database.snapshot(dataSource), "the database must be unchanged");
        result.errors().forEach(p -> assertTrue(p.message().contains(name), () -> "names the file: " + p.message()));
        return result.errors();
    }

    private List<ImportProblem> rejectedJson(Consumer<Map<String, Object>> breakIt) {
        Map<String, Object> doc = Documents.small("T-ERR", 2024);
        breakIt.accept(doc);
        return rejected("bad.json", Documents.json(doc));
    }

    private static ImportProblem only(List<ImportProblem> errors) {
        assertEquals(1, errors.size(), () -> "errors: " + errors.stream().map(ImportProblem::message).toList());
        return errors.get(0);
    }

    @Test
    void theSmallDocumentItselfImports() {
        ImportResult result = importer.importContent("good.json", Documents.json(Documents.small("T-GOOD", 2024)));
        assertTrue(result.stored(), () -> result.problems().toString());
    }

    @Test
    void wrongTypeNamesThePathTheValueAndTheExpectation() {
        ImportProblem p = only(rejectedJson(doc -> Documents.account(doc, 2).put("actual", "二百四十四")));
        assertEquals("$.accounts[2].actual", p.location().jsonPath());
        assertEquals("二百四十四", p.value());
        assertTrue(p.expected().contains("amount"), p.expected());
        assertTrue(p.message().contains("决算数"), p.message());
    }

    @Test
    void thousandsSeparatorsAreRejectedNotGuessed() {
        ImportProblem p = only(rejectedJson(doc -> Documents.account(doc, 2).put("actual", "1,069.37")));
        assertEquals("1,069.37", p.value());
    }

    @Test
    void missingRequiredFieldIsReported() {
        ImportProblem p = only(rejectedJson(doc -> Documents.account(doc, 2).remove("name")));
        assertEquals("$.accounts[2].name", p.location().jsonPath());
        assertTrue(p.expected().startsWith("missing; required"), p.expected());
    }

    @Test
    void malformedAccountCodeIsAnError() {
        ImportProblem p = only(rejectedJson(doc -> Documents.account(doc, 2).put("code", "201350")));
        assertEquals("201350", p.value());
        assertTrue(p.expected().contains("3 (类), 5 (款) or 7 (项) digits"), p.expected());
    }

    @Test
    void unknownAccountCodeWithoutAKnownParentIsAnError() {
        List<ImportProblem> errors = rejectedJson(doc -> Documents.accounts(doc).add(Documents.line("2999901", "虚构项目", "1.00")));
        ImportProblem p = errors.stream().filter(e -> "2999901".equals(e.value())).findFirst().orElseThrow();
        assertTrue(p.expected().contains("parent 29999"), p.expected());
        assertEquals("$.accounts[4].code", p.location().jsonPath());
    }

    @Test
    void nameContradictingTheCatalogueIsAnError() {
        ImportProblem p = only(rejectedJson(doc -> Documents.account(doc, 2).put("name", "财政事务")));
        assertTrue(p.expected().contains("行政运行"), p.expected());
    }

    @Test
    void duplicateLineIsReportedWithBothPlaces() {
        ImportProblem p = only(rejectedJson(doc -> Documents.accounts(doc).add(Documents.line("2013501", "行政运行", "1.00"))));
        assertEquals("$.accounts[4].code", p.location().jsonPath());
        assertTrue(p.expected().contains("duplicate") && p.expected().contains("$.accounts[2]"), p.expected());
    }

    @Test
    void negativeAmountIsRejected() {
        ImportProblem p = only(rejectedJson(doc -> Documents.account(doc, 3).put("actual", "-20.50")));
        assertEquals("-20.50", p.value());
        assertTrue(p.expected().contains("not negative"), p.expected());
    }

    @Test
    void malformedJsonGivesTheLine() {
        byte[] content = "{\n  \"format\": \"budget-narrator/department-year@1\",\n  \"year\": 2024,\n  \"department\": {\"code\": \"X\"\n"
                .getBytes(StandardCharsets.UTF_8);
        ImportProblem p = only(rejected("broken.json", content));
        assertTrue(p.expected().startsWith("malformed JSON"), p.expected());
        assertTrue(p.location().line() >= 4, () -> "line " + p.location().line());
    }

    @Test
    void unknownKeyIsAnErrorNotSilentlyDropped() {
        ImportProblem p = only(rejectedJson(doc -> Documents.account(doc, 2).put("actaul", "1.00")));
        assertEquals("$.accounts[2].actaul", p.location().jsonPath());
    }

    @Test
    void everyErrorOfTheFileIsReportedAtOnce() {
        List<ImportProblem> errors = rejectedJson(doc -> {
            Documents.account(doc, 1).put("actual", "abc");
            Documents.account(doc, 2).put("actual", "-1");
            Documents.account(doc, 3).remove("code");
            doc.put("year", "二〇二四");
        });
        assertEquals(4, errors.size(), () -> errors.stream().map(ImportProblem::message).toList().toString());
    }

    @Test
    void truncatedWorkbookIsReportedAsDamaged() {
        byte[] whole = new WorkbookWriter().write(store.export("XN-WB", 2024).orElseThrow());
        byte[] half = Arrays.copyOf(whole, whole.length / 2);
        ImportProblem p = only(rejected("xianning.xlsx", half));
        assertTrue(p.expected().contains("damaged or truncated"), p.expected());
    }

    /** Writes the small document as a workbook, changes one cell, and imports it. */
    private List<ImportProblem> rejectedWorkbook(String sheet, int row, String header, Object value) throws Exception {
        byte[] content = new WorkbookWriter().write(roundTripped());
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(content))) {
            Sheet s = wb.getSheet(sheet);
            Row headers = s.getRow(1);
            int column = -1;
            for (int c = 0; c < headers.getLastCellNum(); c++) {
                if (headers.getCell(c).getStringCellValue().startsWith(header + " (")) {
                    column = c;
                }
            }
            Row r = s.getRow(row - 1);
            if (value == null) {
                r.removeCell(r.getCell(column));
            } else if (value instanceof Number n) {
                r.getCell(column).setCellValue(n.doubleValue());
            } else {
                r.getCell(column).setCellValue(value.toString());
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            content = out.toByteArray();
        }
        return rejected("department.xlsx", content);
    }

    private Map<String, Object> roundTripped() {
        ImportResult result = importer.importContent("wb.json", Documents.json(Documents.small("T-WB", 2024)));
        assertTrue(result.stored());
        return store.export("T-WB", 2024).orElseThrow();
    }

    @Test
    void workbookWrongTypeNamesSheetRowAndColumn() throws Exception {
        // The export is format 2: the account lines are the rows of 公开03 on the sheet 公开表 (row 3 is 公开01's income).
        ImportProblem p = only(rejectedWorkbook("公开表", 5, "合计", "约一百"));
        assertEquals("公开表", p.location().sheet());
        assertEquals(5, p.location().row());
        assertTrue(p.location().column().contains("合计"), p.location().column());
        assertEquals("约一百", p.value());
    }

    @Test
    void workbookMissingRequiredCellIsReported() throws Exception {
        ImportProblem p = only(rejectedWorkbook("公开表", 4, "行", null));
        assertEquals(4, p.location().row());
        assertTrue(p.expected().startsWith("missing; required"), p.expected());
    }

    @Test
    void workbookNegativeAmountIsRejected() throws Exception {
        ImportProblem p = only(rejectedWorkbook("公开表", 6, "合计", -20.5));
        assertTrue(p.expected().contains("not negative"), p.expected());
    }

    @Test
    void workbookDuplicateLineIsRejected() throws Exception {
        ImportProblem p = only(rejectedWorkbook("公开表", 6, "行", "20135"));
        assertTrue(p.expected().contains("duplicate") && p.expected().contains("row 5"), p.expected());
    }
}
