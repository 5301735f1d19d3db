package org.budgetnarrator.drafting.indicator;

/**
 * What a qualitative text says about the outcome. The words behind each polarity are public in
 * {@link QualitativeWords}, so a reader can see why a text was read the way it was.
 */
public enum Polarity {
    /** Achieved: 完成, 达标, 显著, 按时, and negated problems such as 无出现重大工作失误. */
    POSITIVE,
    /** Not achieved: 未完成, 未达到, 滞后 … */
    NEGATIVE,
    /** Partly achieved: 基本完成, 部分完成 … */
    PARTIAL,
    /** Recognised descriptive words with no verdict: 宣传, 弘扬, 执行 … */
    NEUTRAL
}
