package org.budgetnarrator.drafting.indicator;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.budgetnarrator.drafting.indicator.IndicatorValue.Comparison;
import org.budgetnarrator.drafting.indicator.IndicatorValue.Deadline;
import org.budgetnarrator.drafting.indicator.IndicatorValue.Quantities;
import org.budgetnarrator.drafting.indicator.IndicatorValue.Quantity;
import org.budgetnarrator.drafting.indicator.IndicatorValue.Qualitative;
import org.budgetnarrator.drafting.indicator.IndicatorValue.Unparsed;
import org.budgetnarrator.model.domain.Indicator;

/**
 * Compares an indicator's actual with its target and suggests its score. Never throws for any
 * text; only a null profile is refused.
 *
 * <p>Which comparison applies:
 * <table>
 *   <caption>target form × actual form</caption>
 *   <tr><th>target</th><th>actual</th><th>outcome</th></tr>
 *   <tr><td>missing</td><td>any</td><td>NOT_COMPARABLE "no target recorded"</td></tr>
 *   <tr><td>any</td><td>missing</td><td>NOT_COMPARABLE "no actual recorded" (a budget-stage
 *       table has targets only; that is not an unreadable text, so not UNPARSED)</td></tr>
 *   <tr><td>unparsed</td><td>any</td><td>UNPARSED (and the other way round)</td></tr>
 *   <tr><td>quantitative</td><td>quantitative</td><td>{@link QuantityComparison}</td></tr>
 *   <tr><td>quantitative</td><td>qualitative</td><td>NEGATIVE/PARTIAL words → NOT_MET by band;
 *       otherwise NOT_COMPARABLE ("≥90%" vs "完成" says nothing about the 90%)</td></tr>
 *   <tr><td>qualitative</td><td>qualitative</td><td>an actual restating the target word for word →
 *       MET; otherwise POSITIVE → MET, PARTIAL → NOT_MET middle band, NEGATIVE → NOT_MET lowest
 *       band, NEUTRAL → NOT_COMPARABLE (descriptive words carry no verdict)</td></tr>
 *   <tr><td>qualitative</td><td>quantitative</td><td>MET when the actual reports an achievement:
 *       every number above zero and any percentage at least 100% ("完成" vs "建立 12 个语种…",
 *       "圆满完成国际会议30 余场次"); the parser already turned texts with negative or partial
 *       words into Qualitative. Otherwise NOT_COMPARABLE.</td></tr>
 *   <tr><td>deadline</td><td>qualitative</td><td>as qualitative (按时, 完成 → MET)</td></tr>
 *   <tr><td>deadline</td><td>deadline</td><td>last allowed day compared; a date without a year
 *       takes the other side's year (same-year assumption). On or before → MET (early is not
 *       EXCEEDED: timeliness has no degree); after → NOT_MET lowest band, gap in days</td></tr>
 *   <tr><td colspan="2">any other pair</td><td>NOT_COMPARABLE</td></tr>
 * </table>
 */
public final class IndicatorEvaluator {

    /** Year used for dates that name none on either side (a leap year, so 2月29日 stays valid). */
    private static final int ANY_LEAP_YEAR = 2024;
    private static final BigDecimal HUNDRED = new BigDecimal(100);

    private IndicatorEvaluator() {
    }

    /** Evaluates one indicator given as its printed texts. */
    public static IndicatorEvaluation evaluate(String level1, String level2, String name, String target, String actual,
                                               BigDecimal weight, BigDecimal recordedScore, ScoringProfile profile) {
        if (profile == null) {
            throw new IllegalArgumentException("a scoring profile is required");
        }
        IndicatorValue t = IndicatorValueParser.parse(target);
        IndicatorValue a = IndicatorValueParser.parse(actual);
        Verdict v = verdict(level1, level2, name, target, actual, t, a);
        return Scoring.score(v, weight, recordedScore, profile, t, a);
    }

    /** Evaluates a stored indicator. */
    public static IndicatorEvaluation evaluate(Indicator indicator, ScoringProfile profile) {
        return evaluate(indicator.level1(), indicator.level2(), indicator.name(), indicator.target(), indicator.actual(),
                indicator.weight(), indicator.score(), profile);
    }

    /** Evaluates an indicator input of a {@link SelfEvaluation}. */
    public static IndicatorEvaluation evaluate(IndicatorInput input, ScoringProfile profile) {
        return evaluate(input.level1(), input.level2(), input.name(), input.target(), input.actual(), input.weight(),
                input.recordedScore(), profile);
    }

