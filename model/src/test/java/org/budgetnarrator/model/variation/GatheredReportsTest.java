package org.budgetnarrator.model.variation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.budgetnarrator.model.domain.PublicTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The layouts and opening paragraphs of real published 部门决算 (variation/gathered-reports.json, described in
 * docs/real-reports.md). The generator and the drafting templates take their variety from this fixture, so it has to
 * stay broad (levels, regions, unit kinds, years), speak the vocabulary of {@link PublicTable}, and hold facts only:
 * headings, short terms and numbers, never a sentence of someone else's report.
 */
class GatheredReportsTest {

    private static final String FIXTURE = "/variation/gathered-reports.json";

    /** Terms of at most this many characters are facts; anything longer would be copied text. */
    private static final int MAX_TERM = 12;

    /** Fields that may run longer: addresses, names and headings as printed, and our own notes. */
    private static final Set<String> FREE_LENGTH = Set.of("url", "title", "notes", "reason");

    /** Fields holding vocabulary keys (checked against their vocabulary below), not the report's text. */
    private static final Set<String> VOCABULARY_KEYS = Set.of("level", "unitKind", "scope", "table", "cell", "of",
            "kind", "direction", "period", "style", "speaksOf", "order");

    private static final Set<String> LEVELS = Set.of("PROVINCIAL", "CITY", "COUNTY", "TOWNSHIP");
    private static final Set<String> UNIT_KINDS = Set.of("ADMINISTRATIVE", "PUBLIC_SERVICE", "HOSPITAL", "SCHOOL",
            "PARTY_MASS", "TOWNSHIP_GOVERNMENT", "OTHER");
    private static final Set<String> SCOPES = Set.of("DEPARTMENT", "UNIT");
    private static final Set<String> MONEY_UNITS = Set.of("万元", "元");
    private static final Set<String> KINDS = Set.of("AMOUNT", "CHANGE", "RATE", "SHARE", "COUNT", "PERCENT_OF_BUDGET");
    private static final Set<String> UNITS = Set.of("万元", "元", "%", "个", "人");
    private static final Set<String> DIRECTIONS = Set.of("UP", "DOWN", "FLAT");
    private static final Set<String> DIRECTED_KINDS = Set.of("CHANGE", "RATE");
    private static final Pattern NUMBER = Pattern.compile("[0-9]+(\\.[0-9]+)?");
    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

    record Gathered(String readOn, List<Report> reports) {
    }

    record Report(String url, String readOn, String title, String province, String region, String level,
                  String unitKind, String scope, int fiscalYear, String moneyUnit, String style, List<Part> parts,
                  List<Section> sections, List<PrintedTable> tables, List<Opening> openings, String notes) {
    }

    record Part(String number, String title) {
    }

    record Section(String part, String number, String title) {
    }

    record PrintedTable(String label, String title, String table) {
    }

    /**
     * @param structure how the paragraph is built
     * @param slips     figures it prints that contradict its own tables or figures, or its own way of printing, each with why
     */
    record Opening(String section, List<Claim> claims, List<String> connectives, boolean reasonGiven, Structure structure,
                   List<Slip> slips) {
    }

    /**
     * How an opening paragraph is built, as facts: what it speaks of, whether it states the two totals at once with 均为,
     * one change for both with 各, whether it lists parts under 其中, and the cells it names in the order it names them.
     */
    record Structure(String speaksOf, boolean together, boolean each, boolean among, List<String> order) {
    }

    record Slip(String value, String unit, String reason) {
    }

    record Claim(String cell, String period, String kind, String value, String unit, String direction, String of,
                 String wording) {
    }

    private static JsonNode tree;
    private static List<Report> reports;

    @BeforeAll
    static void readFixture() throws IOException {
        // Unknown fields fail the read (Jackson's default), so the records above are the fixture's whole shape.
        ObjectMapper mapper = new ObjectMapper();
        try (InputStream in = GatheredReportsTest.class.getResourceAsStream(FIXTURE)) {
            assertNotNull(in, FIXTURE + " is missing");
            tree = mapper.readTree(in);
        }
        reports = mapper.treeToValue(tree, Gathered.class).reports();
    }

    @Test
    void coversAtLeastFortyReportsFromTenProvinces() {
        assertTrue(reports.size() >= 40, "only " + reports.size() + " reports");
        Set<String> provinces = reports.stream().map(Report::province).collect(Collectors.toSet());
        assertFalse(provinces.contains(null), "a report has no province");
        assertTrue(provinces.size() >= 10, "only provinces " + provinces);
    }

