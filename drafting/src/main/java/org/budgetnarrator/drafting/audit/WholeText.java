package org.budgetnarrator.drafting.audit;

import org.budgetnarrator.model.domain.AccountLine;
import org.budgetnarrator.model.read.YearData;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.budgetnarrator.drafting.audit.NarrativeChecker.NUMBERING;
import static org.budgetnarrator.drafting.audit.NarrativeChecker.STATED_ACTUAL;
import static org.budgetnarrator.drafting.audit.NarrativeChecker.STATED_INITIAL;
import static org.budgetnarrator.drafting.audit.NarrativeChecker.clean;
import static org.budgetnarrator.drafting.audit.NarrativeChecker.sameName;

/**
 * The narrative checks that read across paragraphs rather than within one: a section's items against its totals
 * (N11), a 项's use against the lines it names (W18), the department's name as written (W16). Each is one pass over
 * the text.
 */
final class WholeText {

    /** "…住房公积金（项）。主要用于：…。": a 项 and the use its text gives, across a line break. */
    private static final Pattern ITEM_USE = Pattern.compile("([^（）()\\s、。；，]{2,24})[（(]项[）)][。.]?\\s*主要用于[:：]([^。；\\n]{1,120})");


    private final YearData data;
    private final Deadline deadline;
    private int compared;

    WholeText(YearData data, Deadline deadline) {
        this.data = data;
        this.deadline = deadline;
    }

    /** How many claims were compared with the data. */
    int compared() {
        return compared;
    }

    void check(String document, String text, List<Finding> findings) {
        nameVariants(document, text, findings);
        usesOfOtherLines(document, text, findings);
        itemSums(document, text, findings);
        amountPrecision(document, text, findings);
        yearEnds(document, text, findings);
    }

    /** "截至2024年12月31日": the year-end a figure of assets or vehicles is counted at. */
    private static final Pattern YEAR_END = Pattern.compile("截[至止]\\s*(\\d{4})\\s*年\\s*12\\s*月\\s*31\\s*日");
    /** "2024年度部门决算": the year a final account (or a part of it) is titled by. */
    private static final Pattern FINAL_ACCOUNTS_OF = Pattern.compile("(\\d{4})\\s*年度?\\s*(?:部门|单位)决算");

    /**
     * W20: a final account counts its vehicles and assets at its own year's 31 December (截至2024年12月31日 in the 2024
     * report); another year there is most likely a sentence left over from last year's report (a warning: a text may
     * also compare with last year's end).
     */
    private void yearEnds(String document, String text, List<Finding> findings) {
        Integer year = data.year().year();
        if (year == null || !"FINAL_ACCOUNTS".equals(data.year().stage())) {
            return;
        }
        Matcher m = YEAR_END.matcher(text);
        while (m.find()) {
            int written = Integer.parseInt(m.group(1));
            if (written != year) {
                findings.add(otherYear("W20", Severity.WARNING, m.group(), written, year,
                        List.of(Subject.text(document, m.start(), m.end() - m.start()))));
            }
        }
    }

    /** W21: a document titled as another year's 部门决算 ("第三部分 ……2023年度部门决算情况说明" in the 2024 report). */
    List<Finding> title(String document, String title) {
        Integer year = data.year().year();
        if (title == null || year == null || !"FINAL_ACCOUNTS".equals(data.year().stage())) {
            return List.of();
        }
        Matcher m = FINAL_ACCOUNTS_OF.matcher(title);
        List<Finding> out = new ArrayList<>();
        while (m.find()) {
            int written = Integer.parseInt(m.group(1));
            if (written != year) {
                out.add(otherYear("W21", Severity.ERROR, m.group(), written, year, List.of(Subject.line(document, "title", "title"))));
            }
        }
        return out;
    }

