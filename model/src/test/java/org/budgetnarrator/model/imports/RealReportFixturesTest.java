package org.budgetnarrator.model.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.budgetnarrator.model.domain.PublicTable;
import org.budgetnarrator.model.domain.PublicTable.Column;
import org.budgetnarrator.model.domain.PublicTable.Period;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The fixtures transcribed from three real published 部门决算 (Shanghai 普陀区, 2024): each reads without error, the
 * cells its expected findings name exist in the vocabulary, the format-1 lines are projected from its tables, and
 * the PDF it was transcribed from is the one beside the repository.
 */
class RealReportFixturesTest {

    private static final String DIR = "/fixtures/reports/";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** The module runs with user.dir = model/, so the shared reports are two levels up from it. */
    private static final Path REPORTS = Path.of("..", "..", "shared", "reports");

    private static byte[] resource(String name, String file) throws IOException {
        try (InputStream in = RealReportFixturesTest.class.getResourceAsStream(DIR + name + "/" + file)) {
            assertNotNull(in, DIR + name + "/" + file + " is missing");
            return in.readAllBytes();
        }
    }

    private static BoundDocument read(String name) throws IOException {
        RawDocument raw = new JsonDocumentReader().read(name + ".json", resource(name, "department-year.json"));
        BoundDocument doc = new DocumentBinder().bind(raw);
        new DocumentValidator().validate(doc);
        return doc;
    }

    @ParameterizedTest
    @ValueSource(strings = {"putuo-planning-bureau-2024", "putuo-finance-bureau-2024", "putuo-social-work-dept-2024"})
    void fixtureReadsWithoutErrors(String name) throws IOException {
        BoundDocument doc = read(name);
        List<String> errors = doc.problems().stream().filter(ImportProblem::isError).map(ImportProblem::message).toList();
        assertTrue(errors.isEmpty(), () -> String.join("\n", errors));
        // Warnings are expected (names kept as printed, codes the catalogue lacks); shown for whoever reads the log.
        doc.problems().stream().filter(p -> !p.isError()).forEach(p -> System.out.println(name + ": " + p.message()));
        assertEquals("FINAL_ACCOUNTS", doc.single(ImportFormat.DOCUMENT).text("stage"));
        assertEquals(2024, doc.year());
    }

    @ParameterizedTest
    @ValueSource(strings = {"putuo-planning-bureau-2024", "putuo-finance-bureau-2024", "putuo-social-work-dept-2024"})
    void everyCellAnExpectedFindingNamesIsInTheVocabulary(String name) throws IOException {
        JsonNode findings = MAPPER.readTree(resource(name, "expected-findings.json"));
        assertTrue(findings.isArray() && findings.size() > 0, name + ": no findings");
        List<String> wrong = new ArrayList<>();
        for (JsonNode finding : findings) {
            assertTrue(Set.of("ERROR", "ROUNDING", "WORDING").contains(finding.path("severity").asText()),
                    () -> name + " " + finding.path("id").asText() + ": severity " + finding.path("severity"));
            for (JsonNode cell : finding.path("cells")) {
                String problem = cellProblem(cell.asText());
                if (problem != null) {
                    wrong.add(finding.path("id").asText() + " " + cell.asText() + ": " + problem);
                }
            }
        }
        assertTrue(wrong.isEmpty(), () -> name + ":\n" + String.join("\n", wrong));
    }

    @Test
    void cellNamesOutsideTheVocabularyAreCaught() {
        // The check above must be able to fail: these name no table, no row, no column, or a column the table lacks.
        assertNotNull(cellProblem("T10/total/total"));
        assertNotNull(cellProblem("T01/income_sum/amount"));
        assertNotNull(cellProblem("T05/total/previous"));
        assertNotNull(cellProblem("T01/income_total/total"));
        assertNotNull(cellProblem("T06/2120101/amount"));
        assertNotNull(cellProblem("T05/total/total/LAST"));
        assertEquals(null, cellProblem("T05/total/total/PREVIOUS"));
        assertEquals(null, cellProblem("ASSETS/vehicles/count"));
    }

