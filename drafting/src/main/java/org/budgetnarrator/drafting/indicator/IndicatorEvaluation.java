package org.budgetnarrator.drafting.indicator;

import java.math.BigDecimal;

/**
 * What comparing one indicator's actual with its target gives, and the score a profile suggests.
 *
 * @param status          the outcome
 * @param completionRatio actual ÷ target (more is better) or target ÷ actual (less is better),
 *                        scale 6 HALF_UP; for several quantities the smallest pair ratio; null
 *                        when not computable (qualitative, a zero divisor, a negative number)
 * @param gap             how far the actual falls short, in {@code gapUnit} (the target's unit, or
 *                        days for a late deadline); 0 when met; null when not computable
 * @param gapUnit         unit of {@code gap} ("" for a bare count); null with a null gap
 * @param suggestedScore  the score the profile gives, scale of the profile (2) HALF_UP; null when
 *                        the indicator has no weight or the outcome cannot be scored
 * @param recordedScore   the score printed in the table
 * @param scoreDiffers    true when both scores are present and differ
 * @param rule            what was applied, in English and Chinese, with the profile's title
 * @param profile         the scoring profile's name
 * @param target          the target as read
 * @param actual          the actual as read
 * @param direction       the direction used for a quantitative comparison; null otherwise
 */
public record IndicatorEvaluation(
        Status status,
        BigDecimal completionRatio,
        BigDecimal gap,
        String gapUnit,
        BigDecimal suggestedScore,
        BigDecimal recordedScore,
        boolean scoreDiffers,
        String rule,
        String profile,
        IndicatorValue target,
        IndicatorValue actual,
        Direction direction) {
}
