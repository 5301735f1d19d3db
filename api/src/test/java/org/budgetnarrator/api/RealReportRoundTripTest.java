package org.budgetnarrator.api;

import com.fasterxml.jackson.core.type.TypeReference;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.budgetnarrator.model.imports.DepartmentYearImporter;
import org.budgetnarrator.model.imports.ImportProblem;
import org.budgetnarrator.model.imports.ImportResult;
import org.budgetnarrator.model.domain.PublicTable;
import org.budgetnarrator.model.domain.PublishedRow;
import org.budgetnarrator.model.read.PublishedTables;
import org.budgetnarrator.model.read.YearData;
import org.budgetnarrator.model.read.YearDataReader;
import org.junit.jupiter.api.Test;
import org.budgetnarrator.model.store.DepartmentYearStore;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
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

    @Inject
    DepartmentYearImporter importer;

    @Inject
    DepartmentYearStore store;

    @Inject
    YearDataReader reader;

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

        List<Map<String, Object>> given = PublishedRows.list(original, "publishedTables");
        List<Map<String, Object>> back = PublishedRows.list(exported, "publishedTables");
        assertEquals(given.size(), back.size(), name + ": publishedTables rows");
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            PublishedRows.compare(given.get(i), back.get(i), false, name + " publishedTables[" + i + "]", differences);
        }
        assertTrue(differences.isEmpty(), () -> String.join("\n", differences));

        List<Map<String, Object>> layouts = PublishedRows.list(original, "tableLayouts");
        List<Map<String, Object>> layoutsBack = PublishedRows.list(exported, "tableLayouts");
        assertEquals(layouts.size(), layoutsBack.size(), name + ": tableLayouts");
        for (int i = 0; i < layouts.size(); i++) {
            for (String field : List.of("table", "label", "title", "position", "note")) {
                assertEquals(PublishedRows.text(layouts.get(i).get(field)), PublishedRows.text(layoutsBack.get(i).get(field)),
                        name + " tableLayouts[" + i + "]." + field);
            }
        }
        assertEquals(PublishedRows.list(original, "vehicles").size(), PublishedRows.list(exported, "vehicles").size(), name + ": vehicles");
    }

    /**
     * A row the report printed without 行次 is read back with none (null), not 行次 0, beside rows that have one: the
     * planning bureau's report prints no 行次, and here its first six rows are given 1–6.
     */
    @Test
    @SuppressWarnings("unchecked")
    void aRowWithout行次ReadsBackAsNone() throws IOException {
        Map<String, Object> doc = Documents.MAPPER.readValue(fixture("putuo-planning-bureau-2024"), new TypeReference<Map<String, Object>>() {
        });
        Map<String, Object> department = (Map<String, Object>) doc.get("department");
        department.put("code", "LINE-NO-NONE");
        List<Map<String, Object>> rows = PublishedRows.list(doc, "publishedTables");
        for (int i = 0; i < 6; i++) {
            rows.get(i).put("lineNo", i + 1);
        }
        ImportResult result = importer.importContent("line-no.json", Documents.MAPPER.writeValueAsBytes(doc));
        assertTrue(result.stored(), () -> result.errors().stream().map(ImportProblem::message).toList().toString());

        YearData data = reader.read("LINE-NO-NONE", 2024).orElseThrow();
        PublishedTables tables = data.tables();
        int numbered = 0;
        int none = 0;
        for (Map<String, Object> given : rows) {
            PublicTable table = PublicTable.byKey(given.get("table").toString()).orElseThrow();
            boolean previous = "PREVIOUS".equals(given.get("period"));
            PublishedRow back = (previous ? tables.previousRows(table) : tables.rows(table)).stream()
                    .filter(r -> r.key().equals(given.get("row").toString())).findFirst().orElseThrow();
            if (given.get("lineNo") == null) {
                assertNull(back.lineNo(), table + " " + back.key() + " printed without 行次");
                none++;
            } else {
                assertEquals(given.get("lineNo"), back.lineNo(), table + " " + back.key());
                numbered++;
            }
        }
        assertEquals(6, numbered);
        assertEquals(rows.size() - 6, none);
        assertEquals(251, none, "the planning bureau's rows without 行次");
    }

    /** 行次 are counted from 1: a 0 is refused with its place, so that none is stored. */
    @Test
    @SuppressWarnings("unchecked")
    void a行次Of0IsRefused() throws IOException {
        Map<String, Object> doc = Documents.MAPPER.readValue(fixture("putuo-social-work-dept-2024"), new TypeReference<Map<String, Object>>() {
        });
        ((Map<String, Object>) doc.get("department")).put("code", "LINE-NO-ZERO");
        PublishedRows.list(doc, "publishedTables").get(3).put("lineNo", 0);
        ImportResult result = importer.importContent("line-no-0.json", Documents.MAPPER.writeValueAsBytes(doc));
        assertFalse(result.stored());
        List<String> messages = result.errors().stream().map(ImportProblem::message).toList();
        assertEquals(1, messages.size(), messages.toString());
        assertTrue(messages.get(0).contains("publishedTables[3]") && messages.get(0).contains("行次 of 1 or more"), messages.toString());
    }
}
