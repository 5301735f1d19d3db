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

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The opening paragraphs gathered from published 部门决算 (variation/gathered-reports.json: each figure with its cell,
 * kind and value), each drafted from a department-year that holds the figures it states — its amounts as the cells,
 * last year's figure where it states a change — in a style of its own precision: how many of its figures the draft
 * states at the published precision. The floor only rises; the share is reported in README.
 */
class GatheredOpeningsDraftTest {

    private static final Path GATHERED = Path.of("..", "model", "src", "test", "resources", "variation", "gathered-reports.json");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** The share of gathered opening figures the drafts state, in percent; raise it as the drafts improve. */
    private static final double FLOOR = 66;

    @Test
    void draftsOfTheGatheredOpeningsStateTheirFigures() throws Exception {
        JsonNode gathered = MAPPER.readTree(GATHERED.toFile());
        int claims = 0;
        int stated = 0;
        int openings = 0;
        List<String> misses = new ArrayList<>();
        int n = 0;
        for (JsonNode report : gathered.path("reports")) {
            for (JsonNode opening : report.path("openings")) {
                n++;
                Map<String, String> amounts = new LinkedHashMap<>();
                Map<String, String> previous = new LinkedHashMap<>();
                List<String> want = new ArrayList<>();
                int percentDigits = -1;
                boolean fixedDecimals = true;
                boolean zeroLines = false;
                boolean zeroPercentPlain = false;
                for (JsonNode claim : opening.path("claims")) {
                    String value = claim.path("value").asText();
                    String unit = claim.path("unit").asText();
                    want.add(value + " " + unit);
                    String kind = claim.path("kind").asText();
                    if (unit.equals("%") && value.equals("0")) {
                        zeroPercentPlain = true;
                    } else if (unit.equals("%")) {
                        percentDigits = Math.max(percentDigits, new BigDecimal(value).scale());
                    } else if (new BigDecimal(value).scale() != 2) {
                        fixedDecimals = false;
                    }
                    if (kind.equals("AMOUNT") && new BigDecimal(value).signum() == 0) {
                        zeroLines = true;
                    }
                    if (kind.equals("AMOUNT")) {
                        amounts.put(claim.path("cell").asText(), value);
                    }
                }
                for (JsonNode claim : opening.path("claims")) {
                    String cell = claim.path("cell").asText();
                    if (claim.path("kind").asText().equals("CHANGE") && amounts.containsKey(cell)) {
                        BigDecimal now = new BigDecimal(amounts.get(cell));
                        BigDecimal change = new BigDecimal(claim.path("value").asText());
                        previous.put(cell, ("DOWN".equals(claim.path("direction").asText()) ? now.add(change) : now.subtract(change)).toPlainString());
                    }
                }
                Map<String, Object> doc = document(report, n, amounts, previous);
                YearData data = DraftsPassTheAuditTest.of("opening-" + n + ".json", MAPPER.writeValueAsBytes(doc));
                StyleProfile base = StyleProfiles.load("default");
                int digits = percentDigits < 0 ? 2 : percentDigits;
                StyleProfile style = new StyleProfile("gathered", "as the report prints", fixedDecimals, false,
                        Map.of("share", digits, "completion", digits, "yoyRate", digits), Map.of(), base.spellPath(), base.budgetVariance(),
                        base.previousChange(), base.executionBelow(), List.of(), !zeroLines, null, zeroPercentPlain, false);
                Draft draft = DraftEngine.shipped().report(data, style);
                List<String> got = RealReportDraftCoverageTest.figures(draft.text());
                int found = RealReportDraftCoverageTest.covered(want, got);
                claims += want.size();
                stated += found;
                openings++;
                if (found < want.size()) {
                    List<String> missing = new ArrayList<>(want);
                    got.forEach(missing::remove);
                    misses.add(report.path("title").asText() + " " + opening.path("section").asText() + ": " + missing);
                }
            }
        }
        double share = 100.0 * stated / claims;
        int drafted = stated;
        System.out.printf(Locale.ROOT, "%d openings, %d of %d figures drafted (%.1f%%)%n", openings, stated, claims, share);
        misses.forEach(System.out::println);
        assertTrue(share >= FLOOR, () -> drafted + " of the gathered openings' figures drafted; floor " + FLOOR + "%");
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
