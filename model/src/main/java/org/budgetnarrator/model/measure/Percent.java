package org.budgetnarrator.model.measure;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * A percentage computed from stored figures, kept to 34 significant digits (far beyond any printed precision) and
 * rounded half up (四舍五入) once, where it is shown. Rounding an already rounded rate again is how 17.746 becomes
 * 17.75 and then 17.8 where the exact 17.7 is due.
 */
public record Percent(BigDecimal exact) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** part ÷ whole × 100; null when either is missing or the whole is zero. */
    public static Percent of(BigDecimal part, BigDecimal whole) {
        if (part == null || whole == null || whole.signum() == 0) {
            return null;
        }
        return new Percent(part.multiply(HUNDRED).divide(whole, MathContext.DECIMAL128));
    }

    /** The percentage rounded half up to the given decimals, once. */
    public BigDecimal rounded(int digits) {
        return exact.setScale(digits, RoundingMode.HALF_UP);
    }
}
