package org.budgetnarrator.api.graphql;

import graphql.schema.DataFetchingEnvironment;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Rates computed from stored figures when asked: a percentage rounded half up (四舍五入) once, at the
 * end, to the digits the client asked for. Never stored.
 */
final class Rates {

    static final int MAX_DIGITS = 6;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Rates() {
    }

    /** part ÷ whole as a percentage; null when either is missing or the whole is zero. */
    static Scalars.Rounded percent(BigDecimal part, BigDecimal whole, DataFetchingEnvironment env) {
        int digits = digits(env);
        if (part == null || whole == null || whole.signum() == 0) {
            return null;
        }
        return new Scalars.Rounded(part.multiply(HUNDRED).divide(whole, digits, RoundingMode.HALF_UP));
    }

    static BigDecimal change(BigDecimal now, BigDecimal before) {
        return now == null || before == null ? null : now.subtract(before);
    }

    static int digits(DataFetchingEnvironment env) {
        Integer digits = env.getArgument("digits");
        int d = digits == null ? 2 : digits;
        if (d < 0 || d > MAX_DIGITS) {
            throw new BadInputException("digits must be between 0 and " + MAX_DIGITS + "; got " + d);
        }
        return d;
    }
}