    private static Verdict verdict(String level1, String level2, String name, String targetText, String actualText,
                                   IndicatorValue t, IndicatorValue a) {
        if (targetText == null || targetText.isBlank()) {
            return Verdict.notComparable("no target recorded (未填报目标值)");
        }
        if (actualText == null || actualText.isBlank()) {
            return Verdict.notComparable("no actual recorded (未填报实际完成值)");
        }
        if (t instanceof Unparsed u) {
            return unparsed("target", u);
        }
        if (a instanceof Unparsed u) {
            return unparsed("actual", u);
        }
        if (QuantityComparison.quantitative(t)) {
            if (QuantityComparison.quantitative(a)) {
                return QuantityComparison.compare(t, a, Direction.choose(level1, level2, name, t));
            }
            if (a instanceof Qualitative q && q.polarity() != Polarity.POSITIVE && q.polarity() != Polarity.NEUTRAL) {
                return byWords(q);
            }
            return Verdict.notComparable("quantitative target, " + form(a) + " actual (定量目标与实际值不可比)");
        }
        if (t instanceof Qualitative qt) {
            if (a instanceof Qualitative qa) {
                return qualitative(qt, qa);
            }
            if (QuantityComparison.quantitative(a)) {
                return achievement(a);
            }
            return Verdict.notComparable("qualitative target, deadline actual (定性目标与日期不可比)");
        }
        Deadline dt = (Deadline) t;
        if (a instanceof Qualitative qa) {
            return qa.polarity() == Polarity.NEUTRAL
                    ? Verdict.notComparable("deadline target, actual states no verdict (实际值未说明是否按时)")
                    : byWords(qa);
        }
        if (a instanceof Deadline da) {
            return deadlines(dt, da);
        }
        return Verdict.notComparable("deadline target, " + form(a) + " actual (时限目标与实际值不可比)");
    }

    private static Verdict unparsed(String side, Unparsed u) {
        String zh = side.equals("target") ? "目标值无法识别" : "实际值无法识别";
        return new Verdict(Status.UNPARSED, null, null, null, Verdict.Scoring.NONE,
                side + " not understood (" + zh + "): " + u.reason(), null);
    }

    /** A verdict read from the actual's words alone. */
    private static Verdict byWords(Qualitative a) {
        return switch (a.polarity()) {
            case POSITIVE -> Verdict.met("actual achieved (已完成)");
            case PARTIAL -> Verdict.band(Polarity.PARTIAL, "actual partly achieved (部分完成)");
            case NEGATIVE -> Verdict.band(Polarity.NEGATIVE, "actual not achieved (未完成)");
            case NEUTRAL -> Verdict.notComparable("actual states no verdict (实际值未说明完成情况)");
        };
    }

    private static Verdict qualitative(Qualitative t, Qualitative a) {
        // Restating the target is how these tables say "done as planned" (Xianning: 显著 / 显著),
        // whatever the words: a target of 基本完成 restated is met, not partly met.
        if (clean(t.text()).equals(clean(a.text()))) {
            return Verdict.met("qualitative target, actual restates it (实际值与目标值一致)");
        }
        if (a.polarity() == Polarity.NEUTRAL) {
            return Verdict.notComparable("actual states no verdict (实际值未说明完成情况)");
        }
        if (a.polarity() == Polarity.POSITIVE) {
            return Verdict.met("qualitative target, positive actual (定性指标，已完成)");
        }
        return byWords(a);
    }

    /** A qualitative target against numbers: an achievement statement meets it. */
    private static Verdict achievement(IndicatorValue a) {
        boolean upperBound = a instanceof Comparison c && c.operator().upperBound();
        List<Quantity> items = a instanceof Comparison c
                ? List.of(new Quantity(c.number(), c.unit()))
                : ((Quantities) a).items();
        boolean shows = !upperBound && items.stream().allMatch(q -> q.number().signum() > 0
                && (!q.unit().equals("%") || q.number().compareTo(HUNDRED) >= 0));
        return shows
                ? Verdict.met("qualitative target, actual reports an achievement (实际值为完成情况陈述)")
                : Verdict.notComparable("qualitative target, the actual's number does not show completion (实际数值不能说明完成)");
    }

    private static Verdict deadlines(Deadline t, Deadline a) {
        int year = t.year() != null ? t.year() : a.year() != null ? a.year() : ANY_LEAP_YEAR;
        LocalDate due = DeadlineReader.lastDay(t, year);
        LocalDate done = DeadlineReader.lastDay(a, a.year() != null ? a.year() : year);
        if (!done.isAfter(due)) {
            return Verdict.met("done by the deadline (按时完成): " + done + " ≤ " + due);
        }
        long late = ChronoUnit.DAYS.between(due, done);
        return new Verdict(Status.NOT_MET, null, BigDecimal.valueOf(late), "日", Verdict.Scoring.LOWEST_BAND,
                "deadline missed (未按时完成): " + done + " > " + due, null);
    }

    private static String form(IndicatorValue v) {
        if (v instanceof Qualitative) {
            return "qualitative";
        }
        return v instanceof Deadline ? "deadline" : "quantitative";
    }

    private static String clean(String s) {
        return ValueText.normalise(s);
    }
}
