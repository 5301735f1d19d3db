package org.budgetnarrator.drafting.indicator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

class ScoringTest {

    @Test
    void threeProfilesAreShipped() {
        assertEquals(List.of("national", "budget20", "bands-80-50"), ScoringProfiles.available());
    }

    @Test
    void theNationalProfileFollowsCaiYu2020No10() {
        ScoringProfile p = ScoringProfiles.national();
        assertEquals("national", p.name());
        assertEquals("财政部 财预〔2020〕10号", p.title());
        assertEquals(0, BigDecimal.TEN.compareTo(p.budgetExecutionWeight()));
        assertEquals(List.of("产出指标", "效益指标", "满意度指标"), List.copyOf(p.levelWeights().keySet()));
        assertEquals(0, new BigDecimal("50").compareTo(p.levelWeights().get("产出指标")));
        assertEquals("80–60", p.partialBand().label());
        assertEquals("60–0", p.notAchievedBand().label());
        assertEquals(2, p.roundingScale());
    }

    @Test
    void regionalProfilesAreData() {
        assertEquals(0, new BigDecimal("20").compareTo(ScoringProfiles.load("budget20").budgetExecutionWeight()));
        assertEquals("80–50", ScoringProfiles.load("bands-80-50").partialBand().label());
    }

    @Test
    void anUnknownProfileIsRefusedWithTheAvailableNames() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ScoringProfiles.load("mars"));
        assertTrue(e.getMessage().contains("national"), e.getMessage());
    }

    @Test
    void bandsMustBeContiguousBestFirst() {
        List<ScoringProfile.Band> broken = List.of(band(100, 80), band(70, 60), band(60, 0));
        assertThrows(IllegalArgumentException.class, () -> new ScoringProfile("x", "x", BigDecimal.TEN, null, broken, "", 2));
    }

    @Test
    void hunanBudgetExecutionScoresEightPointFourSeven() {
        BudgetExecution b = BudgetExecution.score(new BigDecimal("4624.00"), new BigDecimal("5462.27"), ScoringProfiles.national());
        // The rate is exact (84.6534499…), rounded once where shown: 84.65, not 84.653450 rounded again.
        assertEquals("84.65344994", b.rate().setScale(8, java.math.RoundingMode.HALF_UP).toPlainString());
        assertEquals("84.65", b.rate().setScale(2, java.math.RoundingMode.HALF_UP).toPlainString());
        assertEquals("8.47", b.score().toPlainString());
    }

    @Test
    void budgetExecutionIsCappedAtTheWeight() {
        BudgetExecution b = BudgetExecution.score(new BigDecimal("120"), new BigDecimal("100"), ScoringProfiles.national());
        assertEquals(0, b.rate().compareTo(new BigDecimal("120")));
        assertEquals("10.00", b.score().toPlainString());
    }

    @Test
    void aTwentyPointBudgetRowDoublesTheScore() {
        BudgetExecution b = BudgetExecution.score(new BigDecimal("4624.00"), new BigDecimal("5462.27"), ScoringProfiles.load("budget20"));
        assertEquals("16.93", b.score().toPlainString());
    }

    @Test
    void budgetExecutionWithoutABudgetIsNotComputed() {
        BudgetExecution b = BudgetExecution.score(new BigDecimal("10"), BigDecimal.ZERO, ScoringProfiles.national());
        assertNull(b.rate());
        assertNull(b.score());
    }

    @Test
    void aTotalUsesTheRecordedScoreWhereNoneCanBeSuggestedAndSaysSo() {
        List<IndicatorInput> inputs = List.of(
                new IndicatorInput("产出指标", "数量指标", "a", "≥5 次", "5 次", new BigDecimal("50"), new BigDecimal("50")),
                new IndicatorInput("效益指标", "社会效益指标", "b", "≥90%", "完成", new BigDecimal("30"), new BigDecimal("28")),
                new IndicatorInput("满意度指标", "满意度", "c", "≥90%", "80%", new BigDecimal("10"), new BigDecimal("10")));
        SelfEvaluation s = SelfEvaluation.evaluate(new BigDecimal("90"), new BigDecimal("100"), inputs,
                new BigDecimal("97"), ScoringProfiles.national());
        // 9.00 + 50.00 + 28 (recorded, not comparable) + 10 × 80 ÷ 90 = 8.89
        assertEquals("95.89", s.suggestedTotal().toPlainString());
        assertTrue(s.differs());
        assertEquals(1, s.notes().size());
        assertTrue(s.notes().get(0).contains("indicator 2") && s.notes().get(0).contains("28"), s.notes().get(0));
        assertEquals(Status.NOT_MET, s.indicators().get(2).status());
        assertTrue(s.indicators().get(2).scoreDiffers());
    }

    private static ScoringProfile.Band band(int from, int to) {
        return new ScoringProfile.Band(BigDecimal.valueOf(from), BigDecimal.valueOf(to));
    }
}