    @Test
    void coversEveryGovernmentLevel() {
        Set<String> levels = reports.stream().map(Report::level).collect(Collectors.toSet());
        assertEquals(LEVELS, levels);
    }

    @Test
    void describesUnitsByTheDocumentedKindsIncludingHospitalsAndSchools() {
        for (Report r : reports) {
            assertTrue(UNIT_KINDS.contains(r.unitKind()), r.url() + ": unit kind " + r.unitKind());
            assertTrue(SCOPES.contains(r.scope()), r.url() + ": scope " + r.scope());
            assertTrue(r.moneyUnit() == null || MONEY_UNITS.contains(r.moneyUnit()), r.url() + ": money unit " + r.moneyUnit());
        }
        Set<String> kinds = reports.stream().map(Report::unitKind).collect(Collectors.toSet());
        assertTrue(kinds.contains("HOSPITAL"), "no hospital");
        assertTrue(kinds.contains("SCHOOL"), "no school");
    }

    @Test
    void fiscalYearsLieWithin2019To2024AndSpanAtLeastFiveYears() {
        for (Report r : reports) {
            assertTrue(r.fiscalYear() >= 2019 && r.fiscalYear() <= 2024, r.url() + ": fiscal year " + r.fiscalYear());
        }
        Set<Integer> years = reports.stream().map(Report::fiscalYear).collect(Collectors.toCollection(TreeSet::new));
        assertTrue(years.size() >= 5, "only years " + years);
    }

    @Test
    void everyReportHasItsOwnUrlAndTheDateItWasRead() {
        Set<String> urls = new HashSet<>();
        for (Report r : reports) {
            assertTrue(r.url() != null && r.url().startsWith("http"), "url " + r.url());
            assertTrue(urls.add(r.url()), "url listed twice: " + r.url());
            assertTrue(r.readOn() != null && DATE.matcher(r.readOn()).matches(), r.url() + ": readOn " + r.readOn());
        }
    }

    @Test
    void reportsAreSortedByProvinceThenUrl() {
        List<Report> sorted = new ArrayList<>(reports);
        sorted.sort(Comparator.comparing(Report::province).thenComparing(Report::url));
        assertEquals(sorted.stream().map(Report::url).toList(), reports.stream().map(Report::url).toList());
    }

    @Test
    void everyPrintedTableIsAPublicTableOrOther() {
        for (Report r : reports) {
            for (PrintedTable t : r.tables()) {
                assertTrue("OTHER".equals(t.table()) || PublicTable.byKey(t.table()).isPresent(),
                        r.url() + ": table " + t.table() + " (" + t.title() + ")");
                assertTrue(t.title() != null && !t.title().isBlank(), r.url() + ": a table without title");
            }
        }
    }

    @Test
    void everyMappedCellIsATableRowAndColumnThePublicTablesHave() {
        int mapped = 0;
        for (Report r : reports) {
            for (Claim c : claims(r)) {
                if (c.cell() != null) {
                    assertTrue(fitsPublicTables(c.cell()), r.url() + ": cell " + c.cell());
                    mapped++;
                }
                if (c.of() != null) {
                    assertTrue(fitsPublicTables(c.of()), r.url() + ": share of " + c.of());
                }
                assertTrue(c.period() == null || isPeriod(c.period()), r.url() + ": period " + c.period());
            }
        }
        assertTrue(mapped > 0, "no claim names a cell");
    }

    /** Guards the check above: it must turn away the draft vocabulary's keys and keys of the wrong table. */
    @Test
    void cellCheckTurnsAwayKeysTheTablesDoNotHave() {
        assertTrue(fitsPublicTables("T01/income_grand_total+expenditure_grand_total/amount"));
        assertTrue(fitsPublicTables("T05/2010101/total"));
        assertTrue(fitsPublicTables("T09/trip_2/actual"));
        assertFalse(fitsPublicTables("T01/income_total/previous"), "last year's figure is a period, not a column");
        assertFalse(fitsPublicTables("ASSETS/vehicles_law_enforcement/count"), "vehicles by kind are a list, not rows");
        assertFalse(fitsPublicTables("T01/20101/amount"), "T01 lists 类 only");
        assertFalse(fitsPublicTables("T09/VEHICLE/amount"), "三公 has budget and actual, no amount");
        assertFalse(fitsPublicTables("T03/income_total/total"), "本年收入合计 is not a row of 支出决算表");
        assertFalse(fitsPublicTables("T11/total/amount"));
        assertFalse(fitsPublicTables("T01/income_total"));
    }

