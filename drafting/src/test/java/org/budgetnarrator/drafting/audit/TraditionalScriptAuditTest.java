package org.budgetnarrator.drafting.audit;

import org.budgetnarrator.model.read.YearData;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** A report published in traditional characters with full-width figures is checked as its simplified text is. */
class TraditionalScriptAuditTest {

    private static final YearData XIANNING = Demo.load("xianning-2024.json");
    private static final String SIMPLIFIED = "财政拨款经费预算决算总计项目单位万元较减少增长费资产国务补贴";
    private static final String TRADITIONAL = "財政撥款經費預算決算總計項目單位萬元較減少增長費資產國務補貼";

    private static String traditional(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            int at = SIMPLIFIED.indexOf(c);
            out.append(c >= '0' && c <= '9' ? (char) (c + 0xFEE0) : at >= 0 ? TRADITIONAL.charAt(at) : c);
        }
        return out.toString();
    }

    @Test
    void theXianningNarrativeInTraditionalCharactersAndFullWidthFiguresGivesTheSameFindings() {
        String narrative = XIANNING.documents().stream().filter(d -> d.kind().equals("FINAL_ACCOUNTS_NARRATIVE")).findFirst()
                .orElseThrow().body();
        String written = traditional(narrative);
        assertNotEquals(narrative, written);
        List<Finding> simplified = new NarrativeChecker(XIANNING).check("draft", narrative);
        assertFalse(simplified.isEmpty(), "the published narrative has findings to compare");
        assertEquals(simplified, new NarrativeChecker(XIANNING).check("draft", written));
    }
}