    /** Why a cell name (TABLE/row/column, optionally /PREVIOUS) is not one PublicTable accepts; null when it is. */
    private static String cellProblem(String cell) {
        String[] parts = cell.split("/");
        if (parts.length != 3 && parts.length != 4) {
            return "expected TABLE/row/column[/PREVIOUS]";
        }
        Optional<PublicTable> table = PublicTable.byKey(parts[0]);
        if (table.isEmpty()) {
            return "no table " + parts[0];
        }
        PublicTable t = table.get();
        String row = parts[1];
        if (t.namedRow(row).isEmpty() && !t.fitsOwnRow(row) && !t.fitsCode(row)) {
            return "no row " + row + " in " + t.name();
        }
        Optional<Column> column = Column.byKey(parts[2]);
        if (column.isEmpty() || !t.allows(column.get())) {
            return "no column " + parts[2] + " in " + t.name();
        }
        if (parts.length == 4 && !Period.PREVIOUS.name().equals(parts[3])) {
            return "period " + parts[3] + " is not PREVIOUS";
        }
        return null;
    }

    @ParameterizedTest
    @ValueSource(strings = {"putuo-planning-bureau-2024", "putuo-finance-bureau-2024", "putuo-social-work-dept-2024"})
    void accountLinesAreProjectedFromTheTablesCellForCell(String name) throws IOException {
        BoundDocument doc = read(name);
        Map<String, Integer> checked = new TreeMap<>();
        for (BoundRow row : doc.rows(ImportFormat.PUBLISHED)) {
            String key = row.text("row");
            String table = row.text("table");
            if (!"CURRENT".equals(row.text("period")) || !LegacyLines.isCode(key)) {
                continue;
            }
            Map<String, String> mapped = switch (table) {
                case "T03" -> Map.of("total", "actual", "basic", "basic", "project", "project");
                case "T05" -> Map.of("total", "generalBudget");
                case "T06" -> Map.of("amount", "actual");
                default -> Map.of();
            };
            if (mapped.keySet().stream().allMatch(column -> row.decimal(column) == null)) {
                continue; // a row printed without figures gives no line
            }
            BoundRow line = line(doc, "T06".equals(table) ? ImportFormat.ECONOMIC_ACCOUNTS : ImportFormat.ACCOUNTS, "code", key);
            mapped.forEach((column, field) -> assertAmount(row.decimal(column), line.decimal(field),
                    name + " " + table + "/" + key + "/" + column + " → " + field));
            checked.merge(table, 1, Integer::sum);
        }
        assertEquals(Set.of("T03", "T05", "T06"), checked.keySet(), name + ": rows checked " + checked);
    }

    @Test
    void planningBureauSpendsFromItsNonFiscalBalanceSoAllFundsAndGeneralBudgetDiffer() throws IOException {
        BoundDocument doc = read("putuo-planning-bureau-2024");
        BoundRow admin = line(doc, ImportFormat.ACCOUNTS, "code", "2120101");
        assertAmount(new BigDecimal("1105.68"), admin.decimal("actual"), "2120101 actual (公开03)");
        assertAmount(new BigDecimal("1096.91"), admin.decimal("basic"), "2120101 basic (公开03)");
        assertAmount(new BigDecimal("8.77"), admin.decimal("project"), "2120101 project (公开03)");
        assertAmount(new BigDecimal("1092.80"), admin.decimal("generalBudget"), "2120101 generalBudget (公开05)");

        assertAmount(new BigDecimal("9746.50"), line(doc, ImportFormat.INCOMES, "source", "general_public_budget_appropriation")
                .decimal("amount"), "income from appropriation");
        assertAmount(new BigDecimal("112.88"), line(doc, ImportFormat.INCOMES, "source", "carry_forward_begin").decimal("amount"),
                "opening balance");
        assertAmount(new BigDecimal("0.39"), line(doc, ImportFormat.ECONOMIC_ACCOUNTS, "code", "30217").decimal("actual"), "30217");

        BoundRow reception = line(doc, ImportFormat.THREE_PUBLIC, "item", "RECEPTION");
        assertAmount(new BigDecimal("2.85"), reception.decimal("budget"), "三公 reception budget");
        assertAmount(new BigDecimal("0.39"), reception.decimal("actual"), "三公 reception actual");
        assertAmount(new BigDecimal("0.54"), reception.decimal("previousActual"), "三公 reception last year");
        assertEquals(26L, reception.integer("persons"));

        BoundRow summary = doc.single(ImportFormat.SUMMARY);
        assertAmount(new BigDecimal("142.80"), summary.decimal("officeRunningCost"), "机关运行经费");
        assertAmount(new BigDecimal("156.32"), summary.decimal("previousOfficeRunningCost"), "机关运行经费 last year");
        assertAmount(new BigDecimal("2319.21"), summary.decimal("procurementTotal"), "政府采购");
        assertAmount(new BigDecimal("225.10"), summary.decimal("procurementSme"), "政府采购 SME");
        assertEquals(0L, summary.integer("equipmentOver1m"));
        assertEquals(39L, summary.integer("evaluatedProjects"));
    }

