package org.budgetnarrator.model.generate;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.budgetnarrator.model.imports.BoundDocument;
import org.budgetnarrator.model.imports.DocumentBinder;
import org.budgetnarrator.model.imports.DocumentValidator;
import org.budgetnarrator.model.imports.JsonDocumentReader;
import org.budgetnarrator.model.imports.WorkbookReader;
import org.budgetnarrator.model.imports.WorkbookWriter;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Generated department-years have the demo data's shape, import cleanly and are the same for the same seed. */
class GeneratorTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> doc, String key) {
        return (List<Map<String, Object>>) doc.get(key);
    }

    private static BigDecimal money(Map<String, Object> row, String field) {
        return new BigDecimal((String) row.get(field));
    }

    @Test
    void theSameSeedGivesTheSameBytesAndAnotherSeedDoesNot() throws Exception {
        byte[] a = MAPPER.writeValueAsBytes(new Generator(42).document(17, 2024));
        byte[] b = MAPPER.writeValueAsBytes(new Generator(42).document(17, 2024));
        assertArrayEquals(a, b);
        assertNotEquals(new String(a), new String(MAPPER.writeValueAsBytes(new Generator(43).document(17, 2024))));
    }

    @Test
    void everyDocumentHasTheDemoShapeAndTheIdentitiesHold() {
        Generator generator = new Generator(2024);
        int lines = 0;
        int missedBudget = 0;
        int indicators = 0;
        int missedTarget = 0;
        for (int i = 1; i <= 300; i++) {
            Map<String, Object> doc = generator.document(i, 2024);
            List<Map<String, Object>> projects = list(doc, "projects");
            assertTrue(projects.size() >= 3 && projects.size() <= 15, "3–15 projects: " + projects.size());
            for (Map<String, Object> project : projects) {
                List<Map<String, Object>> its = list(project, "indicators");
                assertTrue(its.size() >= 4 && its.size() <= 12, "4–12 indicators: " + its.size());
                for (Map<String, Object> indicator : its) {
                    indicators++;
                    if (!indicator.get("score").equals(indicator.get("weight"))) {
                        missedTarget++;
                    }
                }
            }
            Map<String, Map<String, Object>> byCode = new HashMap<>();
            for (Map<String, Object> line : list(doc, "accounts")) {
                byCode.put((String) line.get("code"), line);
                assertEquals(money(line, "actual"), money(line, "basic").add(money(line, "project")), "actual = basic + project");
                assertEquals(money(line, "basic"), money(line, "personnel").add(money(line, "operating")), "basic = personnel + operating");
            }
            for (Map<String, Object> line : list(doc, "accounts")) {
                String code = (String) line.get("code");
                assertTrue(code.length() == 3 || code.length() == 5 || code.length() == 7, code);
                if (code.length() > 3) {
                    assertTrue(byCode.containsKey(code.substring(0, code.length() - 2)), "parent of " + code);
                }
                if (code.length() < 7) {
                    BigDecimal children = list(doc, "accounts").stream()
                            .filter(l -> ((String) l.get("code")).length() == code.length() + 2 && ((String) l.get("code")).startsWith(code))
                            .map(l -> money(l, "actual")).reduce(BigDecimal.ZERO, BigDecimal::add);
                    assertEquals(0, children.compareTo(money(line, "actual")), "a parent is the sum of its children: " + code);
                } else {
                    lines++;
                    assertTrue(line.containsKey("previousActual"), "last year's figure");
                    if (money(line, "initialBudget").compareTo(money(line, "actual").multiply(new BigDecimal("1.1"))) > 0) {
                        missedBudget++;
                    }
                }
            }
            List<Map<String, Object>> three = list(doc, "threePublic");
            assertEquals(List.of("TOTAL", "OVERSEAS_TRAVEL", "VEHICLE_OPERATION", "RECEPTION"), three.stream().map(t -> t.get("item")).toList());
            assertEquals(money(three.get(0), "actual"), money(three.get(1), "actual").add(money(three.get(2), "actual")).add(money(three.get(3), "actual")));
        }
        // A share of lines misses the budget and of indicators the target — enough for every variance rule to fire.
        assertTrue(missedBudget > lines / 10 && missedBudget < lines / 2, missedBudget + " of " + lines + " lines under budget by >10%");
        assertTrue(missedTarget > indicators / 10 && missedTarget < indicators / 3, missedTarget + " of " + indicators + " indicators missed");
    }

    @Test
    void generatedDocumentsPassTheImportChecksAsJsonAndAsWorkbooks() throws Exception {
        Generator generator = new Generator(7);
        for (int i = 1; i <= 20; i++) {
            Map<String, Object> doc = generator.document(i, 2023 + i % 2);
            BoundDocument json = new DocumentBinder().bind(new JsonDocumentReader().read("g.json", MAPPER.writeValueAsBytes(doc)));
            new DocumentValidator().validate(json);
            assertFalse(json.hasErrors(), json.problems().toString());
            BoundDocument xlsx = new DocumentBinder().bind(new WorkbookReader().read("g.xlsx", new WorkbookWriter().write(doc)));
            new DocumentValidator().validate(xlsx);
            assertFalse(xlsx.hasErrors(), xlsx.problems().toString());
            assertEquals(json.departmentCode(), xlsx.departmentCode());
        }
    }
}
