package org.budgetnarrator.drafting.audit;

/** How serious a finding is. */
public enum Severity {
    /** The figures disagree beyond rounding: a mistake. */
    ERROR,
    /** The figures differ by no more than the rounding of the terms involved (尾数误差), or a figure was truncated. */
    ROUNDING,
    /** Worth an officer's look: wording, naming, template residue, a likely slip. */
    WARNING
}
