package org.budgetnarrator.drafting.indicator;

import java.math.BigDecimal;

/**
 * The outcome of a comparison before scoring; package-private so that comparison (what happened)
 * and scoring (what it is worth under a profile) stay separate and separately readable.
 *
 * @param what      the situation in English and Chinese, e.g. "≥ target exceeded (超额完成)"
 * @param direction the direction used, null for a comparison without one
 */
record Verdict(Status status, Ratio ratio, BigDecimal gap, String gapUnit, Scoring scoring, String what,
               Direction direction) {

    /** How the verdict is scored. */
    enum Scoring {
        /** The full weight. */
        FULL,
        /** weight × min(1, completion ratio). */
        RATIO,
        /** weight × the top of the profile's middle (partly achieved) band. */
        PARTIAL_BAND,
        /** weight × the top of the profile's lowest (not achieved) band. */
        LOWEST_BAND,
        /** No score can be suggested. */
        NONE
    }

    static Verdict notComparable(String why) {
        return new Verdict(Status.NOT_COMPARABLE, null, null, null, Scoring.NONE, "not comparable (无法比较): " + why, null);
    }

    static Verdict met(String what) {
        return new Verdict(Status.MET, null, BigDecimal.ZERO, null, Scoring.FULL, what, null);
    }

    static Verdict band(Polarity polarity, String what) {
        return new Verdict(Status.NOT_MET, null, null, null,
                polarity == Polarity.PARTIAL ? Scoring.PARTIAL_BAND : Scoring.LOWEST_BAND, what, null);
    }
}
