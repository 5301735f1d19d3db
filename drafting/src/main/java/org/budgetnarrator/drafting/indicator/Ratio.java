package org.budgetnarrator.drafting.indicator;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An exact completion ratio kept as a fraction: rounding happens once, when the ratio (scale 6) or
 * a score (weight × ratio, scale 2) is reported, never on an intermediate value.
 */
record Ratio(BigDecimal numerator, BigDecimal denominator) implements Comparable<Ratio> {

    static final Ratio ONE = new Ratio(BigDecimal.ONE, BigDecimal.ONE);

    Ratio {
        if (denominator.signum() <= 0 || numerator.signum() < 0) {
            throw new IllegalArgumentException("ratio needs a positive denominator and a non-negative numerator");
        }
    }

    BigDecimal rounded() {
        return numerator.divide(denominator, 6, RoundingMode.HALF_UP);
    }

    /** weight × min(1, ratio), rounded once. */
    BigDecimal ofWeight(BigDecimal weight, int scale) {
        if (numerator.compareTo(denominator) >= 0) {
            return weight.setScale(scale, RoundingMode.HALF_UP);
        }
        return weight.multiply(numerator).divide(denominator, scale, RoundingMode.HALF_UP);
    }

    @Override
    public int compareTo(Ratio o) {
        return numerator.multiply(o.denominator).compareTo(o.numerator.multiply(denominator));
    }
}
