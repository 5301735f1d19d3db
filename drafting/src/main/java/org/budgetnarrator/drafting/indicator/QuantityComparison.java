package org.budgetnarrator.drafting.indicator;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.budgetnarrator.drafting.indicator.IndicatorValue.Comparison;
import org.budgetnarrator.drafting.indicator.IndicatorValue.Quantities;

/**
 * Compares quantitative values (a {@link Comparison} or {@link Quantities} on each side).
 *
 * <p>Rules:
 * <ul>
 *   <li>Each target quantity is paired with the actual quantity in a comparable unit (an equal
 *       unit is preferred; an ambiguous or missing partner makes the whole NOT_COMPARABLE). So
 *       "≥100 批" against "178 批 1708 人次" compares 批 with 批.</li>
 *   <li>The actual is converted into the target's unit exactly (98000 元 → 9.8 万元).</li>
 *   <li>Strictly better than the target → EXCEEDED; equal → MET; worse → NOT_MET. "&gt;" and "&lt;"
 *       are read like "≥" and "≤" (an actual equal to the bound is MET), as the tables intend.</li>
 *   <li>An actual written as a bound ("30 余场次" = ≥30) counts as its number when the bound is on
 *       the safe side (a lower bound when more is better); on the other side it proves nothing and
 *       is NOT_COMPARABLE.</li>
 *   <li>Several pairs: any NOT_MET → NOT_MET with the smallest pair ratio; otherwise EXCEEDED when
 *       one pair exceeded, else MET.</li>
 * </ul>
 */
final class QuantityComparison {

    private record Item(Operator operator, BigDecimal number, String unit) {
    }

    private record Pair(Status status, Ratio ratio, BigDecimal gap, String unit, String problem) {
    }

    private QuantityComparison() {
    }

    static boolean quantitative(IndicatorValue v) {
        return v instanceof Comparison || v instanceof Quantities;
    }

    static Verdict compare(IndicatorValue target, IndicatorValue actual, Direction.Choice choice) {
        List<Item> targets = items(target);
        List<Item> pool = new ArrayList<>(items(actual));
        List<Pair> pairs = new ArrayList<>();
        for (Item t : targets) {
            List<Item> same = pool.stream().filter(a -> Units.canonical(a.unit()).equals(Units.canonical(t.unit()))).toList();
            List<Item> comparable = pool.stream().filter(a -> Units.comparable(a.unit(), t.unit())).toList();
            List<Item> partner = same.size() == 1 ? same : comparable;
            if (partner.size() != 1) {
                return Verdict.notComparable((partner.isEmpty() ? "no actual in a unit comparable with " : "several actuals could match ")
                        + describeUnit(t.unit()) + " (单位不可比): " + units(target) + " vs " + units(actual));
            }
            pool.remove(partner.get(0));
            Pair p = pair(t, partner.get(0), choice.direction());
            if (p.problem() != null) {
                return Verdict.notComparable(p.problem());
            }
            pairs.add(p);
        }
        return aggregate(target, pairs, choice);
    }

    private static Pair pair(Item t, Item a, Direction direction) {
        boolean more = direction == Direction.MORE_IS_BETTER;
        if ((more && a.operator().upperBound()) || (!more && a.operator().lowerBound())) {
            return new Pair(null, null, null, null, "the actual only bounds the value on the wrong side ("
                    + a.operator().symbol() + ", 实际值方向不明)");
        }
        BigDecimal tv = t.number();
        BigDecimal av = Units.convert(a.number(), a.unit(), t.unit());
        String unit = t.unit().isEmpty() ? a.unit() : t.unit();
        int cmp = av.compareTo(tv);
        boolean better = more ? cmp > 0 : cmp < 0;
        Status status = better ? Status.EXCEEDED : cmp == 0 ? Status.MET : Status.NOT_MET;
        BigDecimal gap = status == Status.NOT_MET ? tv.subtract(av).abs() : BigDecimal.ZERO;
        return new Pair(status, ratio(more ? av : tv, more ? tv : av), gap, unit, null);
    }

    /** numerator ÷ denominator when it means something: no negatives; 0 ÷ 0 is 1 (equal); x ÷ 0 is none. */
    private static Ratio ratio(BigDecimal numerator, BigDecimal denominator) {
        if (numerator.signum() < 0 || denominator.signum() < 0) {
            return null;
        }
        if (denominator.signum() == 0) {
            return numerator.signum() == 0 ? Ratio.ONE : null;
        }
        return new Ratio(numerator, denominator);
    }

    private static Verdict aggregate(IndicatorValue target, List<Pair> pairs, Direction.Choice choice) {
        List<Pair> missed = pairs.stream().filter(p -> p.status() == Status.NOT_MET).toList();
        boolean exceeded = pairs.stream().anyMatch(p -> p.status() == Status.EXCEEDED);
        Status status = !missed.isEmpty() ? Status.NOT_MET : exceeded ? Status.EXCEEDED : Status.MET;
        // The pair that decides: the worst missed one (a missed pair without a ratio cannot be scored).
        List<Pair> candidates = missed.isEmpty() ? pairs : missed;
        Pair deciding = candidates.get(0);
        for (Pair p : candidates) {
            if (deciding.ratio() == null) {
                break;
            }
            if (p.ratio() == null || p.ratio().compareTo(deciding.ratio()) < 0) {
                deciding = p;
            }
        }
        Verdict.Scoring scoring = missed.isEmpty() ? Verdict.Scoring.FULL : Verdict.Scoring.RATIO;
        return new Verdict(status, deciding.ratio(), deciding.gap(), deciding.unit(), scoring,
                describe(target, choice, status, pairs.size()), choice.direction());
    }

    private static String describe(IndicatorValue target, Direction.Choice choice, Status status, int pairs) {
        Operator op = target instanceof Comparison c ? c.operator() : Operator.NONE;
        String subject = pairs > 1 ? pairs + " quantities compared pair by pair (逐项比较):"
                : op == Operator.NONE ? "target" : op.symbol() + " target";
        String verb = switch (status) {
            case EXCEEDED -> "exceeded (超额完成)";
            case MET -> "met (达到目标值)";
            default -> "missed (未达到目标值)";
        };
        String direction = op.lowerBound() || op.upperBound() ? ""
                : "; " + (choice.direction() == Direction.MORE_IS_BETTER ? "more is better (越大越好)" : "less is better (越小越好)")
                + ": " + choice.because();
        return subject + " " + verb + direction;
    }

    private static List<Item> items(IndicatorValue v) {
        if (v instanceof Comparison c) {
            return List.of(new Item(c.operator(), c.number(), c.unit()));
        }
        return ((Quantities) v).items().stream().map(q -> new Item(Operator.NONE, q.number(), q.unit())).toList();
    }

    private static String units(IndicatorValue v) {
        return String.join("+", items(v).stream().map(i -> describeUnit(i.unit())).toList());
    }

    private static String describeUnit(String unit) {
        return unit.isEmpty() ? "(bare number)" : unit;
    }
}
