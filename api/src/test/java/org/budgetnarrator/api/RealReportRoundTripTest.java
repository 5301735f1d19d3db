package org.budgetnarrator.api;

import com.fasterxml.jackson.core.type.TypeReference;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.budgetnarrator.model.domain.PublicTable;
import org.budgetnarrator.model.imports.DepartmentYearImporter;
import org.budgetnarrator.model.imports.ImportProblem;
import org.budgetnarrator.model.imports.ImportResult;
import org.budgetnarrator.model.store.DepartmentYearStore;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fixtures transcribed from real published reports (model/src/test/resources/fixtures/reports) survive the
 * database: imported, exported, and every printed row, last year's rows and the tables' layouts come back as given.
 * Runs on SQLite and on PostgreSQL with the rest of the suite.
 */
@MicronautTest(transactional = false)
class RealReportRoundTripTest {

    /** The api module runs with user.dir = api/; the fixtures live in the model module's test resources. */
    private static final Path FIXTURES = Path.of("..", "model", "src", "test", "resources", "fixtures", "reports");
    private static final List<String> ROW_FIELDS = List.of("table", "row", "period", "name", "lineNo");

    @Inject
    DepartmentYearImporter importer;

    @Inject
    DepartmentYearStore store;

    private static byte[] fixture(String name) throws IOException {
        return Files.readAllBytes(FIXTURES.resolve(name).resolve("department-year.json"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"putuo-planning-bureau-2024", "putuo-finance-bureau-2024", "putuo-social-work-dept-2024"})
    void everyPublishedRowComesBackCellForCell(String name) throws IOException {
        // The file itself is imported, as a user would: not a re-serialisation of it.
        byte[] file = fixture(name);
        Map<String, Object> original = Documents.MAPPER.readValue(file, new TypeReference<Map<String, Object>>() {
        });
        ImportResult result = importer.importContent(name + ".json", file);
        assertTrue(result.stored(), () -> result.errors().stream().map(ImportProblem::message).toList().toString());
        Map<String, Object> exported = store.export(result.departmentCode(), result.year()).orElseThrow();

        List<Map<String, Object>> given = list(original, "publishedTables");
        List<Map<String, Object>> back = list(exported, "publishedTables");
        assertEquals(given.size(), back.size(), name + ": publishedTables rows");
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            compareRow(given.get(i), back.get(i), name + " publishedTables[" + i + "]", differences);
        }
        assertTrue(differences.isEmpty(), () -> String.join("\n", differences));

        List<Map<String, Object>> layouts = list(original, "tableLayouts");
        List<Map<String, Object>> layoutsBack = list(exported, "tableLayouts");
        assertEquals(layouts.size(), layoutsBack.size(), name + ": tableLayouts");
        for (int i = 0; i < layouts.size(); i++) {
            for (String field : List.of("table", "label", "title", "position", "note")) {
                assertEquals(text(layouts.get(i).get(field)), text(layoutsBack.get(i).get(field)),
                        name + " tableLayouts[" + i + "]." + field);
            }
        }
        assertEquals(list(original, "vehicles").size(), list(exported, "vehicles").size(), name + ": vehicles");
    }

    /** Same keys, texts equal, figures equal as decimals; CURRENT is the period an export leaves out. */
    private static void compareRow(Map<String, Object> given, Map<String, Object> back, String path, List<String> differences) {
        for (String field : ROW_FIELDS) {
            Object a = field.equals("period") ? periodOf(given) : given.get(field);
            Object b = field.equals("period") ? periodOf(back) : back.get(field);
            if (!Objects.equals(text(a), text(b))) {
                differences.add(path + "." + field + ": " + a + " came back as " + b);
            }
        }
        for (PublicTable.Column column : PublicTable.Column.values()) {
            Object a = given.get(column.key());
            Object b = back.get(column.key());
            if (a == null && b == null) {
                continue;
            }
            if (a == null || b == null || new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString())) != 0) {
                differences.add(path + "." + column.key() + ": " + a + " came back as " + b);
            }
        }
        for (String key : back.keySet()) {
            if (!ROW_FIELDS.contains(key) && PublicTable.Column.byKey(key).isEmpty()) {
                differences.add(path + ": unexpected field " + key + " = " + back.get(key));
            }
        }
    }

    private static String periodOf(Map<String, Object> row) {
        Object period = row.get("period");
        return period == null ? PublicTable.Period.CURRENT.name() : period.toString();
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> doc, String key) {
        Object value = doc.get(key);
        return value == null ? List.of() : (List<Map<String, Object>>) value;
    }
}
