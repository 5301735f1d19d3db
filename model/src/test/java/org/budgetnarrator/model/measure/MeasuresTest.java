package org.budgetnarrator.model.measure;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class MeasuresTest {

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    @Test
    void theExecutionRateIsAgainstTheAdjustedBudgetElseTheInitialOne() {
        // Hunan: 4,624.00 ÷ 5,462.27 = 84.65% (the adjusted budget, not the initial 4,863.67).
        assertEquals(d("84.65"), Measures.executionRate(d("4624.00"), d("5462.27"), d("4863.67")).rounded(2));
        assertEquals(d("95.07"), Measures.executionRate(d("4624.00"), null, d("4863.67")).rounded(2));
        assertNull(Measures.executionRate(d("1"), null, null));
        assertNull(Measures.executionRate(d("1"), BigDecimal.ZERO, d("5")), "a zero budget has no rate, whatever the initial one");
    }

    @Test
    void completionOfTheInitialBudgetNeverUsesTheAdjustedOne() {
        // Xianning 公务用车运行维护费: 16.19 ÷ 10.08 = 160.6%.
        assertEquals(d("160.6"), Measures.completionOfInitialBudget(d("16.19"), d("10.08")).rounded(1));
        assertNull(Measures.completionOfInitialBudget(d("16.19"), null));
    }

    @Test
    void aRateIsRoundedOnceFromItsExactValue() {
        // 17.74499996…%: rounded once to one decimal it is 17.7; rounded first to 6 decimals (17.745000), then to 2
        // (17.75) and then to 1 it would wrongly become 17.8.
        Percent rate = Measures.share(d("1774499996"), d("10000000000"));
        assertEquals(d("17.7"), rate.rounded(1));
        assertEquals(d("17.74"), rate.rounded(2));
        BigDecimal twice = rate.rounded(6).setScale(2, RoundingMode.HALF_UP).setScale(1, RoundingMode.HALF_UP);
        assertEquals(d("17.8"), twice, "what rounding twice gives, which Percent never does");
    }

    @Test
    void theRateOfChangeIsTheChangeOverLastYearNegativeForAFall() {
        // Xianning 一般公共预算财政拨款支出: 429.8 against 465.78 — a fall of 35.98, 7.72%.
        assertEquals(d("-35.98"), Measures.change(d("429.8"), d("465.78")));
        assertEquals(d("-7.72"), Measures.changeRate(d("429.8"), d("465.78")).rounded(2));
        assertNull(Measures.changeRate(d("1"), BigDecimal.ZERO));
        assertNull(Measures.changeRate(null, d("1")));
    }
}
