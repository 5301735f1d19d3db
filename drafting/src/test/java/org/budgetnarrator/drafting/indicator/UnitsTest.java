package org.budgetnarrator.drafting.indicator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class UnitsTest {

    @Test
    void moneyConvertsExactlyBetweenYuanAndWanYuan() {
        assertEquals(0, new BigDecimal("9.8").compareTo(Units.convert(new BigDecimal("98000"), "元", "万元")));
        assertEquals(0, new BigDecimal("107000").compareTo(Units.convert(new BigDecimal("10.7"), "万元", "元")));
        assertEquals(0, new BigDecimal("0.0001").compareTo(Units.convert(BigDecimal.ONE, "元", "万元")));
        assertEquals(0, new BigDecimal("1.5").compareTo(Units.convert(new BigDecimal("15000"), "万元", "亿元")));
    }

    @Test
    void percentagesCompareOnlyWithPercentages() {
        assertTrue(Units.comparable("%", "％"));
        assertFalse(Units.comparable("%", ""));
        assertFalse(Units.comparable("%", "人次"));
        assertFalse(Units.comparable("%", "‰"));
    }

    @Test
    void countUnitsCompareOnlyWhenEqualAfterNormalisation() {
        assertTrue(Units.comparable("人次", "人 次"));
        assertFalse(Units.comparable("批", "人次"));
        assertFalse(Units.comparable("人", "人次"));
        assertTrue(Units.comparable("批(次)", "批次"));
        assertTrue(Units.comparable("批次", "批"), "批次 is written for 批");
        assertTrue(Units.comparable("天", "日"));
        assertEquals("批次", Units.normalise("批 (次)"));
        assertEquals("人次", Units.normalise("人 次"));
    }

    @Test
    void aMagnitudeBeforeACountUnitConverts() {
        assertEquals(0, new BigDecimal("30000").compareTo(Units.convert(new BigDecimal("3"), "万人次", "人次")));
        assertFalse(Units.comparable("万人次", "批"));
    }

    @Test
    void aBareNumberComparesWithCountUnitsButNotWithMoneyPercentOrALoneMagnitude() {
        assertTrue(Units.comparable("", ""));
        assertTrue(Units.comparable("", "个"));
        assertTrue(Units.comparable("人次", ""));
        assertFalse(Units.comparable("", "万元"));
        assertFalse(Units.comparable("", "%"));
        assertFalse(Units.comparable("", "万"));
        assertEquals(0, new BigDecimal("40").compareTo(Units.convert(new BigDecimal("40"), "", "人次")));
    }

    @Test
    void convertingIncomparableUnitsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Units.convert(BigDecimal.ONE, "批", "人次"));
    }

    @Test
    void unitsSayWhatTheyMeasure() {
        assertEquals(Units.Kind.BARE, Units.kind(""));
        assertEquals(Units.Kind.PERCENT, Units.kind("%"));
        assertEquals(Units.Kind.MONEY, Units.kind("万元"));
        assertEquals(Units.Kind.MAGNITUDE, Units.kind("万"));
        assertEquals(Units.Kind.COUNT, Units.kind("人次"));
    }
}
