package org.budgetnarrator.drafting.indicator;

import org.budgetnarrator.model.measure.Measures;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The budget execution row of a self-evaluation (预算执行率): the rate uses the adjusted budget
 * (全年预算数), as DOMAIN.md says; the score is weight × min(1, executed ÷ budget).
 * Hunan 2024: 4624.00 ÷ 5462.27 = 84.653450% → 8.47 of 10.
 *
 * @param executed       executed amount (决算数 / 执行数)
 * @param adjustedBudget adjusted budget (全年预算数), same money unit as {@code executed}
 * @param rate           executed ÷ budget in percent, scale 6 HALF_UP; null without a positive budget
 * @param weight         the profile's budget execution weight
 * @param score          weight × min(1, executed ÷ budget), rounded once HALF_UP; null when not computable
 * @param rule           what was applied
 */
public record BudgetExecution(BigDecimal executed, BigDecimal adjustedBudget, BigDecimal rate, BigDecimal weight,
                              BigDecimal score, String rule) {

    private static final BigDecimal HUNDRED = new BigDecimal(100);

    /** The budget execution row under a profile. */
    public static BudgetExecution score(BigDecimal executed, BigDecimal adjustedBudget, ScoringProfile profile) {
        BigDecimal weight = profile.budgetExecutionWeight();
        if (executed == null || adjustedBudget == null || adjustedBudget.signum() <= 0 || executed.signum() < 0) {
            return new BudgetExecution(executed, adjustedBudget, null, weight, null,
                    "not computable without an executed amount and a positive adjusted budget (缺少执行数或全年预算数) — "
                            + profile.title());
        }
        // The execution rate of Measures, exact: it is rounded once, where it is shown.
        BigDecimal rate = Measures.executionRate(executed, adjustedBudget, null).exact();
        // One division, one rounding: weight × executed ÷ budget, capped at the weight.
        BigDecimal score = executed.compareTo(adjustedBudget) >= 0
                ? profile.round(weight)
                : weight.multiply(executed).divide(adjustedBudget, profile.roundingScale(), RoundingMode.HALF_UP);
        return new BudgetExecution(executed, adjustedBudget, rate, weight, score,
                profile.executionScoreRule() + " (预算执行率得分) — " + profile.title());
    }
}