    /** Every opening says how it is built, in the vocabulary of the cells it states; a slip is one of its own figures. */
    @Test
    void everyOpeningHasItsStructureAndItsSlipsAreItsOwnFigures() {
        Set<String> subjects = Set.of("TOTALS", "INCOME", "EXPENDITURE", "FISCAL_TOTALS", "CARRY_FORWARD_END");
        for (Report r : reports) {
            assertTrue(r.openings().isEmpty() || r.style() != null, r.url() + ": openings without the style they are drafted in");
            for (Opening o : r.openings()) {
                String where = r.url() + " " + o.section();
                assertNotNull(o.structure(), where + ": no structure");
                assertTrue(subjects.contains(o.structure().speaksOf()), where + ": speaks of " + o.structure().speaksOf());
                assertFalse(o.structure().order().isEmpty(), where + ": no parts");
                for (String cell : o.structure().order()) {
                    assertTrue(fitsPublicTables(cell), where + ": part " + cell);
                    assertTrue(o.claims().stream().anyMatch(c -> cell.equals(c.cell())), where + ": part " + cell + " states no figure");
                }
                assertEquals(o.structure().together(), o.claims().stream().anyMatch(c -> c.wording().contains("均为")), where + ": 均为");
                for (Slip s : o.slips()) {
                    assertTrue(o.claims().stream().anyMatch(c -> c.value().equals(s.value()) && c.unit().equals(s.unit())),
                            where + ": slip " + s.value() + s.unit() + " is none of its figures");
                    assertTrue(s.reason() != null && !s.reason().isBlank(), where + ": slip " + s.value() + " without a reason");
                }
            }
        }
    }

    @Test
    void claimsUseTheDocumentedKindsUnitsAndDirections() {
        for (Report r : reports) {
            for (Claim c : claims(r)) {
                String where = r.url() + ": " + c;
                assertTrue(KINDS.contains(c.kind()), where);
                assertTrue(UNITS.contains(c.unit()), where);
                assertTrue(c.value() != null && NUMBER.matcher(c.value()).matches(), where);
                if (DIRECTED_KINDS.contains(c.kind())) {
                    assertTrue(DIRECTIONS.contains(c.direction()), where);
                } else {
                    assertEquals(null, c.direction(), where);
                }
                if (!"SHARE".equals(c.kind())) {
                    assertEquals(null, c.of(), where);
                }
                if ("RATE".equals(c.kind()) || "SHARE".equals(c.kind())) {
                    assertEquals("%", c.unit(), where);
                }
            }
        }
    }

    /** An unmapped cell is null; the report's own term still says what the figure was. */
    @Test
    void everyClaimKeepsTheReportsOwnTerm() {
        for (Report r : reports) {
            for (Claim c : claims(r)) {
                assertTrue(c.wording() != null && !c.wording().isBlank(), r.url() + ": " + c);
            }
        }
    }

    @Test
    void holdsNoTextLongerThanATermOutsideHeadingsTitlesAndNotes() {
        List<String> tooLong = new ArrayList<>();
        collectLongStrings(tree, "", tooLong);
        assertEquals(List.of(), tooLong);
    }

    private static void collectLongStrings(JsonNode node, String field, List<String> out) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> e = fields.next();
                collectLongStrings(e.getValue(), e.getKey(), out);
            }
        } else if (node.isArray()) {
            node.forEach(item -> collectLongStrings(item, field, out));
        } else if (node.isTextual() && !FREE_LENGTH.contains(field) && !VOCABULARY_KEYS.contains(field)) {
            String text = node.asText();
            if (text.codePointCount(0, text.length()) > MAX_TERM) {
                out.add(field + ": " + text);
            }
        }
    }

    private static List<Claim> claims(Report r) {
        return r.openings().stream().flatMap(o -> o.claims().stream()).toList();
    }

    private static boolean isPeriod(String period) {
        for (PublicTable.Period p : PublicTable.Period.values()) {
            if (p.name().equals(period)) {
                return true;
            }
        }
        return false;
    }

    /** TABLE/row[+row…]/column, each row a named row, an account code of the table's shape, or one of its own rows. */
    private static boolean fitsPublicTables(String cell) {
        String[] parts = cell.split("/", -1);
        if (parts.length != 3) {
            return false;
        }
        Optional<PublicTable> table = PublicTable.byKey(parts[0]);
        if (table.isEmpty()) {
            return false;
        }
        PublicTable t = table.get();
        for (String row : parts[1].split("\\+", -1)) {
            if (t.namedRow(row).isEmpty() && !t.fitsCode(row) && !t.fitsOwnRow(row)) {
                return false;
            }
        }
        return PublicTable.Column.byKey(parts[2]).map(t::allows).orElse(false);
    }
}
