package org.budgetnarrator.model.generate;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.budgetnarrator.model.generate.VariationGenerator.ExpectedFinding;
import org.budgetnarrator.model.generate.VariationGenerator.Generated;
import org.budgetnarrator.model.generate.VariationGenerator.Seeded;
import org.budgetnarrator.model.generate.VariationGenerator.Variation;
import org.budgetnarrator.model.imports.BoundDocument;
import org.budgetnarrator.model.imports.DocumentBinder;
import org.budgetnarrator.model.imports.DocumentValidator;
import org.budgetnarrator.model.imports.JsonDocumentReader;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Generated department-years read cleanly, hold every identity of the public tables unless one was seeded, break
 * exactly where the seed says when one was, and show the variations asked for. The identities are checked here by a
 * checker of the test's own, written from shared/PUBLIC-TABLES.md, not by the generator's code.
 */
class VariationGeneratorTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final List<Seeded> KINDS = new ArrayList<>();

    static {
        KINDS.add(null);
        KINDS.addAll(List.of(Seeded.values()));
    }


    @Test
    void everyCombinationAndSeedReadsCleanlyAndBreaksOnlyWhereTheSeedSays() throws Exception {
        List<Set<Variation>> combinations = VariationGenerator.combinations();
        assertEquals(272, combinations.size(), "2^8 without MINIMAL + 2^4 with it");
        VariationGenerator generator = new VariationGenerator();
        Map<String, Integer> generated = new TreeMap<>();
        int documents = 0;
        int identities = 0;
        int skipped = 0;
        // 272 and 11 are coprime: over 272 × 11 documents every combination meets every seeded kind once.
        for (int i = 0; i < combinations.size() * KINDS.size(); i++) {
            Set<Variation> variations = combinations.get(i % combinations.size());
            Seeded kind = KINDS.get(i % KINDS.size());
            if (kind != null && !kind.possibleWith(variations)) {
                Seeded impossible = kind;
                assertThrows(IllegalArgumentException.class, () -> generator.generate(1, variations, impossible));
                skipped++;
                continue;
            }
            long seed = 1_000_003L * i + 17;
            Generated g = generator.generate(seed, variations, kind);
            Map<String, Object> doc = g.document();
            String label = "seed " + seed + " " + variations + " " + kind;
            documents++;
            generated.merge(kind == null ? "none" : kind.name(), 1, Integer::sum);

            byte[] json = MAPPER.writeValueAsBytes(doc);
            BoundDocument bound = new DocumentBinder().bind(new JsonDocumentReader().read("g.json", json));
            new DocumentValidator().validate(bound);
            assertTrue(bound.problems().isEmpty(), () -> label + ": " + bound.problems());

            assertTrue(g.variations().containsAll(variations), label);
            if (kind != null) {
                assertTrue(g.variations().containsAll(kind.needs()), label);
            }
            shows(doc, g.variations(), label);

            Checker checker = new Checker(doc);
            List<Failure> tableFailures = checker.tables();
            identities += checker.checked;
            List<Failure> textFailures = kind == null || !kind.inFigures() ? new NarrativeChecker(doc).failures() : List.of();
            if (kind == null) {
                assertEquals(List.of(), g.expected(), label);
                assertEquals(List.of(), tableFailures, label);
                assertEquals(List.of(), textFailures, label);
                continue;
            }
            assertEquals(1, g.expected().size(), label);
            ExpectedFinding expected = g.expected().get(0);
            assertEquals(kind, expected.kind(), label);
            assertFalse(expected.figures().isEmpty(), label);
            if (kind.inFigures()) {
                assertTrue(tableFailures.stream().anyMatch(f -> f.cells().contains(expected.where())),
                        () -> label + ": expected a failure at " + expected.where() + ", found " + tableFailures);
            } else {
                assertEquals(List.of(), tableFailures, label + ": a text seed leaves the figures alone");
                assertTrue(textFailures.stream().anyMatch(f -> f.cells().contains(expected.where())),
                        () -> label + ": expected a narrative finding at " + expected.where() + ", found " + textFailures);
            }
        }
        System.out.printf("VariationGenerator: %d documents read without a problem (%d combinations × seeded kinds, %d impossible "
                + "pairs refused), %d identities checked; by seeded kind %s%n", documents, combinations.size(), skipped, identities, generated);
        assertTrue(documents >= 1000, documents + " documents");
        for (Seeded kind : Seeded.values()) {
            assertTrue(generated.getOrDefault(kind.name(), 0) >= 50, kind + ": " + generated);
        }
    }

    @Test
    void theSameSeedGivesTheSameDocumentAndAnotherSeedAnotherOne() throws Exception {
        VariationGenerator generator = new VariationGenerator();
        Set<Variation> allButMinimal = EnumSet.complementOf(EnumSet.of(Variation.MINIMAL));
        for (Set<Variation> variations : List.of(EnumSet.noneOf(Variation.class), allButMinimal, EnumSet.of(Variation.MINIMAL, Variation.YUAN))) {
            for (Seeded kind : KINDS) {
                if (kind != null && !kind.possibleWith(variations)) {
                    continue;
                }
                Generated a = generator.generate(99, variations, kind);
                Generated b = generator.generate(99, variations, kind);
                assertArrayEquals(MAPPER.writeValueAsBytes(a.document()), MAPPER.writeValueAsBytes(b.document()));
                assertEquals(a.expected(), b.expected());
                assertNotEquals(MAPPER.writeValueAsString(a.document()),
                        MAPPER.writeValueAsString(generator.generate(100, variations, kind).document()));
            }
        }
    }

    @Test
    void minimalIsRefusedBesideWhatItLeavesOut() {
        VariationGenerator generator = new VariationGenerator();
        assertThrows(IllegalArgumentException.class, () -> generator.generate(1, EnumSet.of(Variation.MINIMAL, Variation.THREE_FUNDS), null));
        assertThrows(IllegalArgumentException.class, () -> generator.generate(1, EnumSet.of(Variation.MINIMAL), Seeded.SME_OVER_TOTAL));
        // A seed's needs are added: a 一级 project needs 二级 ones.
        assertTrue(generator.generate(1, EnumSet.of(Variation.MINIMAL), Seeded.LEVEL1_NOT_SUM).variations().contains(Variation.PROJECT_LEVELS));
    }

    // ---- what each variation shows ---------------------------------------------------------------------------------

    private static void shows(Map<String, Object> doc, Set<Variation> v, String label) {
        Cells c = new Cells(doc);
        boolean yuan = "元".equals(doc.get("moneyUnit"));
        assertEquals(v.contains(Variation.YUAN), yuan, label + ": YUAN ↔ moneyUnit 元");
        if (yuan) {
            assertTrue(c.value("T01/income_total/amount").compareTo(new BigDecimal("10000")) > 0, label + ": amounts in 元");
        }
        String[] nonFiscal = {"superior_subsidy", "public_service_unit_income", "operating_income", "subsidiary_remittance", "other_income"};
        if (v.contains(Variation.ALL_INCOME_SOURCES)) {
            assertTrue(c.value("T01/general_public_budget_appropriation/amount").signum() > 0, label);
            for (String source : nonFiscal) {
                assertTrue(c.value("T01/" + source + "/amount").signum() > 0, label + ": " + source);
            }
            assertTrue(c.value("T03/total/business").signum() > 0, label + ": 经营支出");
        }
        boolean funds = v.contains(Variation.THREE_FUNDS);
        for (String table : List.of("T07", "T08")) {
            assertEquals(funds, c.rows(table).stream().anyMatch(r -> r.matches("\\d+") && c.value(table + "/" + r + "/total").signum() > 0),
                    label + ": THREE_FUNDS ↔ " + table + " rows with figures");
        }
        assertEquals(funds, c.value("T04/expenditure_total/fund").signum() > 0 && c.value("T04/expenditure_total/stateCapital").signum() > 0, label);
        boolean carry = v.contains(Variation.CARRY_OVERS);
        for (String row : List.of("carry_forward_begin", "carry_forward_end", "non_fiscal_surplus_used", "surplus_distribution")) {
            assertEquals(carry, c.value("T01/" + row + "/amount").signum() > 0, label + ": CARRY_OVERS ↔ T01 " + row);
        }
        assertEquals(carry, c.value("T04/carry_forward_begin_general/amount").signum() > 0, label);
        assertEquals(carry, c.value("T04/carry_forward_end/general").signum() > 0, label);
        if (carry && funds) {
            assertTrue(c.value("T04/carry_forward_begin_fund/amount").signum() > 0 && c.value("T07/total/carryBegin").signum() > 0, label);
        }
        boolean levels = list(doc, "projects").stream().anyMatch(p -> Integer.valueOf(2).equals(p.get("level")) && p.get("parentCode") != null);
        assertEquals(v.contains(Variation.PROJECT_LEVELS), levels, label + ": PROJECT_LEVELS ↔ 二级 projects");
        boolean extra = v.contains(Variation.EXTRA_TABLES);
        assertEquals(extra, c.has("OFFICE_RUNNING/total/amount"), label);
        assertEquals(extra, c.has("PROCUREMENT/total/sme") && c.has("PROCUREMENT/total/micro"), label);
        assertEquals(extra, c.rows("ASSETS").contains("equipment_over_1m"), label);
        assertEquals(extra, c.rows("T09").contains("trip_1") && c.count("T09/OVERSEAS_TRAVEL/groups") > 0, label);
        assertEquals(extra, doc.containsKey("vehicles"), label);
        List<Map<String, Object>> layouts = list(doc, "tableLayouts");
        assertEquals(v.contains(Variation.LAYOUT), !layouts.isEmpty(), label + ": LAYOUT ↔ tableLayouts");
        if (!layouts.isEmpty()) {
            Map<String, Integer> position = new HashMap<>();
            layouts.forEach(l -> position.put((String) l.get("table"), (Integer) l.get("position")));
            assertTrue(position.get("T09") < position.get("T07"), label + ": 三公 before 政府性基金");
            assertTrue(List.of("表1", "一", "表一").contains(layouts.get(0).get("label")), label + ": " + layouts.get(0));
        }
        boolean previous = list(doc, "publishedTables").stream().anyMatch(r -> "PREVIOUS".equals(r.get("period")));
        assertEquals(v.contains(Variation.PREVIOUS_YEAR), previous, label + ": PREVIOUS_YEAR ↔ rows of last year");
        if (previous) {
            assertTrue(c.previous("T01/income_total/amount") != null && c.previous("T05/total/total") != null, label);
        }
        if (v.contains(Variation.MINIMAL)) {
            for (String source : nonFiscal) {
                assertEquals(0, c.value("T01/" + source + "/amount").signum(), label);
            }
            for (String table : List.of("T07", "T08", "T09")) {
                List<Map<String, Object>> rows = list(doc, "publishedTables").stream().filter(r -> table.equals(r.get("table"))).toList();
                assertEquals(1, rows.size(), label + ": " + table + " is one 合计 row");
                assertEquals(Set.of("table", "row", "name"), rows.get(0).keySet(), label + ": without figures");
            }
        } else {
            assertTrue(c.value("T09/TOTAL/actual").signum() > 0, label + ": 三公 figures");
        }
    }

    // ---- the identity checker --------------------------------------------------------------------------------------

    /** A broken identity and the cells it involves ("T05/2010301/basic", "projects/P1/executed"). */
    record Failure(String identity, Set<String> cells) {
    }

    /** The printed cells of a document, the year's and last year's; a blank cell reads as 0. */
    static final class Cells {
        final Map<String, Object> current = new LinkedHashMap<>();
        final Map<String, Object> previous = new LinkedHashMap<>();
        final Map<String, List<String>> rows = new LinkedHashMap<>();
        /** The columns a table prints in any of its rows. */
        final Map<String, Set<String>> columns = new LinkedHashMap<>();

        Cells(Map<String, Object> doc) {
            for (Map<String, Object> row : list(doc, "publishedTables")) {
                String key = row.get("table") + "/" + row.get("row");
                boolean last = "PREVIOUS".equals(row.get("period"));
                if (!last) {
                    rows.computeIfAbsent((String) row.get("table"), k -> new ArrayList<>()).add((String) row.get("row"));
                }
                for (Map.Entry<String, Object> e : row.entrySet()) {
                    if (!List.of("table", "row", "name", "lineNo", "period").contains(e.getKey())) {
                        (last ? previous : current).put(key + "/" + e.getKey(), e.getValue());
                        if (!last) {
                            columns.computeIfAbsent((String) row.get("table"), k -> new LinkedHashSet<>()).add(e.getKey());
                        }
                    }
                }
            }
        }

        BigDecimal value(String cell) {
            Object v = current.get(cell);
            return v == null ? BigDecimal.ZERO : new BigDecimal(v.toString());
        }

        boolean has(String cell) {
            return current.containsKey(cell);
        }

        int count(String cell) {
            Object v = current.get(cell);
            return v == null ? 0 : ((Number) v).intValue();
        }

        Object previous(String cell) {
            return previous.get(cell);
        }

        List<String> rows(String table) {
            return rows.getOrDefault(table, List.of());
        }
    }

    static final class Checker {
        final Map<String, Object> doc;
        final Cells c;
        final List<Failure> failures = new ArrayList<>();
        int checked;

        Checker(Map<String, Object> doc) {
            this.doc = doc;
            this.c = new Cells(doc);
        }

        /** Σ left = Σ right, exactly (the generator prints amounts with two decimals). */
        void equal(String identity, List<String> left, List<String> right) {
            checked++;
            BigDecimal l = left.stream().map(c::value).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal r = right.stream().map(c::value).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (l.compareTo(r) != 0) {
                Set<String> cells = new LinkedHashSet<>(left);
                cells.addAll(right);
                failures.add(new Failure(identity + ": " + l + " ≠ " + r, cells));
            }
        }

        void notAbove(String identity, String part, String whole) {
            checked++;
            if (c.value(part).compareTo(c.value(whole)) > 0) {
                failures.add(new Failure(identity, new LinkedHashSet<>(List.of(part, whole))));
            }
        }

        static List<String> cells(String table, String column, List<String> rows) {
            return rows.stream().map(r -> table + "/" + r + "/" + column).toList();
        }

        List<String> columns(String table) {
            return new ArrayList<>(c.columns.getOrDefault(table, Set.of()));
        }

        boolean anyPrinted(String table, String... columns) {
            Set<String> printed = c.columns.getOrDefault(table, Set.of());
            for (String column : columns) {
                if (printed.contains(column)) {
                    return true;
                }
            }
            return false;
        }

        List<Failure> tables() {
            t01();
            for (String table : List.of("T02", "T03", "T05", "T07", "T08")) {
                hierarchy(table);
            }
            for (String row : codesAndTotal("T02")) {
                String p = "T02/" + row + "/";
                equal("T02 合计 = 财政拨款 + other sources", List.of(p + "total"), List.of(p + "fiscal", p + "superiorSubsidy",
                        p + "serviceIncome", p + "operatingIncome", p + "subsidiaryRemittance", p + "otherIncome"));
                if (anyPrinted("T02", "general", "fund", "stateCapital")) {
                    equal("T02 财政拨款 = by fund", List.of(p + "fiscal"), List.of(p + "general", p + "fund", p + "stateCapital"));
                }
            }
            for (String row : codesAndTotal("T03")) {
                String p = "T03/" + row + "/";
                equal("T03 合计 = its columns", List.of(p + "total"), List.of(p + "basic", p + "project", p + "remittance", p + "business",
                        p + "subsidiary"));
            }
            for (String row : codesAndTotal("T05")) {
                String p = "T05/" + row + "/";
                equal("T05 合计 = 基本 + 项目", List.of(p + "total"), List.of(p + "basic", p + "project"));
                if (anyPrinted("T05", "personnel", "operating")) {
                    equal("T05 基本 = 人员 + 公用", List.of(p + "basic"), List.of(p + "personnel", p + "operating"));
                }
                if (anyPrinted("T05", "carryBegin", "income", "carryEnd")) {
                    equal("T05 年初 + 本年收入 = 本年支出 + 年末", List.of(p + "carryBegin", p + "income"), List.of(p + "total", p + "carryEnd"));
                }
            }
            for (String table : List.of("T07", "T08")) {
                for (String row : codesAndTotal(table)) {
                    String p = table + "/" + row + "/";
                    equal(table + " 本年支出 = 基本 + 项目", List.of(p + "total"), List.of(p + "basic", p + "project"));
                    equal(table + " 年初 + 本年收入 = 本年支出 + 年末", List.of(p + "carryBegin", p + "income"), List.of(p + "total", p + "carryEnd"));
                }
            }
            t02WithT01();
            t03WithT01();
            t04();
            t06();
            t09();
            procurement();
            projects();
            return failures;
        }

        List<String> codes(String table) {
            return c.rows(table).stream().filter(r -> r.matches("\\d+")).toList();
        }

        List<String> codesAndTotal(String table) {
            List<String> out = new ArrayList<>(codes(table));
            if (c.rows(table).contains("total")) {
                out.add("total");
            }
            return out;
        }

        void hierarchy(String table) {
            List<String> codes = codes(table);
            for (String column : columns(table)) {
                for (String code : codes) {
                    List<String> children = codes.stream().filter(k -> k.length() == code.length() + 2 && k.startsWith(code)).toList();
                    if (!children.isEmpty()) {
                        equal(table + " " + code + " = Σ children (" + column + ")", List.of(table + "/" + code + "/" + column),
                                cells(table, column, children));
                    }
                }
                if (c.rows(table).contains("total")) {
                    equal(table + " 合计 = Σ 类 (" + column + ")", List.of(table + "/total/" + column),
                            cells(table, column, codes.stream().filter(k -> k.length() == 3).toList()));
                }
            }
        }

        void t01() {
            List<String> sources = List.of("general_public_budget_appropriation", "government_fund_budget_appropriation",
                    "state_capital_budget_appropriation", "superior_subsidy", "public_service_unit_income", "operating_income",
                    "subsidiary_remittance", "other_income");
            equal("T01 本年收入合计 = Σ sources", List.of("T01/income_total/amount"), cells("T01", "amount", sources));
            equal("T01 收入总计", List.of("T01/income_grand_total/amount"), List.of("T01/income_total/amount",
                    "T01/non_fiscal_surplus_used/amount", "T01/carry_forward_begin/amount"));
            equal("T01 支出总计", List.of("T01/expenditure_grand_total/amount"), List.of("T01/expenditure_total/amount",
                    "T01/surplus_distribution/amount", "T01/carry_forward_end/amount"));
            equal("T01 收入总计 = 支出总计", List.of("T01/income_grand_total/amount"), List.of("T01/expenditure_grand_total/amount"));
            equal("T01 本年支出合计 = Σ 类", List.of("T01/expenditure_total/amount"), cells("T01", "amount", codes("T01")));
        }

        void t02WithT01() {
            equal("02 合计 = 01 本年收入合计", List.of("T02/total/total"), List.of("T01/income_total/amount"));
            equal("02 财政拨款 = 01 three appropriations", List.of("T02/total/fiscal"), List.of("T01/general_public_budget_appropriation/amount",
                    "T01/government_fund_budget_appropriation/amount", "T01/state_capital_budget_appropriation/amount"));
            String[][] pairs = {{"superiorSubsidy", "superior_subsidy"}, {"serviceIncome", "public_service_unit_income"},
                    {"operatingIncome", "operating_income"}, {"subsidiaryRemittance", "subsidiary_remittance"}, {"otherIncome", "other_income"}};
            for (String[] pair : pairs) {
                equal("02 = 01 " + pair[1], List.of("T02/total/" + pair[0]), List.of("T01/" + pair[1] + "/amount"));
            }
        }

        void t03WithT01() {
            equal("03 合计 = 01 本年支出合计", List.of("T03/total/total"), List.of("T01/expenditure_total/amount"));
            Set<String> classes = new LinkedHashSet<>(codes("T01"));
            codes("T03").stream().filter(k -> k.length() == 3).forEach(classes::add);
            for (String k : classes) {
                equal("03 类 = 01 类 " + k, List.of("T03/" + k + "/total"), List.of("T01/" + k + "/amount"));
            }
        }

        void t04() {
            String[][] funds = {{"general_public_budget_appropriation", "general", "T05", "carry_forward_begin_general"},
                    {"government_fund_budget_appropriation", "fund", "T07", "carry_forward_begin_fund"},
                    {"state_capital_budget_appropriation", "stateCapital", "T08", "carry_forward_begin_state_capital"}};
            List<String> income = new ArrayList<>();
            List<String> begin = new ArrayList<>();
            for (String[] f : funds) {
                equal("04 " + f[0] + " = 01", List.of("T04/" + f[0] + "/amount"), List.of("T01/" + f[0] + "/amount"));
                income.add("T04/" + f[0] + "/amount");
                begin.add("T04/" + f[3] + "/amount");
            }
            equal("04 本年收入合计", List.of("T04/income_total/amount"), income);
            equal("04 年初结转和结余 = by fund", List.of("T04/carry_forward_begin/amount"), begin);
            equal("04 收入总计", List.of("T04/income_grand_total/amount"), List.of("T04/income_total/amount", "T04/carry_forward_begin/amount"));
            equal("04 收入总计 = 支出总计", List.of("T04/income_grand_total/amount"), List.of("T04/expenditure_grand_total/total"));
            List<String> rows = new ArrayList<>(codes("T04"));
            rows.addAll(List.of("expenditure_total", "carry_forward_end", "expenditure_grand_total"));
            for (String row : rows) {
                String p = "T04/" + row + "/";
                equal("04 合计 = Σ funds " + row, List.of(p + "total"), List.of(p + "general", p + "fund", p + "stateCapital"));
            }
            for (String column : List.of("total", "general", "fund", "stateCapital")) {
                equal("04 本年支出合计 = Σ 类 (" + column + ")", List.of("T04/expenditure_total/" + column), cells("T04", column, codes("T04")));
                equal("04 支出总计 (" + column + ")", List.of("T04/expenditure_grand_total/" + column),
                        List.of("T04/expenditure_total/" + column, "T04/carry_forward_end/" + column));
            }
            for (String[] f : funds) {
                String table = f[2];
                Set<String> classes = new LinkedHashSet<>(codes("T04"));
                codes(table).stream().filter(k -> k.length() == 3).forEach(classes::add);
                for (String k : classes) {
                    equal("04 " + f[1] + " = " + table + " 类 " + k, List.of("T04/" + k + "/" + f[1]), List.of(table + "/" + k + "/total"));
                }
                equal("04 " + f[1] + " 本年支出合计 = " + table + " 合计", List.of("T04/expenditure_total/" + f[1]), List.of(table + "/total/total"));
                if (anyPrinted(table, "carryBegin", "income", "carryEnd")) {
                    equal("04 " + f[3] + " = " + table, List.of("T04/" + f[3] + "/amount"), List.of(table + "/total/carryBegin"));
                    equal("04 " + f[0] + " = " + table + " 本年收入", List.of("T04/" + f[0] + "/amount"), List.of(table + "/total/income"));
                    equal("04 年末 " + f[1] + " = " + table, List.of("T04/carry_forward_end/" + f[1]), List.of(table + "/total/carryEnd"));
                }
            }
        }

        void t06() {
            List<String> codes = codes("T06");
            for (String k : codes.stream().filter(x -> x.length() == 3).toList()) {
                equal("06 类 = Σ 款 " + k, List.of("T06/" + k + "/amount"),
                        cells("T06", "amount", codes.stream().filter(x -> x.length() == 5 && x.startsWith(k)).toList()));
            }
            equal("06 人员经费 = 301 + 303", List.of("T06/personnel_total/amount"), List.of("T06/301/amount", "T06/303/amount"));
            equal("06 公用经费 = 302 + 307 + 310 + 399", List.of("T06/operating_total/amount"),
                    List.of("T06/302/amount", "T06/307/amount", "T06/310/amount", "T06/399/amount"));
            if (c.rows("T06").contains("total")) {
                equal("06 合计", List.of("T06/total/amount"), List.of("T06/personnel_total/amount", "T06/operating_total/amount"));
            }
            equal("05 基本支出 = 06 人员 + 公用", List.of("T05/total/basic"), List.of("T06/personnel_total/amount", "T06/operating_total/amount"));
            if (anyPrinted("T05", "personnel")) {
                equal("05 人员经费 = 06", List.of("T05/total/personnel"), List.of("T06/personnel_total/amount"));
            }
        }

        void t09() {
            for (String column : List.of("budget", "actual")) {
                equal("09 合计 = parts (" + column + ")", List.of("T09/TOTAL/" + column),
                        List.of("T09/OVERSEAS_TRAVEL/" + column, "T09/VEHICLE/" + column, "T09/RECEPTION/" + column));
                if (c.rows("T09").contains("VEHICLE_PURCHASE") || c.rows("T09").contains("VEHICLE_OPERATION")) {
                    equal("09 车辆 = 购置 + 运行 (" + column + ")", List.of("T09/VEHICLE/" + column),
                            List.of("T09/VEHICLE_PURCHASE/" + column, "T09/VEHICLE_OPERATION/" + column));
                }
                if (c.rows("T09").contains("RECEPTION_FOREIGN") || c.rows("T09").contains("RECEPTION_DOMESTIC")) {
                    equal("09 接待 = 外宾 + 国内 (" + column + ")", List.of("T09/RECEPTION/" + column),
                            List.of("T09/RECEPTION_FOREIGN/" + column, "T09/RECEPTION_DOMESTIC/" + column));
                }
            }
            List<String> trips = c.rows("T09").stream().filter(r -> r.startsWith("trip_")).toList();
            if (!trips.isEmpty()) {
                equal("09 出国 = Σ trips", List.of("T09/OVERSEAS_TRAVEL/actual"), cells("T09", "actual", trips));
                checked++;
                int persons = trips.stream().mapToInt(t -> c.count("T09/" + t + "/persons")).sum();
                if (persons != c.count("T09/OVERSEAS_TRAVEL/persons") || trips.size() != c.count("T09/OVERSEAS_TRAVEL/groups")) {
                    failures.add(new Failure("09 trips ≠ groups/persons", Set.of("T09/OVERSEAS_TRAVEL/persons")));
                }
            }
            if (doc.containsKey("vehicles")) {
                checked++;
                int held = list(doc, "vehicles").stream().mapToInt(x -> ((Number) x.get("count")).intValue()).sum();
                if (held != c.count("T09/VEHICLE/vehiclesHeld") || held != c.count("ASSETS/vehicles/count")) {
                    failures.add(new Failure("vehicles held", Set.of("T09/VEHICLE/vehiclesHeld", "ASSETS/vehicles/count")));
                }
            }
        }

        void procurement() {
            if (c.rows("PROCUREMENT").isEmpty()) {
                return;
            }
            List<String> parts = List.of("goods", "works", "services");
            for (String column : List.of("planned", "amount", "sme", "micro")) {
                equal("采购 合计 (" + column + ")", List.of("PROCUREMENT/total/" + column), cells("PROCUREMENT", column, parts));
            }
            for (String row : c.rows("PROCUREMENT")) {
                notAbove("中小企业 ≤ 金额 " + row, "PROCUREMENT/" + row + "/sme", "PROCUREMENT/" + row + "/amount");
                notAbove("小微企业 ≤ 中小企业 " + row, "PROCUREMENT/" + row + "/micro", "PROCUREMENT/" + row + "/sme");
            }
        }

        void projects() {
            List<Map<String, Object>> projects = list(doc, "projects");
            for (Map<String, Object> parent : projects) {
                List<Map<String, Object>> children = projects.stream().filter(p -> parent.get("code").equals(p.get("parentCode"))).toList();
                if (children.isEmpty()) {
                    continue;
                }
                for (String field : List.of("initialBudget", "adjustedBudget", "executed")) {
                    checked++;
                    BigDecimal sum = children.stream().map(p -> new BigDecimal((String) p.get(field))).reduce(BigDecimal.ZERO, BigDecimal::add);
                    if (sum.compareTo(new BigDecimal((String) parent.get(field))) != 0) {
                        failures.add(new Failure("一级 = Σ 二级 " + field, Set.of("projects/" + parent.get("code") + "/" + field)));
                    }
                }
            }
        }
    }

    // ---- the narrative checker -------------------------------------------------------------------------------------

    /** Reads the 情况说明 on its own: the figures it states on a basis, its indicator verdicts, repeats and doubled words. */
    static final class NarrativeChecker {
        private static final Pattern HEADING = Pattern.compile("^(十一|十二|十|[一二三四五六七八九])、");
        private static final Pattern DOUBLED = Pattern.compile("(\\p{IsHan}{2})\\1|的的");
        private static final Pattern NUMBER = Pattern.compile("(\\d+(?:\\.\\d+)?)");
        final Map<String, Object> doc;
        final Cells c;
        final List<Failure> failures = new ArrayList<>();
        /** Paragraph → the section it stands under, "情况说明 三". */
        final List<String[]> paragraphs = new ArrayList<>();

        NarrativeChecker(Map<String, Object> doc) {
            this.doc = doc;
            this.c = new Cells(doc);
            List<Map<String, Object>> documents = list(doc, "documents");
            assertEquals(1, documents.size());
            assertEquals("FINAL_ACCOUNTS_NARRATIVE", documents.get(0).get("kind"));
            String section = "情况说明";
            for (String line : ((String) documents.get(0).get("text")).split("\n")) {
                Matcher m = HEADING.matcher(line);
                if (m.find()) {
                    section = "情况说明 " + m.group(1);
                    continue;
                }
                paragraphs.add(new String[]{section, line});
            }
        }

        List<Failure> failures() {
            figure("收入总计(\\d+\\.\\d{2})", "T01/income_grand_total/amount");
            figure("一般公共预算财政拨款支出(\\d+\\.\\d{2})", "T05/total/total");
            indicators();
            Map<String, String> seen = new HashMap<>();
            for (String[] p : paragraphs) {
                if (p[1].length() > 20 && seen.putIfAbsent(p[1], p[0]) != null) {
                    failures.add(new Failure("paragraph repeated from " + seen.get(p[1]), Set.of(p[0])));
                }
                Matcher m = DOUBLED.matcher(p[1]);
                if (m.find()) {
                    failures.add(new Failure("doubled " + m.group(), Set.of(p[0])));
                }
            }
            return failures;
        }

        /** The first figure the pattern finds is the cell's (same unit as the tables). */
        void figure(String pattern, String cell) {
            Pattern p = Pattern.compile(pattern);
            for (String[] paragraph : paragraphs) {
                Matcher m = p.matcher(paragraph[1]);
                if (m.find()) {
                    if (new BigDecimal(m.group(1)).compareTo(c.value(cell)) != 0) {
                        failures.add(new Failure(pattern + " states " + m.group(1) + ", " + cell + " is " + c.value(cell),
                                Set.of(paragraph[0], cell)));
                    }
                    return;
                }
            }
            fail("the narrative states no " + pattern);
        }

        static boolean met(String target, String actual) {
            Matcher t = NUMBER.matcher(target);
            Matcher a = NUMBER.matcher(actual);
            if (!t.find() || !a.find()) {
                return true;
            }
            BigDecimal tv = new BigDecimal(t.group(1));
            BigDecimal av = new BigDecimal(a.group(1));
            return target.startsWith("≤") ? av.compareTo(tv) <= 0 : av.compareTo(tv) >= 0;
        }

        void indicators() {
            String text = paragraphs.stream().map(p -> p[1]).reduce("", (x, y) -> x + "\n" + y);
            for (Map<String, Object> project : list(doc, "projects")) {
                List<Map<String, Object>> indicators = list(project, "indicators");
                boolean anyMissed = false;
                for (Map<String, Object> i : indicators) {
                    String target = (String) i.get("target");
                    String actual = (String) i.get("actual");
                    boolean met = met(target, actual);
                    anyMissed |= !met;
                    String where = "projects/" + project.get("code") + "/indicators/" + i.get("name");
                    String stated = i.get("name") + "指标年度目标值为" + target + "，实际完成值为" + actual + "，";
                    int at = text.indexOf(stated);
                    assertTrue(at >= 0, "the narrative speaks of " + stated);
                    boolean saysMet = text.startsWith("已完成", at + stated.length());
                    if (saysMet != met) {
                        failures.add(new Failure("indicator called " + (saysMet ? "met" : "missed"), Set.of(where)));
                    }
                    String outcome = String.valueOf(project.get("outcome"));
                    if (!met && !(outcome.contains("未完成") && outcome.contains((String) i.get("name")))) {
                        failures.add(new Failure("outcome calls a missed indicator met", Set.of(where)));
                    }
                }
                if (!indicators.isEmpty() && !anyMissed) {
                    assertTrue(String.valueOf(project.get("outcome")).contains("均已完成"), "outcome of " + project.get("code"));
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Map<String, Object> doc, String key) {
        Object value = doc.get(key);
        return value == null ? List.of() : (List<Map<String, Object>>) value;
    }
}
