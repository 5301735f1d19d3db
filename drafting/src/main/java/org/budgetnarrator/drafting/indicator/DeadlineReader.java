package org.budgetnarrator.drafting.indicator;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads deadlines ("12 月底前", "2026年12月31日前", "上半年", "2026年底前") and turns them into
 * the last day they allow; package-private helper of the parser and the evaluator.
 *
 * <p>Only whole texts are deadlines: "全年" alone is a period, "全年完成审批…任务" is a sentence.
 */
final class DeadlineReader {

    /** Periods, longest first so that 年底前 wins over 年底. */
    static final List<String> PERIODS = List.of(
            "年底之前", "第一季度", "第二季度", "第三季度", "第四季度", "上半年", "下半年", "年底前", "一季度", "二季度",
            "三季度", "四季度", "年底", "年末", "年内", "全年");

    /** Year assumed for a month and day written without one, when only validity matters (leap year). */
    private static final int ANY_LEAP_YEAR = 2024;

    private static final Pattern DATE = Pattern.compile(
            "(?:(\\d{4})年)?(?:(\\d{1,2})月(?:(\\d{1,2})[日号]|份|底|末)?)?(?:前|之前|以前|内|以内|止|为止)?(?:完成)?");
    private static final Pattern YEAR_THEN_REST = Pattern.compile("(\\d{4})(.*)");
    private static final Pattern SUFFIX = Pattern.compile("(?:前|之前|以前|内)?(?:完成)?");

    private DeadlineReader() {
    }

    /** The deadline the whole normalised text states, empty when it is not one; invalid dates are Unparsed. */
    static Optional<IndicatorValue> read(String normalised, String original) {
        if (normalised.length() > 24) {
            return Optional.empty();
        }
        Optional<IndicatorValue> period = period(normalised, original, null);
        if (period.isPresent()) {
            return period;
        }
        Matcher y = YEAR_THEN_REST.matcher(normalised);
        if (y.matches()) {
            Integer year = Integer.valueOf(y.group(1));
            String rest = y.group(2);
            Optional<IndicatorValue> p = period(rest, original, year);
            if (p.isEmpty() && rest.startsWith("年")) {
                p = period(rest.substring(1), original, year);
            }
            if (p.isPresent()) {
                return validYear(year) ? p : Optional.of(new IndicatorValue.Unparsed(original, "invalid year " + year));
            }
        }
        Matcher m = DATE.matcher(normalised);
        if (!m.matches() || (m.group(1) == null && m.group(2) == null)) {
            return Optional.empty();
        }
        Integer year = m.group(1) == null ? null : Integer.valueOf(m.group(1));
        Integer month = m.group(2) == null ? null : Integer.valueOf(m.group(2));
        Integer day = m.group(3) == null ? null : Integer.valueOf(m.group(3));
        if (year != null && !validYear(year)) {
            return Optional.of(new IndicatorValue.Unparsed(original, "invalid year " + year));
        }
        try {
            if (month != null) {
                YearMonth ym = YearMonth.of(year == null ? ANY_LEAP_YEAR : year, month);
                if (day != null) {
                    ym.atDay(day);
                }
            }
        } catch (DateTimeException e) {
            return Optional.of(new IndicatorValue.Unparsed(original, "invalid date"));
        }
        return Optional.of(new IndicatorValue.Deadline(year, month, day, null, original));
    }

    private static Optional<IndicatorValue> period(String s, String original, Integer year) {
        for (String p : PERIODS) {
            if (s.startsWith(p) && SUFFIX.matcher(s.substring(p.length())).matches()) {
                String name = p.equals("年底之前") ? "年底前" : p;
                return Optional.of(new IndicatorValue.Deadline(year, null, null, name, original));
            }
        }
        return Optional.empty();
    }

    private static boolean validYear(int year) {
        return year >= 1900 && year <= 2199;
    }

    /**
     * The last day a deadline allows, in the given year when the deadline names none (the
     * same-year assumption: a self-evaluation compares dates within its own fiscal year).
     * A month without a day is the end of that month; a year alone is its 31 December.
     */
    static LocalDate lastDay(IndicatorValue.Deadline d, int assumedYear) {
        int year = d.year() != null ? d.year() : assumedYear;
        if (d.period() != null) {
            MonthDay end = switch (d.period()) {
                case "上半年" -> MonthDay.of(6, 30);
                case "第一季度", "一季度" -> MonthDay.of(3, 31);
                case "第二季度", "二季度" -> MonthDay.of(6, 30);
                case "第三季度", "三季度" -> MonthDay.of(9, 30);
                default -> MonthDay.of(12, 31);
            };
            return end.atYear(year);
        }
        if (d.month() == null) {
            return LocalDate.of(year, 12, 31);
        }
        YearMonth ym = YearMonth.of(year, d.month());
        return d.day() != null ? ym.atDay(Math.min(d.day(), ym.lengthOfMonth())) : ym.atEndOfMonth();
    }
}
