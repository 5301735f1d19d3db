package org.budgetnarrator.model.measure;

import java.math.BigDecimal;

/**
 * The derived figures of the accounts, each defined once (DOMAIN.md's formulas): GraphQL, the audit, drafting and the
 * exports all compute them here, so that a rate cannot mean one thing on the page and another in the report.
 */
public final class Measures {

    private Measures() {
    }

    /**
     * 执行率: executed ÷ the budget, which is the adjusted budget (全年预算数) where one is stated and the initial budget
     * otherwise (a budget never adjusted is its own full-year budget). Self-evaluation tables use it (预算执行率).
     */
    public static Percent executionRate(BigDecimal executed, BigDecimal adjustedBudget, BigDecimal initialBudget) {
        return Percent.of(executed, budget(adjustedBudget, initialBudget));
    }

    /** The budget an execution rate is measured against: 全年预算数, else 年初预算数. */
    public static BigDecimal budget(BigDecimal adjustedBudget, BigDecimal initialBudget) {
        return adjustedBudget != null ? adjustedBudget : initialBudget;
    }

    /** 完成年初预算的 x%: the actual ÷ the initial budget (年初预算数), never the adjusted one. */
    public static Percent completionOfInitialBudget(BigDecimal actual, BigDecimal initialBudget) {
        return Percent.of(actual, initialBudget);
    }

    /** 占 … 的 x%: a part ÷ its whole. */
    public static Percent share(BigDecimal part, BigDecimal whole) {
        return Percent.of(part, whole);
    }

    /** The change from last year: this year − last year; null when either is unknown. */
    public static BigDecimal change(BigDecimal now, BigDecimal before) {
        return now == null || before == null ? null : now.subtract(before);
    }

    /**
     * The rate of change from last year: (this year − last year) ÷ last year, negative for a fall. The words say the
     * direction (增长/下降) and the figure its size: a narrative prints its absolute value.
     */
    public static Percent changeRate(BigDecimal now, BigDecimal before) {
        BigDecimal change = change(now, before);
        return change == null ? null : Percent.of(change, before);
    }
}