    private static Finding otherYear(String rule, Severity severity, String phrase, int written, int year, List<Subject> subjects) {
        return new Finding(rule, severity, "“" + phrase + "”：本报告为" + year + "年度决算，文中写作" + written + "年，疑为沿用以前年度文字",
                "\"" + phrase + "\": the report is the " + year + " final account; " + written + " is written", subjects,
                String.valueOf(year), String.valueOf(written));
    }

    /** An amount as written: its digits and unit, unless a threshold ("单价100万元（含）以上", "10万元以下"). */
    private static final Pattern AMOUNT = Pattern.compile("(?<![\\d.])(\\d+(?:\\.(\\d+))?)\\s*(万元|元)(?!\\s*(?:（含）|\\(含\\))?\\s*(?:以上|以下|及以上))");

    /**
     * W19: amounts written to a precision other than the report's. A report that prints 10.00 and 258.50 keeps two
     * decimals for every amount (会计核算 and the public tables are to the fen, 0.01 万元 in a 万元 report), so "6.2万元"
     * beside them drops a digit the tables print; and a zero written both "0.00万元" and "0万元" in one text is two
     * conventions at once. A report that writes every zero as "0" keeps one convention and is not flagged.
     */
    private void amountPrecision(String document, String text, List<Finding> findings) {
        Matcher m = AMOUNT.matcher(text);
        int fixedWithZero = 0;
        int zerosWithDecimals = 0;
        List<int[]> shortAmounts = new ArrayList<>();
        List<int[]> plainZeros = new ArrayList<>();
        int steps = 0;
        while (m.find()) {
            if (++steps % 256 == 0) {
                deadline.check();
            }
            String digits = m.group(1);
            int scale = m.group(2) == null ? 0 : m.group(2).length();
            boolean zero = new BigDecimal(digits).signum() == 0;
            if (scale == 2 && digits.endsWith("0")) {
                fixedWithZero++;
            }
            if (zero && scale > 0) {
                zerosWithDecimals++;
            }
            if (scale < 2 && !zero) {
                shortAmounts.add(new int[]{m.start(1), m.end(3)});
            } else if (scale == 0 && zero) {
                plainZeros.add(new int[]{m.start(1), m.end(3)});
            }
        }
        if (fixedWithZero < 2) {
            return; // no sign that the report keeps trailing zeros: "429.8万元" may be its style
        }
        Map<String, int[]> seen = new LinkedHashMap<>();
        for (int[] at : shortAmounts) {
            String written = text.substring(at[0], at[1]);
            seen.computeIfAbsent(written, w -> new int[]{at[0], at[1], 0})[2]++;
        }
        if (zerosWithDecimals > 0) {
            for (int[] at : plainZeros) {
                String written = text.substring(at[0], at[1]);
                seen.computeIfAbsent(written, w -> new int[]{at[0], at[1], 0})[2]++;
            }
        }
        for (Map.Entry<String, int[]> w : seen.entrySet()) {
            Matcher one = AMOUNT.matcher(w.getKey());
            one.find();
            String unit = one.group(3);
            String fixed = new BigDecimal(one.group(1)).setScale(2).toPlainString() + unit;
            int[] at = w.getValue();
            findings.add(new Finding("W19", Severity.WARNING,
                    "金额“" + w.getKey() + "”未保留两位小数（共 " + at[2] + " 处），与本文其他金额的写法不一致，应写作“" + fixed + "”",
                    "\"" + w.getKey() + "\" is not written to two decimals like the text's other amounts (" + at[2] + " places); write \"" + fixed + "\"",
                    List.of(Subject.text(document, at[0], at[1] - at[0])), fixed, w.getKey()));
        }
    }

