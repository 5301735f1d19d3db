package org.budgetnarrator.drafting.draft;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.budgetnarrator.drafting.audit.Finding;
import org.budgetnarrator.drafting.audit.NarrativeChecker;
import org.budgetnarrator.drafting.audit.Severity;
import org.budgetnarrator.model.read.YearData;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How the opening paragraph states 收入总计 and 支出总计 in each style: 均为 and 各 only where the two are one figure
 * (they are, by 公开01's balancing identity, unless the tables say otherwise), the year's own totals on that basis, and
 * money at the style's decimals, rounded half up once.
 */
class TotalsPhrasingTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void equalTotalsAreStatedOnceWithJunweiAndTheirChangeWithGe() throws Exception {
        String text = totals(data("1000.00", "1000.00", "900.00", "900.00"), "default");
        assertEquals("2024年度收、支总计均为1000.00万元。与2023年度相比，收、支总计各增加100.00万元，增长11.11%，"
                + "主要原因：【待补充：收、支总计较上年变动的主要原因】。", text);
    }

    @Test
    void unequalTotalsAreNeverSaidToBeJunweiInAnyStyle() throws Exception {
        YearData data = data("1000.00", "990.00", "900.00", "950.00");
        for (String style : StyleProfiles.available()) {
            String text = totals(data, style);
            assertFalse(text.contains("均为"), style + ": " + text);
            // 各 with one change for both only where they are one figure; a pair names each total's own.
            assertFalse(text.contains("各增加") && !text.contains("各增加100.00万元和40.00万元")
                    || text.contains("各减少"), style + ": " + text);
        }
        assertTrue(totals(data, "default").startsWith("2024年度收入总计1000.00万元，支出总计990.00万元。与2023年度相比，"
                + "收入总计增加100.00万元，增长11.11%；支出总计增加40.00万元，增长4.21%"), totals(data, "default"));
    }

    @Test
    void eachStyleWritesItsOwnPhrasingOfEqualTotals() throws Exception {
        YearData data = data("1000.00", "1000.00", "900.00", "900.00");
        assertTrue(totals(data, "beijing").startsWith("2024年度收、支总计1000.00万元。与2023年度相比，收、支总计增加100.00万元"));
        assertTrue(totals(data, "zhejiang-city").startsWith("2024年度收入总计1000.00万元，支出总计1000.00万元。与2023年度相比，"
                + "收入总计和支出总计各增加100.00万元和100.00万元，增长11.11%和11.11%"), totals(data, "zhejiang-city"));
        assertTrue(totals(data, "chongqing").startsWith("2024年度收入总计1,000万元，支出总计1,000万元。与2023年度相比，收、支总计增加100万元，增长11.1%"));
    }

    @Test
    void aPairingStyleStatesBothChangesUnderOneWordAndTheAuditReadsThemInOrder() throws Exception {
        YearData data = data("1000.00", "990.00", "900.00", "950.00");
        String text = totals(data, "zhejiang-city");
        assertEquals("2024年度收入总计1000.00万元，支出总计990.00万元。与2023年度相比，收入总计和支出总计各增加100.00万元和40.00万元，"
                + "增长11.11%和4.21%，主要原因：【待补充：收、支总计较上年变动的主要原因】。", text);
        assertEquals(List.of(), new NarrativeChecker(data).check("draft", text).stream()
                .filter(f -> f.severity() == Severity.ERROR).map(Finding::messageZh).toList());
        List<String> swapped = new NarrativeChecker(data).check("draft", text.replace("100.00万元和40.00万元", "40.00万元和100.00万元")
                .replace("11.11%和4.21%", "4.21%和11.11%")).stream().map(Finding::ruleId).toList();
        assertEquals(List.of("N02", "N02", "N03", "N03"), swapped.stream().filter(r -> r.startsWith("N")).sorted().toList());
        // Where they moved apart, each is stated with its own word.
        assertTrue(totals(data("1000.00", "990.00", "900.00", "1000.00"), "zhejiang-city").contains("收入总计增加100.00万元，增长11.11%；"
                + "支出总计减少10.00万元，下降1.00%"), totals(data("1000.00", "990.00", "900.00", "1000.00"), "zhejiang-city"));
    }

    @Test
    void aStyleOfFourDecimalsRoundsTheStoredAmountHalfUpOnce() throws Exception {
        String text = totals(data("457.81615", "457.81615", null, null), "gansu-hospital");
        assertTrue(text.contains("457.8162万元"), text);
    }

    private static String totals(YearData data, String style) {
        return DraftEngine.shipped().draft(data, SectionKind.TOTALS, StyleProfiles.load(style)).text();
    }

    private static YearData data(String income, String spent, String incomeBefore, String spentBefore) throws Exception {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("format", "budget-narrator/department-year@2");
        doc.put("moneyUnit", "万元");
        doc.put("year", 2024);
        doc.put("stage", "FINAL_ACCOUNTS");
        doc.put("department", Map.of("code", "TOTALS-1", "name", "部门", "level", "CITY"));
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.add(row("income_grand_total", income, null));
        rows.add(row("expenditure_grand_total", spent, null));
        if (incomeBefore != null) {
            rows.add(row("income_grand_total", incomeBefore, "PREVIOUS"));
            rows.add(row("expenditure_grand_total", spentBefore, "PREVIOUS"));
        }
        doc.put("publishedTables", rows);
        return DraftsPassTheAuditTest.of("totals.json", MAPPER.writeValueAsBytes(doc));
    }

    private static Map<String, Object> row(String key, String amount, String period) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("table", "T01");
        r.put("row", key);
        if (period != null) {
            r.put("period", period);
        }
        r.put("amount", amount);
        return r;
    }
}
