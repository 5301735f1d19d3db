package org.budgetnarrator.drafting.indicator;

import java.util.List;

/**
 * The comparison a target states. Tables write it as a symbol (≥, ≤, &gt;=) or as words before the
 * number (不少于, 不超过, 控制在) or after it (以上, 以内, 左右); both spellings are listed here so
 * the parser and the API agree on what is recognised.
 */
public enum Operator {
    /** At least: ≥, &gt;=, 不少于, 不低于, 至少, … 以上. */
    GE("≥", List.of("大于等于", "不少于", "不低于", "不小于", "至少"), List.of("及以上", "以上")),
    /** At most: ≤, &lt;=, 不超过, 不高于, 控制在, … 以内 / 以下. */
    LE("≤", List.of("小于等于", "不超过", "不高于", "不大于", "不多于", "控制在"), List.of("及以下", "以下", "以内")),
    /** Exactly: =. */
    EQ("=", List.of("等于"), List.of()),
    /** Below: &lt;, 小于, 低于, 少于, 不足. */
    LT("<", List.of("小于", "低于", "少于", "不足"), List.of()),
    /** Above: &gt;, 大于, 高于, 多于, 超过. */
    GT(">", List.of("大于", "高于", "多于", "超过"), List.of()),
    /** About: ≈, 约, … 左右. */
    APPROX("≈", List.of("约"), List.of("左右")),
    /** A bare number or percentage: the direction comes from the indicator ({@link Direction}). */
    NONE("", List.of(), List.of());

    private final String symbol;
    private final List<String> prefixWords;
    private final List<String> suffixWords;

    Operator(String symbol, List<String> prefixWords, List<String> suffixWords) {
        this.symbol = symbol;
        this.prefixWords = prefixWords;
        this.suffixWords = suffixWords;
    }

    /** The symbol used when the value is written back (empty for {@link #NONE}). */
    public String symbol() {
        return symbol;
    }

    /** Words that state this operator before the number ("不少于9次"). */
    public List<String> prefixWords() {
        return prefixWords;
    }

    /** Words that state this operator after the number and unit ("80%以上"). */
    public List<String> suffixWords() {
        return suffixWords;
    }

    /** The operator a symbol stands for (after ASCII &gt;=/&lt;= and ≧/≦ were folded to ≥/≤), or null. */
    static Operator ofSymbol(char c) {
        return switch (c) {
            case '≥' -> GE;
            case '≤' -> LE;
            case '=' -> EQ;
            case '<' -> LT;
            case '>' -> GT;
            case '≈' -> APPROX;
            default -> null;
        };
    }

    /** True for the operators that say more is better (≥, &gt;). */
    boolean lowerBound() {
        return this == GE || this == GT;
    }

    /** True for the operators that say less is better (≤, &lt;). */
    boolean upperBound() {
        return this == LE || this == LT;
    }
}
