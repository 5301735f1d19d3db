package org.budgetnarrator.drafting.audit;

import org.budgetnarrator.model.measure.Measures;
import org.budgetnarrator.model.measure.ReportFigures;
import org.budgetnarrator.model.measure.Percent;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Comparing a figure as written with the figure the data give: equal at the written precision (rounded
 * half up), a rounding difference (within one unit of the last written digit: truncated or rounded
 * elsewhere), or an error.
 */
final class Figures {

    enum Match { EQUAL, ROUNDING, DIFFERENT }


    private Figures() {
    }

    static Match compare(BigDecimal written, BigDecimal truth) {
        int scale = Math.max(0, written.scale());
        BigDecimal rounded = truth.setScale(scale, RoundingMode.HALF_UP);
        if (rounded.compareTo(written) == 0) {
            return Match.EQUAL;
        }
        BigDecimal unit = BigDecimal.ONE.movePointLeft(scale);
        return written.subtract(truth).abs().compareTo(unit) <= 0 ? Match.ROUNDING : Match.DIFFERENT;
    }

    /** Sums of published figures: each term may carry up to 0.01 of rounding (尾数误差). */
    static Match compareSum(BigDecimal printed, BigDecimal sum, int terms) {
        BigDecimal diff = printed.subtract(sum).abs();
        if (diff.signum() == 0) {
            return Match.EQUAL;
        }
        return diff.compareTo(new BigDecimal("0.01").multiply(BigDecimal.valueOf(Math.max(1, terms)))) <= 0
                ? Match.ROUNDING : Match.DIFFERENT;
    }

    /**
     * part ÷ whole as a percentage to 20 decimals, so that rounding it again to a written precision (at most a
     * few decimals) gives the same result as rounding the exact ratio once; null when the whole is zero.
     */
    static BigDecimal percent(BigDecimal part, BigDecimal whole) {
        Percent rate = Measures.share(part, whole);
        return rate == null ? null : rate.exact();
    }

    /** A figure for messages: plain, without trailing zeros beyond two decimals. */
    static String show(BigDecimal value) {
        if (value == null) {
            return "—";
        }
        BigDecimal s = value.stripTrailingZeros();
        if (s.scale() < 0) {
            s = s.setScale(0);
        }
        if (s.scale() > 4) {
            s = s.setScale(4, RoundingMode.HALF_UP).stripTrailingZeros();
        }
        return s.toPlainString();
    }

    /** The first figure given; null when none is (see {@link ReportFigures#first}). */
    static BigDecimal first(BigDecimal... values) {
        return ReportFigures.first(values);
    }

    /** The sum, null when the first term is absent (see {@link ReportFigures#plus}). */
    static BigDecimal plus(BigDecimal first, BigDecimal... rest) {
        return ReportFigures.plus(first, rest);
    }

    /** A percentage for messages, two decimals. */
    static String showPercent(BigDecimal value) {
        return value == null ? "—" : value.setScale(2, RoundingMode.HALF_UP).toPlainString() + "%";
    }
}
