package org.budgetnarrator.drafting.indicator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;

import org.budgetnarrator.model.domain.Indicator;
import org.junit.jupiter.api.Test;

class IndicatorEvaluatorTest {

    private static final ScoringProfile NATIONAL = ScoringProfiles.national();

    private static IndicatorEvaluation output(String target, String actual, String weight) {
        return IndicatorEvaluator.evaluate("产出指标", "数量指标", "接待外宾", target, actual,
                weight == null ? null : new BigDecimal(weight), null, NATIONAL);
    }

    private static IndicatorEvaluation cost(String target, String actual, String weight) {
        return IndicatorEvaluator.evaluate("成本指标", "经济成本指标", "外事工作支出", target, actual,
                weight == null ? null : new BigDecimal(weight), null, NATIONAL);
    }

    private static void assertDecimal(String expected, BigDecimal actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), "expected " + expected + " but was " + actual);
    }

    @Test
    void bareNumberTakesItsDirectionFromTheIndicator() {
        IndicatorEvaluation e = output("40", "60", "5");
        assertEquals(Status.EXCEEDED, e.status());
        assertEquals(Direction.MORE_IS_BETTER, e.direction());
        assertDecimal("1.5", e.completionRatio());
        assertDecimal("0", e.gap());
        assertEquals("5.00", e.suggestedScore().toPlainString());
    }

    @Test
    void aCostIndicatorBelowItsBareTargetIsBetter() {
        IndicatorEvaluation e = cost("79", "64", "5");
        assertEquals(Status.EXCEEDED, e.status());
        assertEquals(Direction.LESS_IS_BETTER, e.direction());
        assertEquals("1.234375", e.completionRatio().toPlainString());
        assertEquals("5.00", e.suggestedScore().toPlainString());
        assertTrue(e.rule().contains("成本"), e.rule());
    }

    @Test
    void aCostIndicatorAboveItsBareTargetMissesByTargetOverActual() {
        IndicatorEvaluation e = cost("79", "85", "5");
        assertEquals(Status.NOT_MET, e.status());
        assertEquals("0.929412", e.completionRatio().toPlainString());
        assertDecimal("6", e.gap());
        assertEquals("", e.gapUnit());
        // 5 × 79 ÷ 85 = 4.647…, rounded once.
        assertEquals("4.65", e.suggestedScore().toPlainString());
        assertTrue(e.rule().contains("weight × target ÷ actual"), e.rule());
    }

    @Test
    void aMissedLowerBoundScoresWeightTimesActualOverTarget() {
        IndicatorEvaluation e = output("≥ 1000 批", "850 批", "2");
        assertEquals(Status.NOT_MET, e.status());
        assertEquals("0.850000", e.completionRatio().toPlainString());
        assertDecimal("150", e.gap());
        assertEquals("批", e.gapUnit());
        assertEquals("1.70", e.suggestedScore().toPlainString());
        assertTrue(e.rule().startsWith("≥ target missed"), e.rule());
        assertTrue(e.rule().contains("weight × actual ÷ target"), e.rule());
        assertTrue(e.rule().contains("财预〔2020〕10号"), e.rule());
    }

    @Test
    void anActualEqualToTheTargetIsMetNotExceeded() {
        assertEquals(Status.MET, output("≥4 对", "新增4 对", "2").status());
        assertEquals(Status.MET, output("> 98%", "98%", "2").status());
        assertEquals(Status.EXCEEDED, output("> 98%", "99%", "2").status());
    }

    @Test
    void wanYuanTargetAgainstYuanActualConverts() {
        IndicatorEvaluation e = IndicatorEvaluator.evaluate("产出指标", "成本指标", "预算控制数", "≤10.7 万元", "98000 元",
                new BigDecimal("5"), new BigDecimal("5"), NATIONAL);
        assertEquals(Status.EXCEEDED, e.status());
        assertEquals("1.091837", e.completionRatio().toPlainString());
        assertFalse(e.scoreDiffers());

        IndicatorEvaluation over = IndicatorEvaluator.evaluate("产出指标", "成本指标", "预算控制数", "≤10.7 万元", "120000 元",
                new BigDecimal("5"), null, NATIONAL);
        assertEquals(Status.NOT_MET, over.status());
        assertDecimal("1.3", over.gap());
        assertEquals("万元", over.gapUnit());
        assertEquals("4.46", over.suggestedScore().toPlainString());
    }

    @Test
    void exactlyMeetingAMoneyCeilingWrittenInAnotherUnitIsMet() {
        assertEquals(Status.MET, output("≤10.7 万元", "107000 元", "5").status());
    }

    @Test
    void batchesAndPersonTripsAreNotComparable() {
        IndicatorEvaluation e = output("≥ 1000 批", "1274 人次", "2");
        assertEquals(Status.NOT_COMPARABLE, e.status());
        assertNull(e.suggestedScore());
        assertNull(e.completionRatio());
        assertTrue(e.rule().contains("批") && e.rule().contains("人次"), e.rule());
    }

    @Test
    void qualitativeTargetWithAPositiveActualIsMet() {
        IndicatorEvaluation e = output("完成", "圆满完成", "5");
        assertEquals(Status.MET, e.status());
        assertEquals("5.00", e.suggestedScore().toPlainString());
        assertNull(e.completionRatio());
    }

    @Test
    void partlyAchievedScoresTheTopOfTheMiddleBand() {
        IndicatorEvaluation e = output("完成", "基本完成", "5");
        assertEquals(Status.NOT_MET, e.status());
        assertEquals("4.00", e.suggestedScore().toPlainString());
        assertTrue(e.rule().contains("80–60"), e.rule());
    }

    @Test
    void notAchievedScoresTheTopOfTheLowestBand() {
        IndicatorEvaluation e = output("完成", "未完成", "5");
        assertEquals(Status.NOT_MET, e.status());
        assertEquals("3.00", e.suggestedScore().toPlainString());
        assertTrue(e.rule().contains("60–0"), e.rule());
    }

    @Test
    void anotherProfileMovesTheBands() {
        ScoringProfile bands = ScoringProfiles.load("bands-80-50");
        IndicatorEvaluation e = IndicatorEvaluator.evaluate("产出指标", "质量指标", "x", "完成", "未完成",
                new BigDecimal("5"), null, bands);
        assertEquals("2.50", e.suggestedScore().toPlainString());
        assertEquals("bands-80-50", e.profile());
    }

    @Test
    void anActualRestatingAPartialTargetIsMet() {
        assertEquals(Status.MET, output("基本完成", "基本完成", "2").status());
    }

    @Test
    void aNeutralActualRestatingTheTargetIsMetOtherwiseNotComparable() {
        assertEquals(Status.MET, output("弘扬中美传统友谊", "弘扬中美传统友谊", "2").status());
        assertEquals(Status.NOT_COMPARABLE, output("完成", "宣传湛江", "2").status());
    }

    @Test
    void qualitativeTargetWithAnAchievementInNumbersIsMet() {
        assertEquals(Status.MET, output("完成", "建立 12 个语种 55 人的翻译人才库", "4").status());
        assertEquals(Status.MET, output("完成", "高质量接待外宾团组 178 批1708 人次", "4").status());
        assertEquals(Status.NOT_COMPARABLE, output("完成", "0 次", "4").status());
        assertEquals(Status.NOT_COMPARABLE, output("完成", "80%", "4").status());
    }

    @Test
    void quantitativeTargetWithAPositiveWordActualIsNotComparable() {
        IndicatorEvaluation e = output("≥90%", "完成", "10");
        assertEquals(Status.NOT_COMPARABLE, e.status());
        assertNull(e.suggestedScore());
        // A negative statement is a verdict even without a number.
        assertEquals(Status.NOT_MET, output("≥90%", "未完成", "10").status());
    }

    @Test
    void deadlineMetByWordsOrByAnEarlierDate() {
        assertEquals(Status.MET, output("12 月底前", "按时完成", "3").status());
        assertEquals(Status.MET, output("2026年12月31日前", "11月20日完成", "3").status());
        assertEquals(Status.MET, output("12 月底前", "上半年", "3").status());
        IndicatorEvaluation late = output("上半年", "2026年7月15日", "3");
        assertEquals(Status.NOT_MET, late.status());
        assertDecimal("15", late.gap());
        assertEquals("日", late.gapUnit());
        assertEquals("1.80", late.suggestedScore().toPlainString());
        assertEquals(Status.NOT_MET, output("12 月底前", "滞后", "3").status());
        assertEquals(Status.NOT_COMPARABLE, output("12 月底前", "100%", "3").status());
    }

    @Test
    void quantitiesAreComparedPairByPair() {
        IndicatorEvaluation all = output("3批 4人次", "5批 7人次", "4");
        assertEquals(Status.EXCEEDED, all.status());
        assertEquals("1.666667", all.completionRatio().toPlainString());

        IndicatorEvaluation one = output("3批 4人次", "3批 2人次", "4");
        assertEquals(Status.NOT_MET, one.status());
        assertEquals("0.500000", one.completionRatio().toPlainString());
        assertDecimal("2", one.gap());
        assertEquals("人次", one.gapUnit());
        assertEquals("2.00", one.suggestedScore().toPlainString());

        assertEquals(Status.MET, output("3批 4人次", "3批 4人次", "4").status());
        assertEquals(Status.NOT_COMPARABLE, output("3批 4人次", "5批 7本", "4").status());
        assertEquals(Status.EXCEEDED, output("≥100 批", "178 批 1708 人次", "4").status());
    }

    @Test
    void anActualGivenAsABoundCountsOnlyOnTheSafeSide() {
        assertEquals(Status.MET, output("≥30 场次", "圆满完成国际会议30 余场次", "5").status());
        assertEquals(Status.NOT_COMPARABLE, output("≥30 场次", "≤40 场次", "5").status());
    }

    @Test
    void unparsedTextOnEitherSideIsUnparsedWithoutAScore() {
        IndicatorEvaluation e = output("≥≥5", "6", "2");
        assertEquals(Status.UNPARSED, e.status());
        assertNull(e.suggestedScore());
        assertTrue(e.rule().contains("target not understood"), e.rule());
        assertEquals(Status.UNPARSED, output("≥5", "1..2", "2").status());
    }

    @Test
    void aMissingActualIsNotComparableWithItsOwnRule() {
        IndicatorEvaluation e = output("≥5 次", null, "2");
        assertEquals(Status.NOT_COMPARABLE, e.status());
        assertTrue(e.rule().contains("no actual recorded"), e.rule());
        assertEquals(Status.NOT_COMPARABLE, output(null, "5", "2").status());
    }

    @Test
    void aScoreIsOnlySuggestedWithAWeight() {
        IndicatorEvaluation e = output("≥5 次", "4 次", null);
        assertEquals(Status.NOT_MET, e.status());
        assertNull(e.suggestedScore());
        assertFalse(e.scoreDiffers());
    }

    @Test
    void aRecordedScoreDifferentFromTheSuggestionIsFlagged() {
        IndicatorEvaluation e = IndicatorEvaluator.evaluate("产出指标", "数量指标", "x", "≥5 次", "4 次",
                new BigDecimal("5"), new BigDecimal("5"), NATIONAL);
        assertEquals("4.00", e.suggestedScore().toPlainString());
        assertTrue(e.scoreDiffers());
    }

    @Test
    void aZeroTargetIsACeiling() {
        assertEquals(Status.MET, output("=0 次", "0 次", "2").status());
        IndicatorEvaluation e = output("=0 次", "2 次", "2");
        assertEquals(Status.NOT_MET, e.status());
        assertEquals(Direction.LESS_IS_BETTER, e.direction());
        // target ÷ actual = 0 ÷ 2: the formula gives nothing for a ceiling of zero that was broken.
        assertEquals("0.000000", e.completionRatio().toPlainString());
        assertEquals("0.00", e.suggestedScore().toPlainString());
    }

    @Test
    void spendingProgressUnderACostHeadingIsStillMoreIsBetter() {
        IndicatorEvaluation e = IndicatorEvaluator.evaluate("效益指标", "成本指标", "资金支出进度(%)", "100%", "90%",
                BigDecimal.TEN, null, NATIONAL);
        assertEquals(Direction.MORE_IS_BETTER, e.direction());
        assertEquals(Status.NOT_MET, e.status());
        assertEquals("9.00", e.suggestedScore().toPlainString());
    }

    @Test
    void theModelIndicatorOverloadReadsTheSameFields() {
        Indicator stored = new Indicator(null, null, null, 1, "成本指标", "经济成本指标", "外事工作支出", null, null,
                "79", "85", new BigDecimal("5"), new BigDecimal("5"), null, null);
        IndicatorEvaluation e = IndicatorEvaluator.evaluate(stored, NATIONAL);
        assertEquals(Status.NOT_MET, e.status());
        assertEquals("4.65", e.suggestedScore().toPlainString());
        assertTrue(e.scoreDiffers());
    }
}
