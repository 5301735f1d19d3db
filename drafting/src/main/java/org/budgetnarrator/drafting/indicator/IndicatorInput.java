package org.budgetnarrator.drafting.indicator;

import java.math.BigDecimal;

import org.budgetnarrator.model.domain.Indicator;

/**
 * One indicator's printed texts, independent of the stored model so tests and importers can build
 * them directly.
 */
public record IndicatorInput(String level1, String level2, String name, String target, String actual,
                             BigDecimal weight, BigDecimal recordedScore) {

    /** The texts of a stored indicator. */
    public static IndicatorInput of(Indicator indicator) {
        return new IndicatorInput(indicator.level1(), indicator.level2(), indicator.name(), indicator.target(),
                indicator.actual(), indicator.weight(), indicator.score());
    }
}
