package org.budgetnarrator.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.budgetnarrator.model.imports.DepartmentYearImporter;
import org.budgetnarrator.model.imports.ImportResult;
import org.budgetnarrator.model.imports.WorkbookWriter;
import org.budgetnarrator.model.store.DepartmentYearStore;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A valid file round-trips: imported, exported and compared, as JSON and as a workbook, for every demo
 * file; a re-import replaces the department-year whole and touches no other.
 */
@MicronautTest(transactional = false)
class RoundTripTest {

    @Inject
    DepartmentYearImporter importer;

    @Inject
    DepartmentYearStore store;

    @Inject
    DataSource dataSource;

    @ParameterizedTest
    @ValueSource(strings = {"xianning-2024.json", "hunan-2024.json", "shijiazhuang-2024.json", "zhanjiang-2026.json"})
    void demoDocumentRoundTripsThroughJson(String file) {
        Map<String, Object> original = Documents.demo(file);
        ImportResult result = importer.importContent(file, Documents.json(original));
        assertTrue(result.stored(), () -> result.errors().toString());
        Map<String, Object> exported = store.export(result.departmentCode(), result.year()).orElseThrow();
        assertSame(Documents.MAPPER.valueToTree(original), Documents.MAPPER.valueToTree(exported), "$");
    }

    @ParameterizedTest
    @ValueSource(strings = {"xianning-2024.json", "hunan-2024.json", "shijiazhuang-2024.json", "zhanjiang-2026.json"})
    void demoDocumentRoundTripsThroughAWorkbook(String file) {
        Map<String, Object> original = Documents.demo(file);
        ImportResult first = importer.importContent(file, Documents.json(original));
        assertTrue(first.stored());
        byte[] workbook = new WorkbookWriter().write(store.export(first.departmentCode(), first.year()).orElseThrow());
        ImportResult again = importer.importContent(file.replace(".json", ".xlsx"), workbook);
        assertTrue(again.stored(), () -> again.errors().stream().map(p -> p.message()).toList().toString());
        Map<String, Object> exported = store.export(first.departmentCode(), first.year()).orElseThrow();
        assertSame(Documents.MAPPER.valueToTree(original), Documents.MAPPER.valueToTree(exported), "$");
    }

    @Test
    void reimportReplacesTheDepartmentYearWholeAndLeavesOthersAlone() {
        Map<String, Object> year2023 = Documents.small("T-RE", 2023);
        Map<String, Object> year2024 = Documents.small("T-RE", 2024);
        assertTrue(importer.importContent("a.json", Documents.json(year2023)).stored());
        assertTrue(importer.importContent("b.json", Documents.json(year2024)).stored());
        String other = Documents.MAPPER.valueToTree(store.export("T-RE", 2023).orElseThrow()).toString();
        String demo = Documents.MAPPER.valueToTree(store.export("XN-WB", 2024).orElseThrow()).toString();

        // 2024 again, with one 项 line and the project gone.
        Documents.accounts(year2024).remove(3);
        Documents.account(year2024, 0).put("actual", "100.00");
        Documents.account(year2024, 1).put("actual", "100.00");
        year2024.remove("projects");
        assertTrue(importer.importContent("c.json", Documents.json(year2024)).stored());

        Map<String, Object> now = store.export("T-RE", 2024).orElseThrow();
        assertEquals(3, rows(now, "T03").size());
        assertTrue(!now.containsKey("projects"));
        assertEquals(0, Database.count(dataSource, "SELECT COUNT(*) FROM indicator i JOIN department_year y ON y.id = i.department_year_id "
                + "JOIN department d ON d.id = y.department_id WHERE d.code = 'T-RE' AND y.fiscal_year = 2024"));
        assertEquals(other, Documents.MAPPER.valueToTree(store.export("T-RE", 2023).orElseThrow()).toString());
        assertEquals(demo, Documents.MAPPER.valueToTree(store.export("XN-WB", 2024).orElseThrow()).toString());
    }

    @Test
    void missingParentLinesAreDerivedFromTheCatalogueAsSumsOfTheirChildren() {
        Map<String, Object> doc = Documents.small("T-DER", 2024);
        Documents.accounts(doc).remove(1);
        Documents.accounts(doc).remove(0);
        ImportResult result = importer.importContent("items-only.json", Documents.json(doc));
        assertTrue(result.stored(), () -> result.errors().toString());
        assertEquals(1, Database.count(dataSource, "SELECT COUNT(*) FROM account_line a JOIN department_year y ON y.id = a.department_year_id "
                + "JOIN department d ON d.id = y.department_id WHERE d.code = 'T-DER' AND a.code = '20135' AND a.derived = TRUE "
                + "AND a.actual = '120.50'"));
        // Derived lines are not table rows: they are not exported, and the importer derives them again.
        assertEquals(2, rows(store.export("T-DER", 2024).orElseThrow(), "T03").size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"xianning-2024.json", "hunan-2024.json", "shijiazhuang-2024.json", "zhanjiang-2026.json"})
    void aFormatOneDocumentIsConvertedIntoTheTablesItsLinesWerePrintedIn(String file) {
        // The demo files as they were written in format 1 (income, account and 三公 lines, summary figures) …
        Map<String, Object> formatOne = Documents.formatOne(file);
        ImportResult result = importer.importContent(file, Documents.json(formatOne));
        assertTrue(result.stored(), () -> result.errors().toString());
        // … export as exactly the format-2 demo files: every figure in the table that prints it, none lost.
        Map<String, Object> exported = store.export(result.departmentCode(), result.year()).orElseThrow();
        assertSame(Documents.MAPPER.valueToTree(Documents.demo(file)), Documents.MAPPER.valueToTree(exported), "$");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows(Map<String, Object> doc, String table) {
        return ((List<Map<String, Object>>) doc.get("publishedTables")).stream().filter(r -> table.equals(r.get("table"))).toList();
    }

    /** Equal as documents: numbers compared as exact decimals ("30" = "30.00"), everything else exactly. */
    private static void assertSame(JsonNode expected, JsonNode actual, String path) {
        if (expected.isObject()) {
            assertTrue(actual.isObject(), path + " is an object");
            for (Iterator<String> it = expected.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (expected.get(key).isNull()) {
                    continue;
                }
                if (!actual.has(key)) {
                    fail(path + "." + key + " is missing after the round trip (was " + expected.get(key) + ")");
                }
                assertSame(expected.get(key), actual.get(key), path + "." + key);
            }
            for (Iterator<String> it = actual.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (!expected.has(key) && !(key.equals("moneyUnit") && actual.get(key).asText().equals("万元"))) {
                    fail(path + "." + key + " appeared after the round trip: " + actual.get(key));
                }
            }
        } else if (expected.isArray()) {
            assertEquals(expected.size(), actual.size(), path + " size");
            for (int i = 0; i < expected.size(); i++) {
                assertSame(expected.get(i), actual.get(i), path + "[" + i + "]");
            }
        } else if (isNumber(expected) && isNumber(actual)) {
            assertEquals(0, new BigDecimal(expected.asText()).compareTo(new BigDecimal(actual.asText())),
                    () -> path + ": " + expected + " vs " + actual);
        } else {
            assertEquals(expected.asText(), actual.asText(), path);
        }
    }

    private static boolean isNumber(JsonNode n) {
        return n.isNumber() || (n.isTextual() && n.asText().matches("-?\\d+(\\.\\d+)?"));
    }
}
