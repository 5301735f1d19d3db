package org.budgetnarrator.drafting.draft;

import org.budgetnarrator.model.measure.Measures;
import org.budgetnarrator.model.measure.Percent;
import org.budgetnarrator.model.domain.LineReason;
import org.budgetnarrator.model.read.YearData;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One draft in the making: the data, the style, the reason catalogue, and the facts and gaps recorded
 * so far. Every figure a template prints is made here, from stored numbers, rounded half up once.
 */
public final class DraftContext {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final String[] ORDINALS = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};

    private final YearData data;
    private final StyleProfile style;
    private final ReasonCatalogue catalogue;
    private final Map<Integer, Fact> facts = new LinkedHashMap<>();
    private final List<Draft.Gap> gaps = new ArrayList<>();

    DraftContext(YearData data, StyleProfile style, ReasonCatalogue catalogue) {
        this.data = data;
        this.style = style;
        this.catalogue = catalogue;
    }

    public YearData data() {
        return data;
    }

    public StyleProfile style() {
        return style;
    }

    Map<Integer, Fact> facts() {
        return facts;
    }

    List<Draft.Gap> gaps() {
        return gaps;
    }

    private Fact fact(String subject, String field, String value, String display) {
        Fact f = new Fact(facts.size(), subject, field, value, display);
        facts.put(f.index(), f);
        return f;
    }

    /**
     * The unit amounts are written in: the report's own. A report whose tables are in 元 states its figures in 元, exact
     * to the fen as the tables print them, so that parts add up to their totals as printed; stored amounts are 万元.
     */
    public String unit() {
        return yuan() ? "元" : "万元";
    }

    private boolean yuan() {
        return "元".equals(data.year().moneyUnit());
    }

    /** A stored amount (万元) as the style writes it, in the report's unit. */
    public Fact money(String subject, String field, BigDecimal value) {
        BigDecimal v = value == null ? BigDecimal.ZERO : value;
        return fact(subject, field, v.toPlainString(), formatMoney(subject, v, yuan()));
    }

    /**
     * A stored amount (万元) written in a unit of its own: a line the source gives in 元 (a key task of a target
     * declaration, 18,630.00 元) is stated in 元 as printed, whatever the report's unit.
     */
    public Fact money(String subject, String field, BigDecimal value, String unit) {
        BigDecimal v = value == null ? BigDecimal.ZERO : value;
        return fact(subject, field, v.toPlainString(), formatMoney(subject, v, "元".equals(unit)));
    }

    /** How the style writes an amount of the subject: every amount the drafts print is written here. */
    private String formatMoney(String subject, BigDecimal stored, boolean inYuan) {
        BigDecimal v = inYuan ? stored.movePointRight(4) : stored;
        int decimals = style.moneyDecimals();
        // Rounded half up once, from the stored exact value, to the style's decimals.
        BigDecimal shown = style.moneyFixedDecimals() ? v.setScale(decimals, RoundingMode.HALF_UP)
                : trim(v.setScale(Math.min(Math.max(v.scale(), 0), decimals), RoundingMode.HALF_UP));
        // Some reports write a zero "0" beside two-decimal amounts: every zero, or only the zeros of one paragraph
        // (政府采购: 工程采购金额0万元) unlike the rest. Decided on the rounded figure: what prints as zero.
        if (shown.signum() == 0 && style.zeroMoneyPlain(subject)) {
            return "0";
        }
        if (!style.thousandsSeparator()) {
            return shown.toPlainString();
        }
        DecimalFormat format = new DecimalFormat(shown.scale() > 0 ? "#,##0." + "0".repeat(shown.scale()) : "#,##0",
                DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setParseBigDecimal(true);
        return format.format(shown);
    }

    private static BigDecimal trim(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    /** part ÷ whole as a percentage, at the digits the style sets for this subject and kind; null when whole is 0. */
    public Fact percent(String subject, String kind, BigDecimal part, BigDecimal whole) {
        if (part == null || whole == null || whole.signum() == 0) {
            return null;
        }
        Percent rate = Percent.of(part, whole);
        BigDecimal exact = rate.rounded(6);
        // Rounded once from the exact ratio, to the style's digits: never from the 6-decimal figure kept beside it.
        BigDecimal shown = rate.rounded(style.digits(subject, kind));
        // Some reports print a share of nothing as "0%" beside two-decimal ones.
        String display = style.zeroPercentPlain() && shown.signum() == 0 ? "0"
                : style.percentFixedDecimals() ? shown.toPlainString() : trim(shown).toPlainString();
        return fact(subject, kind, exact.toPlainString(), display);
    }

    /** A percentage the data state (a spending plan's 60%), written as stated without trailing zeros. */
    public Fact statedPercent(String subject, String field, BigDecimal value) {
        return fact(subject, field, value.toPlainString(), trim(value).toPlainString());
    }

    public Fact count(String subject, String field, Integer value) {
        int v = value == null ? 0 : value;
        return fact(subject, field, Integer.toString(v), Integer.toString(v));
    }

    public Fact year(int year) {
        return fact("year", "fiscalYear", Integer.toString(year), Integer.toString(year));
    }

    /** The change from last year: words and figures; null when last year's figure is unknown. */
    public Change change(String subject, BigDecimal now, BigDecimal before) {
        if (now == null || before == null) {
            return null;
        }
        BigDecimal delta = now.subtract(before);
        Fact amount = money(subject, "yoyChange", delta.abs());
        Fact rate = before.signum() == 0 ? null : percent(subject, "yoyRate", delta.abs(), before);
        return new Change(delta.signum(), amount, rate);
    }

    /**
     * Words for a change: 增加/减少 and 增长/下降, or 持平. A class with bean getters (not a record), so that
     * templates see exactly the properties word, rateWord, amount, rate and flat.
     */
    public static final class Change {
        private final int sign;
        private final Fact amount;
        private final Fact rate;

        Change(int sign, Fact amount, Fact rate) {
            this.sign = sign;
            this.amount = amount;
            this.rate = rate;
        }

        public boolean isFlat() {
            return sign == 0;
        }

        public String getWord() {
            return sign > 0 ? "增加" : sign < 0 ? "减少" : "持平";
        }

        public String getRateWord() {
            return sign > 0 ? "增长" : sign < 0 ? "下降" : "持平";
        }

        public Fact getAmount() {
            return amount;
        }

        public Fact getRate() {
            return rate;
        }
    }

    /** Whether actual against budget differs enough to need a reason (the style's rule). */
    public boolean needsBudgetReason(BigDecimal actual, BigDecimal budget) {
        if (actual == null || budget == null) {
            return false;
        }
        if (budget.signum() == 0) {
            return actual.signum() != 0;
        }
        BigDecimal rate = Percent.of(actual, budget).exact();
        return rate.subtract(HUNDRED).abs().compareTo(style.budgetVariance()) >= 0 || rate.compareTo(style.executionBelow()) < 0;
    }

    /** Whether a change from last year needs a reason (the style's rule). */
    public boolean needsPreviousReason(BigDecimal now, BigDecimal before) {
        if (now == null || before == null) {
            return false;
        }
        if (before.signum() == 0) {
            return now.signum() != 0;
        }
        return Measures.changeRate(now, before).exact().abs().compareTo(style.previousChange()) >= 0;
    }

    /**
     * The gap marker for figures the data do not hold (recorded in the draft's missing list): "无" is written only where
     * the data state a zero, never for what was not entered.
     */
    public String missing(String subject, String description) {
        gaps.add(new Draft.Gap(subject, "DATA", description, 0, 0));
        return DraftText.GAP_START + description + DraftText.GAP_END;
    }

    /**
     * The reasons recorded for a subject, as 一是…；二是…; when there are none and one is needed, the gap
     * marker 【待补充：…】 (recorded in the draft's missing list). Never invents a reason.
     *
     * @return the reasons, the gap marker, or null when none is recorded and none is needed
     */
    public String reasons(String subject, String aspect, boolean needed, String description) {
        List<String> phrases = phrases(subject, aspect);
        if (!phrases.isEmpty()) {
            return join(phrases);
        }
        if (!needed || style.reasonOptional(subject, aspect)) {
            return null;
        }
        gaps.add(new Draft.Gap(subject, aspect, description, 0, 0));
        return DraftText.GAP_START + description + DraftText.GAP_END;
    }

    /** The improvement measures the subject's reasons imply (catalogue), or null. */
    public String measures(String subject, String aspect) {
        List<String> measures = new ArrayList<>();
        for (LineReason r : data.reasons(subject, aspect)) {
            catalogue.find(r.code()).ifPresent(c -> c.measures().stream().filter(m -> !measures.contains(m)).forEach(measures::add));
        }
        return measures.isEmpty() ? null : join(measures);
    }

    List<String> phrases(String subject, String aspect) {
        List<String> phrases = new ArrayList<>();
        for (LineReason r : data.reasons(subject, aspect)) {
            String phrase = r.note() != null && !r.note().isBlank() ? r.note().strip()
                    : catalogue.find(r.code()).map(ReasonCatalogue.Reason::phrase).orElse(null);
            if (phrase != null) {
                phrases.add(TextScans.stripTrailing(phrase, "。；;，,"));
            }
        }
        return phrases;
    }

    /** 一是…；二是… for several, the phrase alone for one. */
    public static String join(List<String> phrases) {
        if (phrases.size() == 1) {
            return phrases.get(0);
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < phrases.size(); i++) {
            if (i > 0) {
                out.append('；');
            }
            out.append(i < ORDINALS.length ? ORDINALS[i] : String.valueOf(i + 1)).append("是").append(phrases.get(i));
        }
        return out.toString();
    }
}
