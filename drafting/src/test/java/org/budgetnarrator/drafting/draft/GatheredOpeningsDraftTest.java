package org.budgetnarrator.drafting.draft;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.budgetnarrator.model.read.YearData;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The opening paragraphs gathered from published 部门决算 (variation/gathered-reports.json: each figure with its cell,
 * kind and value, how the paragraph is built, and its listed slips), each drafted from a department-year that holds the
 * figures it states — its amounts as the cells, last year's figure where it states a change — in the style its report
 * names (a shipped style, data). Two shares: the figures the draft states at the published precision (the listed slips,
 * figures that contradict the report's own tables or figures, left out), and the paragraphs whose draft is built as the
 * published one is (均为, 各, 其中, and the order of the parts). The floors only rise; the shares are reported in README.
 */
class GatheredOpeningsDraftTest {

    private static final Path GATHERED = Path.of("..", "model", "src", "test", "resources", "variation", "gathered-reports.json");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** The share of gathered opening figures (listed slips aside) the drafts state, in percent; raise it as they improve. */
    private static final double FLOOR = 100;
    /** The share of gathered openings whose draft is built as the published paragraph, in percent. */
    private static final double STRUCTURE_FLOOR = 100;
    private static final Pattern EACH = Pattern.compile("各(?:增加|减少|增长|下降)|分别");
    private static final Map<String, SectionKind> SECTIONS = Map.of("TOTALS", SectionKind.TOTALS, "INCOME", SectionKind.INCOME,
            "EXPENDITURE", SectionKind.EXPENDITURE, "FISCAL_TOTALS", SectionKind.FISCAL_TOTALS,
            // The year-end carry-over is drafted with the spending, in the styles that state it.
            "CARRY_FORWARD_END", SectionKind.EXPENDITURE);

    @Test
    void draftsOfTheGatheredOpeningsStateTheirFiguresAndTheirStructure() throws Exception {
        JsonNode gathered = MAPPER.readTree(GATHERED.toFile());
        int claims = 0;
        int slips = 0;
        int stated = 0;
        int openings = 0;
        int built = 0;
        List<String> misses = new ArrayList<>();
        List<String> unlike = new ArrayList<>();
        int n = 0;
        for (JsonNode report : gathered.path("reports")) {
            for (JsonNode opening : report.path("openings")) {
                n++;
                Map<String, String> amounts = new LinkedHashMap<>();
                Map<String, String> previous = new LinkedHashMap<>();
                List<String> want = new ArrayList<>();
                for (JsonNode claim : opening.path("claims")) {
                    want.add(claim.path("value").asText() + " " + claim.path("unit").asText());
                    if (claim.path("kind").asText().equals("AMOUNT")) {
                        amounts.put(claim.path("cell").asText(), claim.path("value").asText());
                    }
                }
                for (JsonNode slip : opening.path("slips")) {
                    assertTrue(want.remove(slip.path("value").asText() + " " + slip.path("unit").asText()), "slip " + slip);
                    slips++;
                }
                for (JsonNode claim : opening.path("claims")) {
                    String cell = claim.path("cell").asText();
                    if (!claim.path("kind").asText().equals("CHANGE")) {
                        continue;
                    }
                    // A change stated once for both totals belongs to each of them where the paragraph states them apart.
                    List<String> cells = amounts.containsKey(cell) ? List.of(cell) : parts(cell).stream().filter(amounts::containsKey).toList();
                    for (String c : cells) {
                        BigDecimal now = new BigDecimal(amounts.get(c));
                        BigDecimal change = new BigDecimal(claim.path("value").asText());
                        previous.put(c, ("DOWN".equals(claim.path("direction").asText()) ? now.add(change) : now.subtract(change)).toPlainString());
                    }
                }
                Map<String, Object> doc = document(report, n, amounts, previous);
                YearData data = DraftsPassTheAuditTest.of("opening-" + n + ".json", MAPPER.writeValueAsBytes(doc));
                StyleProfile style = StyleProfiles.load(report.path("style").asText());
                String where = report.path("title").asText() + " " + opening.path("section").asText() + " (" + style.name() + ")";
                Draft draft = DraftEngine.shipped().report(data, style);
                List<String> got = RealReportDraftCoverageTest.figures(draft.text());
                int found = RealReportDraftCoverageTest.covered(want, got);
                claims += want.size();
                stated += found;
                openings++;
                if (found < want.size()) {
                    List<String> missing = new ArrayList<>(want);
                    got.forEach(missing::remove);
                    misses.add(where + ": " + missing);
                }
                JsonNode structure = opening.path("structure");
                Draft section = DraftEngine.shipped().draft(data, SECTIONS.get(structure.path("speaksOf").asText()), style);
                List<String> published = new ArrayList<>();
                structure.path("order").forEach(c -> published.add(same(c.asText())));
                Built drafted = built(section, style, published);
                Built want2 = new Built(structure.path("together").asBoolean(), structure.path("each").asBoolean(),
                        structure.path("among").asBoolean(), published);
                if (System.getenv("SHOW_GATHERED_DRAFTS") != null) {
                    System.out.println(where + "\n" + section.text());
                }
                if (drafted.equals(want2)) {
                    built++;
                } else {
                    unlike.add(where + ": published " + want2 + ", drafted " + drafted);
                }
            }
        }
        double share = 100.0 * stated / claims;
        double structureShare = 100.0 * built / openings;
        int drafted = stated;
        int alike = built;
        System.out.printf(Locale.ROOT, "%d openings, %d of %d figures drafted (%.1f%%), %d listed slips left out; %d of %d built as published (%.1f%%)%n",
                openings, stated, claims, share, slips, built, openings, structureShare);
        misses.forEach(System.out::println);
        unlike.forEach(System.out::println);
        assertTrue(share >= FLOOR, () -> drafted + " of the gathered openings' figures drafted; floor " + FLOOR + "%");
        assertTrue(structureShare >= STRUCTURE_FLOOR, () -> alike + " of the gathered openings built as published; floor " + STRUCTURE_FLOOR + "%");
    }

    /** How a paragraph is built: 均为, 各 (or 分别), 其中, and the cells it names in order. */
    record Built(boolean together, boolean each, boolean among, List<String> order) {
    }

    /**
     * The drafted paragraph's build: the section's sentences from the first to the last that names a part the published
     * paragraph names, with the sentences naming no part that follow them, and the parts they name in order (each
     * once), as cells.
     */
    private static Built built(Draft section, StyleProfile style, List<String> published) {
        List<String> order = new ArrayList<>();
        int from = -1;
        int to = -1;
        boolean trailing = false;
        for (Draft.Sentence sentence : section.sentences()) {
            boolean other = false;
            boolean own = false;
            for (Draft.PlacedFact f : sentence.facts()) {
                String cell = cell(f.fact(), style, section);
                if (cell != null && published.contains(cell)) {
                    own = true;
                    if (!order.contains(cell)) {
                        order.add(cell);
                    }
                } else if (cell != null) {
                    other = true;
                }
            }
            if (own) {
                from = from < 0 ? sentence.offset() : from;
                to = sentence.offset() + sentence.text().length();
                trailing = true;
            } else if (trailing && !other) {
                // A sentence naming no part (a change, a reason) belongs to the paragraph it follows.
                to = sentence.offset() + sentence.text().length();
            } else {
                trailing = false;
            }
        }
        String text = from < 0 ? "" : section.text().substring(from, to);
        return new Built(text.contains("均为"), EACH.matcher(text).find(), text.contains("其中"), order);
    }

    /** The cell a drafted amount states, in the gathered vocabulary; null for a change, a share or another figure. */
    private static String cell(Fact fact, StyleProfile style, Draft section) {
        String s = fact.subject();
        String f = fact.field();
        boolean year = style.totalsBasis() == StyleProfile.TotalsBasis.YEAR;
        boolean one = section.facts().stream().noneMatch(p -> p.fact().subject().equals(s) && p.fact().field().equals("expenditure"));
        if (s.equals("total") && f.equals("income")) {
            if (one && style.totals() != StyleProfile.TotalsPhrasing.INCOME_PARTS) {
                return year ? null : "T01/income_grand_total+expenditure_grand_total/amount";
            }
            return year ? "T01/income_total/amount" : "T01/income_grand_total/amount";
        }
        if (s.equals("total") && f.equals("expenditure")) {
            return year ? "T01/expenditure_total/amount" : "T01/expenditure_grand_total/amount";
        }
        if (s.equals("total:fiscal") && (f.equals("income") || f.equals("expenditure"))) {
            return one ? "T04/income_grand_total+expenditure_grand_total/amount"
                    : f.equals("income") ? "T04/income_grand_total/amount" : "T04/expenditure_grand_total/amount";
        }
        if (!f.equals("amount")) {
            return null;
        }
        return switch (s) {
            case "income:total" -> "T01/income_total/amount";
            case "income:appropriation" -> "T04/income_total/amount";
            case "expenditure:total" -> "T01/expenditure_total/amount";
            case "expenditure:basic", "expenditure:project", "expenditure:remittance", "expenditure:business", "expenditure:subsidiary" ->
                    "T03/total/" + s.substring("expenditure:".length());
            default -> s.startsWith("income:") || s.startsWith("expenditure:") ? "T01/" + s.substring(s.indexOf(':') + 1) + "/amount" : null;
        };
    }

    /** 公开02's 财政拨款 合计 is 公开04's 本年收入合计: one part under either name. */
    private static String same(String cell) {
        return cell.equals("T02/total/fiscal") ? "T04/income_total/amount" : cell;
    }

    /** "T01/a+b/amount" → T01/a/amount, T01/b/amount. */
    private static List<String> parts(String cell) {
        String[] p = cell.split("/");
        List<String> out = new ArrayList<>();
        for (String row : p[1].split("\\+")) {
            out.add(p[0] + "/" + row + "/" + p[2]);
        }
        return out;
    }

    /** A department-year holding the cells an opening states: "TABLE/row+row/column" names one cell per row. */
    private static Map<String, Object> document(JsonNode report, int n, Map<String, String> amounts, Map<String, String> previous) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("format", "budget-narrator/department-year@2");
        doc.put("moneyUnit", "万元");
        doc.put("year", report.path("fiscalYear").asInt());
        doc.put("stage", "FINAL_ACCOUNTS");
        // The format knows three levels; a township's report is filed with its county's.
        String level = report.path("level").asText();
        doc.put("department", Map.of("code", "GATHERED-" + n, "name", "部门" + n, "level", level.equals("TOWNSHIP") ? "COUNTY" : level));
        List<Map<String, Object>> rows = new ArrayList<>();
        add(rows, amounts, null);
        add(rows, previous, "PREVIOUS");
        doc.put("publishedTables", rows);
        return doc;
    }

    private static void add(List<Map<String, Object>> rows, Map<String, String> cells, String period) {
        for (Map.Entry<String, String> cell : cells.entrySet()) {
            String[] parts = cell.getKey().split("/");
            for (String row : parts[1].split("\\+")) {
                Map<String, Object> r = rows.stream().filter(x -> x.get("table").equals(parts[0]) && x.get("row").equals(row)
                        && java.util.Objects.equals(x.get("period"), period)).findFirst().orElse(null);
                if (r == null) {
                    r = new LinkedHashMap<>();
                    r.put("table", parts[0]);
                    r.put("row", row);
                    if (period != null) {
                        r.put("period", period);
                    }
                    rows.add(r);
                }
                r.put(parts[2], cell.getValue());
            }
        }
    }
}
