package org.budgetnarrator.drafting.indicator;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Units of indicator values, and when two of them may be compared.
 *
 * <ul>
 *   <li>Money (元, 千元, 万元, 亿元) converts exactly: the factors are powers of ten, so a conversion
 *       only moves the decimal point.</li>
 *   <li>"%" compares only with "%", "‰" only with "‰".</li>
 *   <li>Count units (人次, 批, 本, 日 …) compare only when equal after normalisation. A few written
 *       variants are the same unit: 批次 = 批 ("≥9 批 (次)" is stored as 批次), 场次 = 场, 天 = 日.
 *       批 and 人次 are different things and never compare.</li>
 *   <li>A magnitude before a count unit converts: 万人次 = 10000 人次.</li>
 *   <li>A bare number (unit "") compares with a bare number or with any count unit of the other
 *       side, and is then read in that unit as written (40 against "60 人次" reads 40 人次). It does
 *       not compare with money, percentages or a lone 万/亿: reading "79" as 万元 or as 元 would be
 *       a guess at the magnitude, which is exactly what these tables leave unsaid.</li>
 * </ul>
 */
public final class Units {

    /** What a unit measures, which decides what it may be compared with. */
    public enum Kind { BARE, PERCENT, PERMILLE, MONEY, MAGNITUDE, COUNT }

    /** Money units and their value in 元. */
    private static final Map<String, BigDecimal> MONEY = Map.of(
            "元", BigDecimal.ONE,
            "千元", new BigDecimal("1000"),
            "万元", new BigDecimal("10000"),
            "亿元", new BigDecimal("100000000"));

    /** Magnitudes that may stand before a count unit (万人次) or alone (3000 万). */
    private static final Map<String, BigDecimal> MAGNITUDES = Map.of(
            "万", new BigDecimal("10000"),
            "亿", new BigDecimal("100000000"));

    /** Written variants of one count unit. */
    private static final Map<String, String> SYNONYMS = Map.of(
            "批次", "批",
            "场次", "场",
            "天", "日");

    /**
     * Units the parser recognises right after a number, longest first so that 人次 wins over 人 and
     * 个月 over 个. A short CJK word not in this list is still accepted when it ends the value
     * (see {@link IndicatorValueParser}).
     */
    public static final List<String> KNOWN = List.of(
            "亿元", "万元", "千元", "元", "万人次", "万人", "万册", "人次", "人日", "人天", "人", "批次", "批",
            "场次", "场", "架次", "次", "个月", "个", "家", "本", "对", "台", "套", "件", "项", "篇", "期", "名",
            "户", "条", "份", "册", "部", "辆", "所", "座", "处", "张", "页", "门", "班", "团组", "团", "课时",
            "学时", "小时", "分钟", "天", "日", "周", "月", "年", "平方米", "公里", "千米", "米", "吨", "亩",
            "公顷", "分", "万", "亿", "%", "‰").stream()
            .sorted(Comparator.comparingInt(String::length).reversed()).toList();

    private Units() {
    }

    /**
     * The unit as written, cleaned of PDF noise: spaces removed ("人 次" → 人次), full-width forms
     * folded (％ → %), and a parenthesised tail merged ("批 (次)" → 批次, "人(次)" → 人次).
     */
    public static String normalise(String unit) {
        if (unit == null) {
            return "";
        }
        String u = Normalizer.normalize(unit, Normalizer.Form.NFKC).replaceAll("\\s+", "");
        return u.replace("(", "").replace(")", "");
    }

    /** The unit that decides comparability: the normalised unit with its synonym applied. */
    static String canonical(String unit) {
        String u = normalise(unit);
        for (Map.Entry<String, BigDecimal> e : MAGNITUDES.entrySet()) {
            if (u.length() > 1 && u.startsWith(e.getKey()) && !MONEY.containsKey(u)) {
                String base = u.substring(1);
                return e.getKey() + SYNONYMS.getOrDefault(base, base);
            }
        }
        return SYNONYMS.getOrDefault(u, u);
    }

    /** What the unit measures. */
    public static Kind kind(String unit) {
        String u = normalise(unit);
        if (u.isEmpty()) {
            return Kind.BARE;
        }
        if (u.equals("%")) {
            return Kind.PERCENT;
        }
        if (u.equals("‰")) {
            return Kind.PERMILLE;
        }
        if (MONEY.containsKey(u)) {
            return Kind.MONEY;
        }
        if (MAGNITUDES.containsKey(u)) {
            return Kind.MAGNITUDE;
        }
        return Kind.COUNT;
    }

    /** True when a value in unit {@code a} may be compared with a value in unit {@code b}. */
    public static boolean comparable(String a, String b) {
        return factorBetween(a, b).isPresent();
    }

    /**
     * The value, written in unit {@code from}, expressed in unit {@code to}; exact.
     *
     * @throws IllegalArgumentException when the units are not {@link #comparable comparable}
     */
    public static BigDecimal convert(BigDecimal value, String from, String to) {
        BigDecimal factor = factorBetween(from, to).orElseThrow(() -> new IllegalArgumentException(
                "units not comparable: '" + normalise(from) + "' and '" + normalise(to) + "'"));
        // Factors are powers of ten (or one), so this division is exact.
        return factor.compareTo(BigDecimal.ONE) == 0 ? value : value.multiply(factor).stripTrailingZeros();
    }

    /** How many {@code to} one {@code from} is worth, when the two compare. */
    private static Optional<BigDecimal> factorBetween(String from, String to) {
        Kind kf = kind(from);
        Kind kt = kind(to);
        if (kf == Kind.BARE || kt == Kind.BARE) {
            boolean otherCounts = (kf == Kind.BARE ? kt : kf) == Kind.BARE || (kf == Kind.BARE ? kt : kf) == Kind.COUNT;
            return otherCounts ? Optional.of(BigDecimal.ONE) : Optional.empty();
        }
        if (kf != kt) {
            return Optional.empty();
        }
        if (kf == Kind.MONEY) {
            return Optional.of(divideExactly(MONEY.get(normalise(from)), MONEY.get(normalise(to))));
        }
        if (kf == Kind.COUNT) {
            Scaled f = scaled(canonical(from));
            Scaled t = scaled(canonical(to));
            return f.base.equals(t.base) ? Optional.of(divideExactly(f.factor, t.factor)) : Optional.empty();
        }
        return canonical(from).equals(canonical(to)) ? Optional.of(BigDecimal.ONE) : Optional.empty();
    }

    /** A count unit split into its magnitude and base: 万人次 → (10000, 人次). */
    private record Scaled(BigDecimal factor, String base) {
    }

    private static Scaled scaled(String canonicalUnit) {
        for (Map.Entry<String, BigDecimal> e : MAGNITUDES.entrySet()) {
            if (canonicalUnit.length() > 1 && canonicalUnit.startsWith(e.getKey())) {
                return new Scaled(e.getValue(), canonicalUnit.substring(1));
            }
        }
        return new Scaled(BigDecimal.ONE, canonicalUnit);
    }

    /** Powers of ten divide exactly; the result keeps no trailing zeros. */
    private static BigDecimal divideExactly(BigDecimal a, BigDecimal b) {
        return a.divide(b).stripTrailingZeros();
    }
}
