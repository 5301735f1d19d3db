package org.budgetnarrator.api;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.budgetnarrator.model.domain.PublicTable;
import org.budgetnarrator.model.generate.VariationGenerator;
import org.budgetnarrator.model.generate.VariationGenerator.Generated;
import org.budgetnarrator.model.generate.VariationGenerator.Seeded;
import org.budgetnarrator.model.generate.VariationGenerator.Variation;
import org.budgetnarrator.model.imports.DepartmentYearImporter;
import org.budgetnarrator.model.imports.ImportProblem;
import org.budgetnarrator.model.imports.ImportResult;
import org.budgetnarrator.model.store.DepartmentYearStore;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
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

    private static final List<String> ROW_FIELDS = List.of("table", "row", "period", "name", "lineNo");
    private static final List<String> LAYOUT_FIELDS = List.of("table", "label", "title", "position", "note");
    private static final BigDecimal YUAN_PER_WAN = new BigDecimal("10000");

    @Inject
    DepartmentYearImporter importer;

    @Inject
    DepartmentYearStore store;

    @Test
    void everyVariationAndSeededKindComesBackCellForCell() {
        List<Set<Variation>> combinations = new ArrayList<>();
        Variation[] all = Variation.values();
        for (int mask = 0; mask < 1 << all.length; mask++) {
            Set<Variation> set = EnumSet.noneOf(Variation.class);
            for (int i = 0; i < all.length; i++) {
                if ((mask & 1 << i) != 0) {
                    set.add(all[i]);
                }
            }
            if (VariationGenerator.compatible(set)) {
                combinations.add(set);
            }
        }
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
            List<Map<String, Object>> given = list(original, "publishedTables");
            List<Map<String, Object>> back = list(exported, "publishedTables");
            assertEquals(given.size(), back.size(), name + ": publishedTables rows");
            for (int r = 0; r < given.size(); r++) {
                cells += compareRow(given.get(r), back.get(r), yuan, name + " publishedTables[" + r + "]", differences);
            }
            List<Map<String, Object>> layouts = list(original, "tableLayouts");
            List<Map<String, Object>> layoutsBack = list(exported, "tableLayouts");
            assertEquals(layouts.size(), layoutsBack.size(), name + ": tableLayouts");
            for (int l = 0; l < layouts.size(); l++) {
                for (String field : LAYOUT_FIELDS) {
                    if (!Objects.equals(text(layouts.get(l).get(field)), text(layoutsBack.get(l).get(field)))) {
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

    /** Same row fields, every column equal as a decimal (money from 元 in 万元); returns the cells compared. */
    private static int compareRow(Map<String, Object> given, Map<String, Object> back, boolean yuan, String path, List<String> differences) {
        int compared = 0;
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
            compared++;
            if (a == null || b == null) {
                differences.add(path + "." + column.key() + ": " + a + " came back as " + b);
                continue;
            }
            BigDecimal expected = new BigDecimal(a.toString());
            if (yuan && column.kind() == PublicTable.Kind.MONEY) {
                expected = expected.divide(YUAN_PER_WAN);
            }
            if (expected.compareTo(new BigDecimal(b.toString())) != 0) {
                differences.add(path + "." + column.key() + ": " + a + (yuan ? " 元" : "") + " came back as " + b);
            }
        }
        for (String key : back.keySet()) {
            if (!ROW_FIELDS.contains(key) && PublicTable.Column.byKey(key).isEmpty()) {
                differences.add(path + ": unexpected field " + key + " = " + back.get(key));
            }
        }
        return compared;
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
