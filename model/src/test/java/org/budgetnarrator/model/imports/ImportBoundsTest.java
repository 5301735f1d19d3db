package org.budgetnarrator.model.imports;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every imported value is bounded before it is worked on: numbers by their digits (from precision and scale,
 * never expanded), texts by length and characters, tables by rows, the JSON by size, nesting and token
 * length; each refusal is one problem naming the place, the field, the value (shortened) and the limit.
 */
class ImportBoundsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String HEAD = "{\"format\":\"budget-narrator/department-year@1\",\"year\":2024,\"stage\":\"FINAL_ACCOUNTS\","
            + "\"department\":{\"code\":\"T\",\"name\":\"测试\",\"level\":\"市级\"}";

    private static BoundDocument check(String json) {
        return check(json.getBytes(StandardCharsets.UTF_8));
    }

    private static BoundDocument check(byte[] json) {
        RawDocument raw = new JsonDocumentReader().read("t.json", json);
        return new DepartmentYearImporter(null).check(raw);
    }

    /** The one error of the document. */
    private static ImportProblem error(BoundDocument doc) {
        List<ImportProblem> errors = doc.problems().stream().filter(ImportProblem::isError).toList();
        assertEquals(1, errors.size(), () -> doc.problems().stream().map(ImportProblem::message).toList().toString());
        return errors.get(0);
    }

    private static ImportProblem summaryValue(String json) {
        return error(check(HEAD + ",\"summary\":{" + json + "}}"));
    }

    // Numbers

    @Test
    void aTinyExponentIsRefusedFromItsScaleNotWrittenOut() {
        ImportProblem p = summaryValue("\"executed\": 1e-20000000");
        assertEquals("$.summary.executed", p.location().jsonPath());
        assertEquals("executed (全年执行数)", p.field());
        assertEquals("1e-20000000", p.value(), "quoted as written, not as 20 million digits");
        assertEquals("expected at most 6 decimal places", p.expected());
    }

    @Test
    void aHugeExponentIsRefusedInEveryKindOfNumberField() {
        assertEquals("expected at most 12 digits before the decimal point", summaryValue("\"executed\": 1e20000000").expected());
        assertEquals("expected at most 18 digits before the decimal point", summaryValue("\"totalScore\": 1E+20000000").expected());
        ImportProblem count = summaryValue("\"subUnitCount\": 1e20000000");
        assertTrue(count.expected().contains("whole number of at most 9 digits"), count.expected());
        ImportProblem code = error(check(HEAD + ",\"projects\":[{\"name\":\"p\",\"code\":1e20000000}]}"));
        assertEquals("$.projects[0].code", code.location().jsonPath());
    }

    @Test
    void anExponentNoDecimalCanHoldIsAProblemNotAnException() {
        ImportProblem p = summaryValue("\"executed\": 1e2147483648");
        assertEquals("1e2147483648", p.value());
        assertTrue(p.expected().contains("amount"), p.expected());
    }

    @Test
    void moreDecimalsThanTheColumnKeepsAreRefusedNotRounded() {
        assertEquals("expected at most 6 decimal places", summaryValue("\"executed\": \"429.800000000000000000001\"").expected());
        assertEquals("expected at most 6 decimal places", summaryValue("\"executed\": 429.800000000000000000001").expected());
        assertEquals("expected at most 6 decimal places", summaryValue("\"totalScore\": \"84.6500001%\"").expected());
    }

    @Test
    void nineteenDigitsBeforeThePointAreRefused() {
        ImportProblem p = summaryValue("\"budgetExecutionScore\": \"1234567890123456789\"");
        assertEquals("expected at most 18 digits before the decimal point", p.expected());
        assertEquals("expected at most 12 digits before the decimal point",
                summaryValue("\"executed\": \"1234567890123456789\"").expected());
        assertEquals("expected at most 12 digits before the decimal point", summaryValue("\"executed\": \"1000000000000\"").expected());
        assertTrue(summaryValue("\"subUnitCount\": 1234567890").expected().contains("at most 9 digits"));
    }

    @Test
    void valuesAtTheLimitsAreKeptExactly() {
        BoundDocument doc = check(HEAD + ",\"summary\":{\"executed\":\"999999999999.999999\",\"totalScore\":\"999999999999999999.999999\","
                + "\"budgetExecutionScore\":-999999999999999999.999999,\"subUnitCount\":999999999,\"initialBudget\":\"0.000001\"}}");
        assertFalse(doc.hasErrors(), doc.problems().toString());
        BoundRow summary = doc.single(ImportFormat.SUMMARY);
        assertEquals("999999999999.999999", summary.decimal("executed").toPlainString());
        assertEquals("999999999999999999.999999", summary.decimal("totalScore").toPlainString());
        assertEquals("-999999999999999999.999999", summary.decimal("budgetExecutionScore").toPlainString());
        assertEquals(999999999L, summary.integer("subUnitCount"));
        assertEquals("0.000001", summary.decimal("initialBudget").toPlainString());
    }

    @Test
    void trailingZerosAndZerosWithAnyExponentAreKeptAsTheirValue() {
        BoundDocument doc = check(HEAD + ",\"summary\":{\"executed\":\"1.5000000000\",\"adjustedBudget\":0E-20000000,"
                + "\"initialBudget\":0E+20000000,\"totalScore\":1E+3}}");
        assertFalse(doc.hasErrors(), doc.problems().toString());
        BoundRow summary = doc.single(ImportFormat.SUMMARY);
        assertEquals("1.500000", summary.decimal("executed").toPlainString());
        assertEquals("0.000000", summary.decimal("adjustedBudget").toPlainString());
        assertEquals("0", summary.decimal("initialBudget").toPlainString());
        assertEquals("1000", summary.decimal("totalScore").toPlainString());
    }

    @Test
    void amountsInYuanKeepTwoDecimalsAsTheyAreStoredInWanYuanWithSix() {
        BoundDocument ok = check(HEAD + ",\"projects\":[{\"name\":\"p\",\"moneyUnit\":\"元\",\"executed\":\"999999999999.99\"}]}");
        assertFalse(ok.hasErrors(), ok.problems().toString());
        assertEquals("99999999.999999", ok.rows(ImportFormat.PROJECTS).get(0).decimal("executed").toPlainString());
        ImportProblem p = error(check(HEAD + ",\"projects\":[{\"name\":\"p\",\"moneyUnit\":\"元\",\"executed\":\"1.001\"}]}"));
        assertEquals("expected at most 2 decimal places for an amount in 元 (stored in 万元 with 6)", p.expected());
    }

    @Test
    void aNumberTokenTooLongForAnyFieldIsOneProblemWithItsPlace() {
        ImportProblem p = summaryValue("\"executed\": " + "1".repeat(101));
        assertEquals("$.summary.executed", p.location().jsonPath());
        assertTrue(p.expected().contains("at most 100 digits"), p.expected());
        // As a string it is the field's problem.
        assertTrue(summaryValue("\"executed\": \"" + "1".repeat(101) + "\"").expected().contains("amount"));
    }

    // Texts

    @Test
    void aTextLongerThanItsFieldIsRefusedNamingTheLimit() {
        ImportProblem p = error(check(HEAD.replace("\"name\":\"测试\"", "\"name\":\"" + "名".repeat(201) + "\"") + "}"));
        assertEquals("$.department.name", p.location().jsonPath());
        assertEquals("name (部门名称)", p.field());
        assertEquals("expected at most 200 characters (found 201)", p.expected());
        assertTrue(p.value().startsWith("名名名") && p.value().endsWith("… (201 characters)"), p.value());
        assertTrue(p.message().length() < 300, p.message());
    }

    @Test
    void aNarrativeDocumentMayBeLongButNotUnbounded() {
        String atLimit = HEAD + ",\"documents\":[{\"kind\":\"OTHER\",\"text\":\"" + "说".repeat(200_000) + "\"}]}";
        assertFalse(check(atLimit).hasErrors());
        ImportProblem p = error(check(atLimit.replace("说\"", "说说\"")));
        assertEquals("$.documents[0].text", p.location().jsonPath());
        assertEquals("expected at most 200,000 characters (found 200,001)", p.expected());
        assertTrue(p.value().length() < 100, p.value());
    }

    @Test
    void charactersOutsideThePlaneCountOnceAsTheDatabaseCountsThem() {
        String twoHundred = "𠀀".repeat(200);
        assertFalse(check(HEAD.replace("\"name\":\"测试\"", "\"name\":\"" + twoHundred + "\"") + "}").hasErrors());
    }

    @Test
    void aNulByteIsRefusedNamingTheFieldAndShownEscaped() {
        ImportProblem p = error(check(HEAD + ",\"notes\":[{\"text\":\"前\\u0000后\"}]}"));
        assertEquals("$.notes[0].text", p.location().jsonPath());
        assertEquals("text (说明)", p.field());
        assertEquals("前\\u0000后", p.value());
        assertTrue(p.expected().contains("control characters") && p.expected().contains("U+0000 at character 2"), p.expected());
    }

    @Test
    void otherControlCharactersAndLoneSurrogatesAreRefusedTabsAndLineBreaksKept() {
        assertTrue(error(check(HEAD + ",\"summary\":{\"overallGoal\":\"\\u001b[31m红\"}}")).expected().contains("U+001B"));
        assertTrue(error(check(HEAD + ",\"summary\":{\"overallGoal\":\"a\\ud800b\"}}")).expected().contains("lone surrogate"));
        BoundDocument ok = check(HEAD + ",\"summary\":{\"overallGoal\":\"一\\t二\\r\\n三\"}}");
        assertFalse(ok.hasErrors(), ok.problems().toString());
        assertEquals("一\t二\r\n三", ok.single(ImportFormat.SUMMARY).text("overallGoal"));
    }

    @Test
    void aCodeLongerThanItsColumnIsRefused() {
        ImportProblem p = error(check(HEAD + ",\"projects\":[{\"name\":\"p\",\"code\":\"" + "A".repeat(65) + "\"}]}"));
        assertEquals("expected a code of at most 64 characters", p.expected());
    }

    @Test
    void aLongUnknownKeyIsQuotedShortened() {
        String key = "k".repeat(150);
        ImportProblem p = error(check(HEAD + ",\"summary\":{\"" + key + "\":1}}"));
        assertTrue(p.field().endsWith("… (150 characters)"), p.field());
        ImportProblem tooLong = error(check(HEAD + ",\"summary\":{\"" + "k".repeat(1_000) + "\":1}}"));
        assertTrue(tooLong.expected().contains("keys of at most 200 characters"), tooLong.expected());
    }

    // Rows, nesting, size, problems

    @Test
    void rowsBeyondATablesLimitAreOneProblemAndAreNotRead() throws Exception {
        Map<String, Object> doc = head();
        List<Object> projects = new ArrayList<>();
        for (int i = 0; i < ImportFormat.PROJECTS.maxRows() + 3; i++) {
            projects.add(Map.of("name", "项目" + i));
        }
        doc.put("projects", projects);
        RawDocument raw = new JsonDocumentReader().read("t.json", MAPPER.writeValueAsBytes(doc));
        assertEquals(ImportFormat.PROJECTS.maxRows(), raw.rows(ImportFormat.PROJECTS).size());
        ImportProblem p = error(new DepartmentYearImporter(null).check(raw));
        assertEquals("$.projects[5000]", p.location().jsonPath());
        assertEquals("expected at most 5,000 rows in projects; this row and those after it were not read", p.expected());
    }

    @Test
    void indicatorsCountTogetherAcrossProjects() throws Exception {
        Map<String, Object> doc = head();
        List<Object> projects = new ArrayList<>();
        int perProject = 1_000;
        for (int i = 0; i <= ImportFormat.INDICATORS.maxRows() / perProject; i++) {
            List<Object> indicators = new ArrayList<>();
            for (int j = 0; j < perProject; j++) {
                indicators.add(Map.of("level1", "产出指标", "name", "指标" + j));
            }
            projects.add(Map.of("name", "项目" + i, "indicators", indicators));
        }
        doc.put("projects", projects);
        ImportProblem p = error(check(MAPPER.writeValueAsBytes(doc)));
        assertEquals("$.projects[50].indicators[0]", p.location().jsonPath());
        assertTrue(p.expected().contains("at most 50,000 rows in indicators"), p.expected());
    }

    @Test
    void nestingDeeperThanTheFormatIsOneProblemNotAStackOverflow() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        ImportProblem p = error(check(HEAD + ",\"summary\":{\"overallGoal\":" + deep + "}}"));
        assertTrue(p.expected().contains("nested at most 16 levels deep"), p.expected());
        assertTrue(p.location().jsonPath().startsWith("$.summary.overallGoal"), p.location().jsonPath());
        // A value that is an object or array within the bounds is a problem of its field.
        ImportProblem shallow = error(check(HEAD + ",\"summary\":{\"overallGoal\":[[1]]}}"));
        assertEquals("an array", shallow.value());
    }

    @Test
    void aFileOverTheSizeLimitIsRefusedBeforeItIsRead() {
        byte[] big = new byte[ImportFormat.MAX_DOCUMENT_BYTES + 1];
        Arrays.fill(big, (byte) ' ');
        ImportResult json = new DepartmentYearImporter(null).importContent("big.json", big, false);
        assertFalse(json.stored());
        ImportProblem p = json.errors().get(0);
        assertEquals("16,777,217 bytes", p.value());
        assertTrue(p.expected().contains("at most 16,777,216 bytes"), p.expected());
        assertEquals(1, new DepartmentYearImporter(null).importContent("big.xlsx", big, false).errors().size());
    }

    @Test
    void aBadFileNameIsRefusedNotStored() {
        ImportResult nul = new DepartmentYearImporter(null).importContent("a\u0000.json", HEAD.getBytes(StandardCharsets.UTF_8), false);
        assertEquals("a\\u0000.json", nul.errors().get(0).value());
        assertTrue(nul.errors().get(0).expected().contains("without control characters"));
        ImportResult longName = new DepartmentYearImporter(null).importContent("n".repeat(500) + ".json",
                HEAD.getBytes(StandardCharsets.UTF_8), false);
        assertTrue(longName.errors().get(0).expected().contains("at most 500 characters"));
    }

    @Test
    void thousandsOfBadValuesListAThousandProblemsAndCountTheRest() throws Exception {
        Map<String, Object> doc = head();
        List<Object> accounts = new ArrayList<>();
        for (int i = 0; i < ImportFormat.ACCOUNTS.maxRows(); i++) {
            accounts.add(Map.of("code", "x", "name", "y", "actual", "z", "basic", "w"));
        }
        doc.put("accounts", accounts);
        BoundDocument checked = check(MAPPER.writeValueAsBytes(doc));
        List<ImportProblem> problems = checked.problems();
        assertEquals(ImportFormat.MAX_PROBLEMS + 1, problems.size());
        ImportProblem last = problems.get(problems.size() - 1);
        assertTrue(last.isError());
        assertEquals("5,000 more problems (5,000 errors, 0 warnings) not listed; at most 1,000 are listed per file", last.expected());
    }

    @Test
    void aProblemNeverEchoesAHugeValue() {
        ImportProblem p = ImportProblem.error(Location.file("f.json"), "x".repeat(1_000), "y".repeat(1_000_000), "expected z");
        assertTrue(p.value().length() < 100 && p.field().length() < 100, p.value());
        assertTrue(p.message().length() < 300);
        assertNull(ImportProblem.error(Location.file("f.json"), null, null, "e").value());
    }

    @Test
    void digitsAreCheckedWithoutExpandingTheValue() {
        Digits digits = FieldType.DECIMAL.digits();
        assertEquals("at most 6 decimal places", digits.violation(new BigDecimal("1e-999999999")));
        assertEquals("at most 18 digits before the decimal point", digits.violation(new BigDecimal("1e999999999")));
        assertEquals("at most 18 digits before the decimal point", digits.violation(new BigDecimal(BigInteger.ONE, Integer.MIN_VALUE)),
                "digits before the point counted without overflow");
        assertNull(digits.violation(new BigDecimal("0E-999999999")));
        assertEquals("0.000000", digits.normalise(new BigDecimal("0E-999999999")).toPlainString());
    }

    @Test
    void workbookCellsAreBoundedAsJsonValuesAre() throws Exception {
        Map<String, Object> doc = head();
        doc.put("accounts", List.of(Map.of("code", "2013501", "name", "行政运行", "actual", "1")));
        doc.put("projects", List.of(Map.of("name", "项目")));
        List<Object> vehicles = new ArrayList<>();
        for (int i = 0; i <= ImportFormat.VEHICLES.maxRows(); i++) {
            vehicles.add(Map.of("kind", "车辆" + i, "count", 1));
        }
        doc.put("vehicles", vehicles);
        byte[] content;
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(new WorkbookWriter().write(doc)))) {
            cell(book.getSheet("功能分类支出"), 3, "决算数").setCellValue("429.800000000000000000001");
            // A cell's text escapes characters XML cannot hold as _xHHHH_; POI reads _x0000_ back as NUL.
            cell(book.getSheet("项目"), 3, "资金用途").setCellValue("前_x0000_后");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            book.write(out);
            content = out.toByteArray();
        }
        BoundDocument checked = new DepartmentYearImporter(null).check(new WorkbookReader().read("t.xlsx", content));
        List<ImportProblem> errors = checked.problems().stream().filter(ImportProblem::isError).toList();
        assertEquals(3, errors.size(), () -> errors.stream().map(ImportProblem::message).toList().toString());
        ImportProblem rows = errors.get(0);
        assertEquals("车辆", rows.location().sheet());
        assertEquals(103, rows.location().row());
        assertEquals("expected at most 100 rows on sheet 车辆; this row and those after it were not read", rows.expected());
        ImportProblem decimals = errors.get(1);
        assertEquals("功能分类支出", decimals.location().sheet());
        assertEquals(3, decimals.location().row());
        assertTrue(decimals.location().column().contains("决算数"), decimals.location().column());
        assertEquals("expected at most 6 decimal places", decimals.expected());
        ImportProblem nul = errors.get(2);
        assertEquals("项目", nul.location().sheet());
        assertEquals("前\\u0000后", nul.value());
        assertTrue(nul.expected().contains("control characters"), nul.expected());
    }

    /** The cell of the given (1-based) row under the column whose header starts with the label. */
    private static Cell cell(Sheet sheet, int row, String label) {
        Row headers = sheet.getRow(1);
        for (Cell header : headers) {
            if (header.getStringCellValue().startsWith(label + " (")) {
                Row r = sheet.getRow(row - 1);
                return r.getCell(header.getColumnIndex()) == null ? r.createCell(header.getColumnIndex()) : r.getCell(header.getColumnIndex());
            }
        }
        throw new AssertionError("no column " + label);
    }

    private static Map<String, Object> head() throws Exception {
        @SuppressWarnings("unchecked")
        Map<String, Object> doc = MAPPER.readValue(HEAD + "}", LinkedHashMap.class);
        return doc;
    }
}