    /**
     * N11: the 项 lines of "一般公共预算财政拨款支出决算具体情况" each state their 年初预算 and 支出决算, and the opening sentence
     * states the totals. A report may list only the main lines, so a shortfall proves nothing; but items whose figures add
     * up to the total but for the rounding of the printed items are the whole, and a sum one or two cents off is a
     * rounding difference (财政局 2024: items 2,993.93 against 2,993.92).
     */
    private void itemSums(String document, String text, List<Finding> findings) {
        List<int[]> items = new ArrayList<>();
        int at = text.indexOf("（项）");
        while (at >= 0) {
            items.add(new int[]{at + 3, 0});
            at = text.indexOf("（项）", at + 3);
        }
        if (items.size() < 2) {
            return;
        }
        for (int i = 0; i < items.size(); i++) {
            int end = i + 1 < items.size() ? items.get(i + 1)[0] - 3 : Math.min(text.length(), items.get(i)[0] + 300);
            int nl = text.indexOf('\n', items.get(i)[0] + 1);
            items.get(i)[1] = i + 1 == items.size() && nl >= 0 && nl + 1 < end ? nextHeading(text, nl, end) : end;
        }
        int first = items.get(0)[0];
        String opening = text.substring(Math.max(0, first - 600), first);
        sumAgainst(document, text, findings, items, opening, STATED_INITIAL, "年初预算", first, linesSum(AccountLine::initialBudget));
        sumAgainst(document, text, findings, items, opening, STATED_ACTUAL, "支出决算", first, linesSum(Lexicon::generalBudgetActual));
    }

    /** Where the last item's own lines end: the next numbered heading after it, else where its region ends. */
    private static int nextHeading(String text, int from, int end) {
        for (int nl = from; nl >= 0 && nl < end; nl = text.indexOf('\n', nl + 1)) {
            if (nl + 1 < text.length() && NUMBERING.matcher(text.substring(nl + 1, Math.min(text.length(), nl + 8))).find()) {
                return nl;
            }
        }
        return end;
    }

    /** The 项 lines' figures summed, null where a line has none. */
    private BigDecimal linesSum(java.util.function.Function<AccountLine, BigDecimal> figure) {
        List<AccountLine> lines = data.functional().stream().filter(a -> a.level() == 3).toList();
        if (lines.isEmpty() || lines.stream().anyMatch(a -> figure.apply(a) == null)) {
            return null;
        }
        return YearData.sum(lines.stream().map(figure).toList());
    }