    @Test
    void financeBureauCarriesItsEquipmentAndLastYearsTotals() throws IOException {
        BoundDocument doc = read("putuo-finance-bureau-2024");
        assertEquals(2L, doc.single(ImportFormat.SUMMARY).integer("equipmentOver1m"));
        assertAmount(new BigDecimal("6.20"), line(doc, ImportFormat.INCOMES, "source", "other_income").decimal("amount"), "其他收入");
        BoundRow total = published(doc, "T01", "income_grand_total", "PREVIOUS");
        assertAmount(new BigDecimal("3052.34"), total.decimal("amount"), "收入支出总计 last year");
        // 三公: the table prints budgets only; the actuals stay blank rather than 0.
        BoundRow reception = line(doc, ImportFormat.THREE_PUBLIC, "item", "RECEPTION");
        assertAmount(new BigDecimal("0.95"), reception.decimal("budget"), "三公 reception budget");
        assertEquals(null, reception.decimal("actual"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"putuo-planning-bureau-2024", "putuo-finance-bureau-2024", "putuo-social-work-dept-2024"})
    void thePdfTheReadmeNamesIsBesideTheRepositoryWithItsChecksum(String name) throws Exception {
        String readme = new String(resource(name, "README.md"), java.nio.charset.StandardCharsets.UTF_8);
        Matcher file = Pattern.compile("Source PDF: `([^`]+\\.pdf)`").matcher(readme);
        Matcher sha = Pattern.compile("sha256\\s+`([0-9a-f]{64})`").matcher(readme);
        assertTrue(file.find(), name + ": README names no source PDF");
        assertTrue(sha.find(), name + ": README gives no sha256");
        Path pdf = REPORTS.resolve(file.group(1));
        assertTrue(Files.isRegularFile(pdf), pdf.toAbsolutePath().normalize() + " is missing");
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(pdf));
        assertEquals(sha.group(1), HexFormat.of().formatHex(digest), pdf + ": checksum");
    }

    private static BoundRow line(BoundDocument doc, TableSpec table, String field, String key) {
        return doc.rows(table).stream().filter(r -> key.equals(r.text(field))).findFirst()
                .orElseGet(() -> fail(table.key() + " has no line " + key));
    }

    private static BoundRow published(BoundDocument doc, String table, String row, String period) {
        return doc.rows(ImportFormat.PUBLISHED).stream()
                .filter(r -> table.equals(r.text("table")) && row.equals(r.text("row")) && period.equals(r.text("period")))
                .findFirst().orElseGet(() -> fail("no " + period + " row " + table + "/" + row));
    }

    /** Equal decimals ("0.39" = "0.390000"), or both blank. */
    private static void assertAmount(BigDecimal expected, BigDecimal actual, String what) {
        if (expected == null || actual == null) {
            assertEquals(expected, actual, what);
            return;
        }
        assertEquals(0, expected.compareTo(actual), () -> what + ": expected " + expected + ", found " + actual);
    }
}
