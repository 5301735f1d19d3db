package org.budgetnarrator.model.imports;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How many digits a number may have before and after the decimal point. Money and the other decimals are
 * NUMERIC(24,6) on PostgreSQL and exact text on SQLite: a value with more digits would be rounded or refused
 * by one database and kept whole by the other, so the two would disagree. A value is checked as read, from
 * its precision and scale, before it is ever written out in full ({@code 1e-20000000} is 20 million digits
 * in plain form).
 *
 * @param integer  digits before the decimal point, leading zeros aside
 * @param fraction digits after it, trailing zeros aside
 */
public record Digits(int integer, int fraction) {

    /** NUMERIC(24,6), the type of every decimal column: 18 digits before the point, 6 after. */
    public static final Digits COLUMN = new Digits(18, 6);

    /** Null when the value fits; otherwise what was expected ("at most 6 decimal places"). Never expands the value. */
    public String violation(BigDecimal value) {
        if (value.signum() == 0) {
            return null;
        }
        // The unscaled value is short (number tokens and strings are bounded), so stripping its zeros is cheap.
        BigDecimal v = value.scale() > fraction ? value.stripTrailingZeros() : value;
        if (v.scale() > fraction) {
            return fraction == 0 ? "a whole number" : "at most " + fraction + " decimal places";
        }
        long before = (long) v.precision() - v.scale();
        if (before > integer) {
            return "at most " + integer + " digits before the decimal point";
        }
        return null;
    }

    /** A value that fits, with 0 to {@code fraction} decimal places and the same numeric value. */
    public BigDecimal normalise(BigDecimal value) {
        if (value.signum() == 0) {
            // 0E-20000000 is zero too, and would print 20 million zeros.
            return BigDecimal.ZERO.setScale(Math.max(0, Math.min(value.scale(), fraction)));
        }
        if (value.scale() > fraction) {
            return value.setScale(fraction, RoundingMode.UNNECESSARY);
        }
        return value.scale() < 0 ? value.setScale(0) : value;
    }

    /** "at most 18 digits before the decimal point and 6 after". */
    public String describe() {
        return fraction == 0 ? "at most " + integer + " digits"
                : "at most " + integer + " digits before the decimal point and " + fraction + " after";
    }
}
