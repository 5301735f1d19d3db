package org.budgetnarrator.drafting.indicator;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * A target (年度指标值) or actual (实际完成值) as read from its printed text. Every form keeps the
 * original {@code text}, so a draft can quote the table exactly whatever was understood.
 */
public sealed interface IndicatorValue {

    /** The text as printed (before normalisation). */
    String text();

    /**
     * One number with an operator and a unit: "≥4 对", "≤10.7 万元", "100%受理", "新增4 对".
     *
     * @param operator what the number bounds; {@link Operator#NONE} for a bare number
     * @param number   the number as written (exact; never rescaled)
     * @param unit     normalised ({@link Units#normalise}); "%" for percentages, "" for a bare count
     * @param text     as printed
     */
    record Comparison(Operator operator, BigDecimal number, String unit, String text) implements IndicatorValue {
        public Comparison {
            Objects.requireNonNull(operator, "operator");
            Objects.requireNonNull(number, "number");
            unit = unit == null ? "" : unit;
        }
    }

    /** One number–unit pair of {@link Quantities}. */
    record Quantity(BigDecimal number, String unit) {
        public Quantity {
            Objects.requireNonNull(number, "number");
            unit = unit == null ? "" : unit;
        }
    }

    /** Several number–unit pairs counted together: "3批 4人次", "178 批 1708 人次". */
    record Quantities(List<Quantity> items, String text) implements IndicatorValue {
        public Quantities {
            items = List.copyOf(items);
        }
    }

    /**
     * A date or period by which the work is done: "12 月底前" (month 12), "2026年12月31日前",
     * "上半年". Fields not written are null; a month without a day means the end of that month.
     *
     * @param period one of {@link IndicatorValueParser#PERIODS} ("上半年", "年底前", "全年" …), or null
     */
    record Deadline(Integer year, Integer month, Integer day, String period, String text) implements IndicatorValue {
    }

    /** A statement without a number to compare: "完成", "显著", "无出现重大工作失误". */
    record Qualitative(String text, Polarity polarity) implements IndicatorValue {
        public Qualitative {
            Objects.requireNonNull(polarity, "polarity");
        }
    }

    /** Text that fits no form; {@code reason} says why (never a guess at what was meant). */
    record Unparsed(String text, String reason) implements IndicatorValue {
    }
}
