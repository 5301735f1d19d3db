package org.budgetnarrator.api;

import com.fasterxml.jackson.core.type.TypeReference;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.budgetnarrator.model.imports.DepartmentYearImporter;
import org.budgetnarrator.model.imports.ImportProblem;
import org.budgetnarrator.model.imports.ImportResult;
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




}
