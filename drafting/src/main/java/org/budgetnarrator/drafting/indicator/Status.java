package org.budgetnarrator.drafting.indicator;

/** The outcome of comparing an indicator's actual with its target. */
public enum Status {
    /** The actual meets the target exactly (or a qualitative target is achieved). */
    MET,
    /** The actual is strictly better than the target. */
    EXCEEDED,
    /** The actual falls short, or states that the work was not (or only partly) done. */
    NOT_MET,
    /** Both texts were read but cannot be compared (units, forms, a missing actual). */
    NOT_COMPARABLE,
    /** The target or the actual text fits no form. */
    UNPARSED
}