    /**
     * Only where the tables do not hold every item's figure: where they do, each item is checked against its line (N01)
     * and the lines against their total by the table rules, and items rounded one by one for display (a report in 元
     * drafted in 万元) need not add up to the rounded total.
     */
    private void sumAgainst(String document, String text, List<Finding> findings, List<int[]> items, String opening, Pattern stated,
                            String what, int first, BigDecimal tablesSum) {
        Matcher total = stated.matcher(opening);
        BigDecimal whole = null;
        int wholeAt = -1;
        while (total.find()) {
            whole = new BigDecimal(total.group(1));
            wholeAt = first - opening.length() + total.start(1);
        }
        if (whole == null) {
            return;
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (int[] item : items) {
            Matcher m = stated.matcher(text).region(item[0], item[1]);
            if (!m.find()) {
                return;
            }
            sum = sum.add(new BigDecimal(m.group(1)));
        }
        if (tablesSum != null) {
            return;
        }
        BigDecimal gap = sum.subtract(whole).abs();
        BigDecimal rounding = new BigDecimal("0.005").multiply(BigDecimal.valueOf(items.size() + 1));
        compared++;
        if (gap.signum() > 0 && gap.compareTo(rounding) <= 0) {
            findings.add(new Finding("N11", Severity.ROUNDING,
                    "所列 " + items.size() + " 个项级科目的" + what + "之和为 " + Figures.show(sum) + " 万元，文中总数为 " + Figures.show(whole)
                            + " 万元，相差 " + Figures.show(gap) + " 万元，属尾数误差",
                    "The " + items.size() + " items' " + what + " add up to " + Figures.show(sum) + ", against the stated "
                            + Figures.show(whole) + " (a rounding difference)",
                    List.of(Subject.text(document, wholeAt, whole.toPlainString().length())), Figures.show(whole), Figures.show(sum)));
        }
    }

    /**
     * W18: a 项 whose use names another 项 of the report and not itself ("住房公积金（项）。主要用于：事业单位医疗保险支出",
     * 社会工作部 2024, the line above's use copied): the use was written for another line.
     */
    private void usesOfOtherLines(String document, String text, List<Finding> findings) {
        List<AccountLine> items = data.functional().stream().filter(a -> a.level() == 3 && a.name() != null).toList();
        Matcher m = ITEM_USE.matcher(text);
        while (m.find()) {
            deadline.check();
            String named = m.group(1);
            String use = m.group(2);
            String words = clean(use);
            AccountLine own = items.stream().filter(a -> sameName(named, a.name())).findFirst().orElse(null);
            if (own == null || words.contains(clean(own.name()))) {
                continue;
            }
            for (AccountLine other : items) {
                String name = clean(other.name());
                if (other == own || name.length() < 4 || !words.contains(name) || own.name().contains(name) || name.contains(clean(own.name()))) {
                    continue;
                }
                findings.add(new Finding("W18", Severity.WARNING,
                        "“" + named + "（项）”的用途写作“" + use.strip() + "”，所述为" + other.code() + " " + other.name() + "，疑为沿用其他科目的说明",
                        "The use given for " + own.code() + " " + own.name() + " (\"" + use.strip() + "\") names another line, "
                                + other.code() + " " + other.name(),
                        List.of(Subject.text(document, m.start(2), m.end(2) - m.start(2))), null, use.strip()));
                break;
            }
        }
    }

    /**
     * W16: the department's own name written with one character changed inside it ("规划与自然资源局" for 规划和自然资源局):
     * a name is written as 三定 fixes it. The name without its region is compared, from six characters up, so that a
     * short name (财政局) does not match other bodies'; its first and last characters must agree, so that another body
     * of the same kind (市委社会工作部) is not taken for a misspelling. Each variant is reported once, with its count.
     */
    private void nameVariants(String document, String text, List<Finding> findings) {
        String name = data.department() == null ? null : data.department().name();
        if (name == null) {
            return;
        }
        String core = name.startsWith("中共") ? name.substring(2) : name;
        String region = data.department().region();
        if (region != null && core.startsWith(region)) {
            core = core.substring(region.length());
        }
        int n = core.length();
        if (n < 6) {
            return;
        }
        Map<String, int[]> seen = new LinkedHashMap<>();
        for (int i = 0; i + n <= text.length(); i++) {
            if (text.charAt(i) != core.charAt(0) || text.charAt(i + n - 1) != core.charAt(n - 1)) {
                continue;
            }
            int differ = -1;
            for (int k = 1; k < n - 1; k++) {
                if (text.charAt(i + k) != core.charAt(k)) {
                    if (differ >= 0) {
                        differ = -2;
                        break;
                    }
                    differ = k;
                }
            }
            if (differ > 0 && Character.UnicodeScript.of(text.charAt(i + differ)) == Character.UnicodeScript.HAN) {
                int[] at = seen.get(text.substring(i, i + n));
                if (at == null) {
                    seen.put(text.substring(i, i + n), new int[]{i, 1});
                } else {
                    at[1]++;
                }
            }
        }
        for (Map.Entry<String, int[]> v : seen.entrySet()) {
            int at = v.getValue()[0];
            findings.add(new Finding("W16", Severity.WARNING,
                    "“" + v.getKey() + "”与单位名称“" + name + "”不一致（共 " + v.getValue()[1] + " 处），请按规范名称书写",
                    "\"" + v.getKey() + "\" differs from the department's name \"" + name + "\" (" + v.getValue()[1] + " places)",
                    List.of(Subject.text(document, at, n)), core, v.getKey()));
        }
    }
}
