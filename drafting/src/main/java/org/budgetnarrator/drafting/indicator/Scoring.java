package org.budgetnarrator.drafting.indicator;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Turns a {@link Verdict} into an {@link IndicatorEvaluation} under a {@link ScoringProfile}:
 * met or exceeded → the full weight; a quantitative miss → weight × min(1, completion ratio);
 * partly achieved → weight × the top of the middle band; not achieved → weight × the top of the
 * lowest band; anything that cannot be compared → no suggestion. Package-private: callers use
 * {@link IndicatorEvaluator}.
 */
final class Scoring {

    private static final BigDecimal HUNDRED = new BigDecimal(100);

    private Scoring() {
    }

    static IndicatorEvaluation score(Verdict v, BigDecimal weight, BigDecimal recordedScore, ScoringProfile profile,
                                     IndicatorValue target, IndicatorValue actual) {
        BigDecimal suggested = null;
        String how;
        switch (v.scoring()) {
            case FULL -> {
                how = "full weight (满分)";
                suggested = weight == null ? null : profile.round(weight);
            }
            case RATIO -> {
                how = v.direction() == Direction.LESS_IS_BETTER
                        ? "weight × target ÷ actual (分值×目标值÷实际值)"
                        : "weight × actual ÷ target (分值×实际值÷目标值)";
                if (v.ratio() == null) {
                    how += ", but the ratio is not computable (完成比例无法计算)";
                } else if (weight != null) {
                    suggested = v.ratio().ofWeight(weight, profile.roundingScale());
                }
            }
            case PARTIAL_BAND, LOWEST_BAND -> {
                ScoringProfile.Band band = v.scoring() == Verdict.Scoring.PARTIAL_BAND
                        ? profile.partialBand() : profile.notAchievedBand();
                how = "weight × " + band.from().stripTrailingZeros().toPlainString() + "%, top of band "
                        + band.label() + (v.scoring() == Verdict.Scoring.PARTIAL_BAND ? " (部分完成档)" : " (未完成档)");
                if (weight != null) {
                    suggested = weight.multiply(band.from()).divide(HUNDRED, profile.roundingScale(), RoundingMode.HALF_UP);
                }
            }
            default -> how = "no score suggested (不建议得分)";
        }
        if (weight == null && v.scoring() != Verdict.Scoring.NONE) {
            how += "; no weight recorded (未填分值)";
        }
        String rule = v.what() + " → " + how + " — " + profile.title();
        boolean differs = suggested != null && recordedScore != null && suggested.compareTo(recordedScore) != 0;
        return new IndicatorEvaluation(v.status(), v.ratio() == null ? null : v.ratio().rounded(), v.gap(),
                v.gap() == null ? null : v.gapUnit() == null ? "" : v.gapUnit(),
                suggested, recordedScore, differs, rule, profile.name(), target, actual, v.direction());
    }
}
