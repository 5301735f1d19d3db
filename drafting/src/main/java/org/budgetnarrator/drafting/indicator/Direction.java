package org.budgetnarrator.drafting.indicator;

import org.budgetnarrator.drafting.indicator.IndicatorValue.Comparison;

/**
 * Whether a larger actual is better. An operator in the target decides (≥, &gt; → more; ≤, &lt; →
 * less); a bare, "=" or "左右" target takes the direction from the indicator, as DOMAIN.md says:
 * less is better for cost (成本) indicators, more is better otherwise.
 */
public enum Direction {
    MORE_IS_BETTER,
    LESS_IS_BETTER;

    /** A direction and the reason for it, quoted in an evaluation's rule. */
    public record Choice(Direction direction, String because) {
    }

    /**
     * The direction of an indicator's comparison.
     *
     * <p>Without an operator, in this order:
     * <ol>
     *   <li>A name with 进度, 执行率 or 完成率 → more is better, even under 成本: Zhanjiang files
     *       "资金支出进度(%) 100%" under 成本指标, and spending progress is better when higher.</li>
     *   <li>成本 in level 1 or 2 (Xianning's "外事工作支出 79", "运行成本") or 控制 in the name
     *       ("在职人员控制率") → less is better.</li>
     *   <li>A target of exactly 0 → less is better: nothing can beat zero from below, so a zero
     *       target ("=0 次") is a ceiling.</li>
     *   <li>Otherwise more is better.</li>
     * </ol>
     */
    public static Choice choose(String level1, String level2, String name, IndicatorValue target) {
        Operator op = target instanceof Comparison c ? c.operator() : Operator.NONE;
        if (op.lowerBound()) {
            return new Choice(MORE_IS_BETTER, "target " + op.symbol());
        }
        if (op.upperBound()) {
            return new Choice(LESS_IS_BETTER, "target " + op.symbol());
        }
        String n = name == null ? "" : name;
        if (n.contains("进度") || n.contains("执行率") || n.contains("完成率")) {
            return new Choice(MORE_IS_BETTER, "progress or rate indicator (进度/执行率/完成率)");
        }
        if (contains(level1, "成本") || contains(level2, "成本")) {
            return new Choice(LESS_IS_BETTER, "cost indicator (成本)");
        }
        if (n.contains("控制")) {
            return new Choice(LESS_IS_BETTER, "control indicator (控制)");
        }
        if (target instanceof Comparison c && c.number().signum() == 0) {
            return new Choice(LESS_IS_BETTER, "zero target (目标为0)");
        }
        return new Choice(MORE_IS_BETTER, "default, not a cost indicator (默认)");
    }

    private static boolean contains(String text, String word) {
        return text != null && text.contains(word);
    }
}
