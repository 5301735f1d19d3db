package org.budgetnarrator.api;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.budgetnarrator.model.generate.VariationGenerator;
import org.budgetnarrator.model.generate.VariationGenerator.Generated;
import org.budgetnarrator.model.generate.VariationGenerator.Seeded;
import org.budgetnarrator.model.generate.VariationGenerator.Variation;
import org.budgetnarrator.model.imports.DepartmentYearImporter;
import org.budgetnarrator.model.imports.ImportProblem;
import org.budgetnarrator.model.imports.ImportResult;
import org.budgetnarrator.model.store.DepartmentYearStore;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Generated department-years of every variation, with and without a seeded inconsistency, survive the database:
 * imported, exported, and every published cell and table layout comes back as given (a document in 元 comes back in
 * 万元, converted exactly). Runs on SQLite and on PostgreSQL with the rest of the suite.
 */
@MicronautTest(transactional = false)
class GeneratedVariationsRoundTripTest {

    private static final List<String> LAYOUT_FIELDS = List.of("table", "label", "title", "position", "note");

    @Inject
    DepartmentYearImporter importer;

    @Inject
    DepartmentYearStore store;

    @Test
    void everyVariationAndSeededKindComesBackCellForCell() {
        List<Set<Variation>> combinations = VariationGenerator.combinations();
        List<Seeded> kinds = new ArrayList<>();
        kinds.add(null);
        kinds.addAll(List.of(Seeded.values()));

        VariationGenerator generator = new VariationGenerator();
        Map<String, Integer> byKind = new TreeMap<>();
        Map<Variation, Integer> byVariation = new TreeMap<>();
        int cells = 0;
        int documents = 0;
        List<String> differences = new ArrayList<>();
        // Every combination once, each with the next seeded kind in turn.
        for (int i = 0; i < combinations.size(); i++) {
            Set<Variation> variations = combinations.get(i);
            Seeded kind = kinds.get(i % kinds.size());
            if (kind != null && !kind.possibleWith(variations)) {
                kind = null;
            }
            long seed = 7_919L * i + 3;
            Generated g = generator.generate(seed, variations, kind);
            Map<String, Object> original = g.document();
            String name = "generated-" + seed + ".json";
            ImportResult result = importer.importContent(name, Documents.json(original));
            assertTrue(result.stored(), () -> name + ": " + result.errors().stream().map(ImportProblem::message).toList());
            Map<String, Object> exported = store.export(result.departmentCode(), result.year()).orElseThrow();
            documents++;
            byKind.merge(kind == null ? "none" : kind.name(), 1, Integer::sum);
            g.variations().forEach(v -> byVariation.merge(v, 1, Integer::sum));

            boolean yuan = "元".equals(original.get("moneyUnit"));
            assertEquals("万元", exported.get("moneyUnit"), name);
            List<Map<String, Object>> given = PublishedRows.list(original, "publishedTables");
            List<Map<String, Object>> back = PublishedRows.list(exported, "publishedTables");
            assertEquals(given.size(), back.size(), name + ": publishedTables rows");
            for (int r = 0; r < given.size(); r++) {
                cells += PublishedRows.compare(given.get(r), back.get(r), yuan, name + " publishedTables[" + r + "]", differences);
            }
            List<Map<String, Object>> layouts = PublishedRows.list(original, "tableLayouts");
            List<Map<String, Object>> layoutsBack = PublishedRows.list(exported, "tableLayouts");
            assertEquals(layouts.size(), layoutsBack.size(), name + ": tableLayouts");
            for (int l = 0; l < layouts.size(); l++) {
                for (String field : LAYOUT_FIELDS) {
                    if (!Objects.equals(PublishedRows.text(layouts.get(l).get(field)), PublishedRows.text(layoutsBack.get(l).get(field)))) {
                        differences.add(name + " tableLayouts[" + l + "]." + field + ": " + layouts.get(l).get(field)
                                + " came back as " + layoutsBack.get(l).get(field));
                    }
                }
            }
            assertTrue(differences.isEmpty(), () -> String.join("\n", differences));
        }
        System.out.printf("GeneratedVariationsRoundTrip: %d documents, %d cells compared; by seeded kind %s; by variation %s%n",
                documents, cells, byKind, byVariation);
        for (Seeded kind : Seeded.values()) {
            assertTrue(byKind.getOrDefault(kind.name(), 0) > 0, kind + " round-tripped: " + byKind);
        }
        for (Variation v : Variation.values()) {
            assertTrue(byVariation.getOrDefault(v, 0) > 0, v + " round-tripped: " + byVariation);
        }
    }




}
