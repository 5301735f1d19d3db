package org.budgetnarrator.drafting.indicator;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A whole self-evaluation table re-scored: the budget execution row plus every indicator.
 *
 * <p>The suggested total never silently drops a row: an indicator whose score cannot be suggested
 * (not comparable, unparsed, no weight) counts with its recorded score, and {@code notes} says so;
 * one with neither counts nothing, also noted. The total is then comparable with the printed one.
 *
 * @param budgetExecution the budget execution row
 * @param indicators      one evaluation per indicator, in input order
 * @param suggestedTotal  budget execution score + suggested (or, noted, recorded) indicator scores
 * @param recordedTotal   the total printed in the table
 * @param differs         true when both totals are present and differ
 * @param profile         the scoring profile's name
 * @param notes           where the suggested total used something other than a suggestion
 */
public record SelfEvaluation(BudgetExecution budgetExecution, List<IndicatorEvaluation> indicators,
                             BigDecimal suggestedTotal, BigDecimal recordedTotal, boolean differs, String profile,
                             List<String> notes) {

    public SelfEvaluation {
        indicators = List.copyOf(indicators);
        notes = List.copyOf(notes);
    }

    /** Evaluates the table under a profile. */
    public static SelfEvaluation evaluate(BigDecimal executed, BigDecimal adjustedBudget, List<IndicatorInput> inputs,
                                          BigDecimal recordedTotal, ScoringProfile profile) {
        BudgetExecution budget = BudgetExecution.score(executed, adjustedBudget, profile);
        List<IndicatorEvaluation> evaluations = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        BigDecimal total = profile.round(BigDecimal.ZERO);
        if (budget.score() == null) {
            notes.add("budget execution score not computable, left out of the total (预算执行率得分无法计算，未计入)");
        } else {
            total = total.add(budget.score());
        }
        for (int i = 0; i < inputs.size(); i++) {
            IndicatorInput in = inputs.get(i);
            IndicatorEvaluation e = IndicatorEvaluator.evaluate(in, profile);
            evaluations.add(e);
            if (e.suggestedScore() != null) {
                total = total.add(e.suggestedScore());
            } else if (e.recordedScore() != null) {
                total = total.add(e.recordedScore());
                notes.add("indicator " + (i + 1) + " (" + in.name() + "): " + e.status()
                        + ", recorded score " + e.recordedScore().toPlainString() + " used (沿用填报得分)");
            } else {
                notes.add("indicator " + (i + 1) + " (" + in.name() + "): " + e.status()
                        + ", no suggested or recorded score, counts 0 (无得分，按0计)");
            }
        }
        boolean differs = recordedTotal != null && total.compareTo(recordedTotal) != 0;
        return new SelfEvaluation(budget, evaluations, total, recordedTotal, differs, profile.name(), notes);
    }
}
