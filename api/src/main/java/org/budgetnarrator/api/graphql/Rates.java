package org.budgetnarrator.api.graphql;

import graphql.schema.DataFetchingEnvironment;

import org.budgetnarrator.model.measure.Measures;
import org.budgetnarrator.model.measure.Percent;

import java.math.BigDecimal;

/**
 * Rates computed from stored figures when asked: a percentage rounded half up (四舍五入) once, at the
 * end, to the digits the client asked for. Never stored.
 */
final class Rates {

    static final int MAX_DIGITS = 6;

    private Rates() {
    }

    /** part ÷ whole as a percentage; null when either is missing or the whole is zero. */
    static Scalars.Rounded percent(BigDecimal part, BigDecimal whole, DataFetchingEnvironment env) {
        return shown(Percent.of(part, whole), env);
    }

    /** A rate computed by Measures, rounded half up once to the digits asked. */
    static Scalars.Rounded shown(Percent rate, DataFetchingEnvironment env) {
        int digits = digits(env);
        return rate == null ? null : new Scalars.Rounded(rate.rounded(digits));
    }

    static BigDecimal change(BigDecimal now, BigDecimal before) {
        return Measures.change(now, before);
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
