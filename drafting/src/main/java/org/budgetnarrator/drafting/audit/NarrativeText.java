package org.budgetnarrator.drafting.audit;

import java.util.ArrayList;
import java.util.List;

/**
 * The places in one paragraph that the narrative checker reads claims from: figures before 万元, % or a
 * count's unit, shares ("占…x%"), the self-evaluation table's bare figures, "X（类）Y（款）Z（项）" paths and
 * 【…】 notes. Each is found in one pass, in time linear in the paragraph's length and without recursion.
 *
 * <p>Why not regular expressions: java.util.regex tries a figure pattern such as
 * {@code (\d+(?:\.\d+)?)\s*万元} at every digit of a long run of digits and reads the run to its end each
 * time (quadratic: 40,000 digits took minutes), and repeats a group with alternatives by recursion (a long
 * run of Chinese characters overflowed the stack). Each scan here finds exactly the matches, in the same
 * order and with the same groups, that the checker's former pattern found (NarrativeTextTest compares them
 * on random texts); the former pattern is quoted on each method.
 */
final class NarrativeText {

    /**
     * A figure with what follows or precedes it.
     *
     * @param start       where the match starts
     * @param end         where it ends (exclusive)
     * @param numberStart where the figure's digits start
     * @param numberEnd   where they end (exclusive)
     * @param word        the unit (counts), the share's base text (shares) or the keyword (bare figures)
     */
    record Figure(int start, int end, int numberStart, int numberEnd, String word) {
    }

    /** A span of the paragraph. */
    record Span(int start, int end) {
    }

    /** An "X（类）Y（款）Z（项）" account path with where its three names are written. */
    record Path(int start, int end, Span classification, Span section, Span item) {
    }

    /** The keywords of the self-evaluation table's headers, before a bare figure. */
    private static final List<String> BARE_KEYWORDS = List.of("预算数（A）", "执行数（B）", "基本支出总额", "项目支出总额");
    /** The units of counts, in the order the former alternation tried them. */
    private static final List<String> COUNT_UNITS = List.of("个", "人次", "辆", "台（套）", "台");
    /** A share's base text may hold at most this many characters (before an optional 的 and spaces). */
    private static final int SHARE_BASE_MAX = 24;
    /** Deadline polls in the scans' loops: one every so many steps. */
    private static final int POLL = 1 << 12;

    private final String text;
    private final int n;
    private final Deadline deadline;

    private List<Figure> amounts;
    private List<Figure> percents;
    private List<Figure> counts;
    private List<Span> longPercents;
    private List<Figure> shares;
    private int[] spaceEnd;
    private int[] chainEnd;
    private int steps;

    NarrativeText(String text, Deadline deadline) {
        this(text, deadline, false);
    }

    /**
     * @param yuan whether the report states its amounts in 元: then a figure before 元 (not 万元) is an amount too, its
     *             word "元"; in a report in 万元 a figure in 元 is a price or a standard ("每人100元"), not an amount
     */
    NarrativeText(String text, Deadline deadline, boolean yuan) {
        this.text = text;
        this.n = text.length();
        this.deadline = deadline;
        this.yuan = yuan;
    }

    private final boolean yuan;

    /** {@code NUM\s*万元}, where NUM is {@code (\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)}. */
    List<Figure> amounts() {
        scanFigures();
        return amounts;
    }

    /** {@code NUM\s*[%％]}. */
    List<Figure> percents() {
        scanFigures();
        return percents;
    }

    /** {@code NUM\s*(个|人次|辆|台（套）|台)}; the word is the unit. */
    List<Figure> counts() {
        scanFigures();
        return counts;
    }

    /** {@code \d+\.\d{3,}\s*[%％]}: a percentage with more than two decimals. */
    List<Span> longPercents() {
        scanFigures();
        return longPercents;
    }

    /**
     * Figures end where the run of digits, dots and commas they stand in ends (what follows a figure in
     * each pattern is neither), so each run is read once: the leftmost place in it where a figure reaching
     * its end begins is where the pattern's match began.
     */
    private void scanFigures() {
        if (amounts != null) {
            return;
        }
        amounts = new ArrayList<>();
        percents = new ArrayList<>();
        counts = new ArrayList<>();
        longPercents = new ArrayList<>();
        int i = 0;
        while (i < n) {
            if (!runChar(text.charAt(i))) {
                i++;
                continue;
            }
            int a = i;
            int b = runEnd(a);
            i = b;
            poll();
            int w = spaceEnd(b);
            if (w >= n) {
                continue;
            }
            char c = text.charAt(w);
            if (c == '%' || c == '％') {
                int s = numberStart(a, b);
                if (s >= 0) {
                    percents.add(new Figure(s, w + 1, s, b, null));
                }
                int l = longPercentStart(a, b);
                if (l >= 0) {
                    longPercents.add(new Span(l, w + 1));
                }
            } else if (text.startsWith("万元", w)) {
                int s = numberStart(a, b);
                if (s >= 0) {
                    amounts.add(new Figure(s, w + 2, s, b, null));
                }
            } else if (yuan && c == '元') {
                int s = numberStart(a, b);
                if (s >= 0) {
                    amounts.add(new Figure(s, w + 1, s, b, "元"));
                }
            } else {
                for (String unit : COUNT_UNITS) {
                    if (text.startsWith(unit, w)) {
                        int s = numberStart(a, b);
                        if (s >= 0) {
                            counts.add(new Figure(s, w + unit.length(), s, b, unit));
                        }
                        break;
                    }
                }
            }
        }
    }

    /**
     * {@code 占([^，。；、%％\d]{0,24}?)的?\s*NUM\s*[%％]}; the word is the base text (group 1). The digits
     * after 占 are the first digits after it, the base is what comes before them less a trailing 的 and spaces.
     */
    List<Figure> shares() {
        if (shares != null) {
            return shares;
        }
        shares = new ArrayList<>();
        int checkedStart = -1;
        boolean checkedValid = false;
        int from = 0;
        while (true) {
            int z = text.indexOf('占', from);
            if (z < 0) {
                break;
            }
            poll();
            from = z + 1;
            // The base and an optional 的 take at most 25 characters; only spaces may follow them before the digits.
            int limit = Math.min(n, z + 1 + SHARE_BASE_MAX + 1);
            int j = z + 1;
            while (j < limit && !digit(text.charAt(j)) && !outsideShareBase(text.charAt(j))) {
                j++;
            }
            int d;
            if (j < limit) {
                if (!digit(text.charAt(j))) {
                    continue;
                }
                d = j;
            } else {
                d = spaceEnd(j);
                if (d >= n || !digit(text.charAt(d))) {
                    continue;
                }
            }
            int words = Math.min(d, limit);
            while (words > z + 1 && space(text.charAt(words - 1))) {
                words--;
            }
            int baseEnd = words > z + 1 && text.charAt(words - 1) == '的' ? words - 1 : words;
            if (baseEnd - (z + 1) > SHARE_BASE_MAX) {
                continue;
            }
            int b = runEnd(d);
            int w = spaceEnd(b);
            if (w >= n || (text.charAt(w) != '%' && text.charAt(w) != '％')) {
                continue;
            }
            if (d != checkedStart) {
                checkedStart = d;
                checkedValid = isNumber(d, b);
            }
            if (!checkedValid) {
                continue;
            }
            shares.add(new Figure(z, w + 1, d, b, text.substring(z + 1, baseEnd)));
            from = w + 1;
        }
        return shares;
    }

    private static boolean outsideShareBase(char c) {
        return c == '，' || c == '。' || c == '；' || c == '、' || c == '%' || c == '％';
    }

    /**
     * {@code (预算数（A）|执行数（B）|基本支出总额|项目支出总额)\s*NUM(?!\s*[%％万\d])}; the word is the keyword.
     * The figure's end is the first one, in the order the pattern's backtracking tried them, that is not
     * followed by a percent sign, 万 or a digit.
     */
    List<Figure> bare() {
        List<Figure> out = new ArrayList<>();
        int i = 0;
        while (i < n) {
            poll();
            String keyword = bareKeyword(i);
            if (keyword == null) {
                i++;
                continue;
            }
            int w = spaceEnd(i + keyword.length());
            int e = w < n && digit(text.charAt(w)) ? bareEnd(w) : -1;
            if (e < 0) {
                i++;
                continue;
            }
            out.add(new Figure(i, e, w, e, keyword));
            i = e;
        }
        return out;
    }

    private String bareKeyword(int i) {
        char c = text.charAt(i);
        if (c != '预' && c != '执' && c != '基' && c != '项') {
            return null;
        }
        for (String k : BARE_KEYWORDS) {
            if (text.startsWith(k, i)) {
                return k;
            }
        }
        return null;
    }

    /** The end of the bare figure starting at w (a digit), or -1. */
    private int bareEnd(int w) {
        int lead = digitsEnd(w);
        // \d{1,3}(?:,\d{3})+(?:\.\d+)?: only a leading block of at most three digits can be followed by groups.
        if (lead - w <= 3) {
            int p = lead;
            int groups = 0;
            while (group(p)) {
                p += 4;
                groups++;
            }
            if (groups > 0) {
                int decimals = decimalsEnd(p);
                if (decimals > 0 && notBeforeFigureWord(decimals)) {
                    return decimals;
                }
                if (notBeforeFigureWord(p)) {
                    return p;
                }
                if (groups > 1) {
                    return p - 4;
                }
            }
        }
        // \d+(?:\.\d+)?: ends inside a run of digits are followed by a digit and never taken.
        int decimals = decimalsEnd(lead);
        if (decimals > 0 && notBeforeFigureWord(decimals)) {
            return decimals;
        }
        return notBeforeFigureWord(lead) ? lead : -1;
    }

    /** {@code (?!\s*[%％万\d])} at e. */
    private boolean notBeforeFigureWord(int e) {
        int f = spaceEnd(e);
        if (f >= n) {
            return true;
        }
        char c = text.charAt(f);
        return !(c == '%' || c == '％' || c == '万' || digit(c));
    }

    /** The end of {@code \.\d+} at p, longest, or -1. */
    private int decimalsEnd(int p) {
        if (p + 1 < n && text.charAt(p) == '.' && digit(text.charAt(p + 1))) {
            return digitsEnd(p + 1);
        }
        return -1;
    }

    /** True when {@code ,\d{3}} starts at p. */
    private boolean group(int p) {
        return p + 3 < n && text.charAt(p) == ',' && digit(text.charAt(p + 1)) && digit(text.charAt(p + 2)) && digit(text.charAt(p + 3));
    }

    /**
     * {@code ((?:[\p{IsHan}“”]|[（(]室[）)])+?)\s*[（(]类[）)]\s*(…)+?\s*[（(]款[）)]\s*(…)+?\s*[（(]项[）)]}, the
     * names being chains of Han characters, quotation marks and 室 in brackets. A name ends where its chain
     * ends (what follows it, a space or a bracket, is no part of a name), so each start is decided at once
     * from the chain ends, computed once from the right.
     */
    List<Path> paths() {
        List<Path> out = new ArrayList<>();
        if (text.indexOf('类') < 0) {
            return out;
        }
        int[] chain = chainEnds();
        int failedChainEnd = -1;
        int s = 0;
        while (s < n) {
            poll();
            int e1 = chain[s];
            // Starts inside a name whose chain failed end the same way, and fail the same way.
            if (e1 == s || e1 == failedChainEnd) {
                s++;
                continue;
            }
            int q1 = afterMarker(e1, '类');
            int e2 = q1 < 0 ? -1 : chain[q1];
            int q2 = e2 <= q1 ? -1 : afterMarker(e2, '款');
            int e3 = q2 < 0 ? -1 : chain[q2];
            int end = e3 <= q2 ? -1 : marker(spaceEnd(e3), '项');
            if (end < 0) {
                failedChainEnd = e1;
                s++;
                continue;
            }
            out.add(new Path(s, end, new Span(s, e1), new Span(q1, e2), new Span(q2, e3)));
            s = end;
        }
        return out;
    }

    /** After spaces, a bracketed level marker at p, then spaces: where the next name starts, or -1. */
    private int afterMarker(int p, char level) {
        int end = marker(spaceEnd(p), level);
        return end < 0 ? -1 : spaceEnd(end);
    }

    /** {@code [（(]level[）)]} at p: its end, or -1. */
    private int marker(int p, char level) {
        if (p + 2 < n && (text.charAt(p) == '（' || text.charAt(p) == '(') && text.charAt(p + 1) == level
                && (text.charAt(p + 2) == '）' || text.charAt(p + 2) == ')')) {
            return p + 3;
        }
        return -1;
    }

    /** For each place, where the chain of name units starting there ends (the place itself when none starts). */
    private int[] chainEnds() {
        if (chainEnd != null) {
            return chainEnd;
        }
        int[] end = new int[n + 1];
        end[n] = n;
        for (int i = n - 1; i >= 0; i--) {
            int unit = nameUnit(i);
            end[i] = unit > 0 ? end[i + unit] : i;
        }
        chainEnd = end;
        return end;
    }

    /** The length of the name unit at i: a Han character (one or two chars), “ or ”, or 室 in brackets; 0 if none. */
    private int nameUnit(int i) {
        char c = text.charAt(i);
        if (c == '“' || c == '”') {
            return 1;
        }
        if ((c == '（' || c == '(') && i + 2 < n && text.charAt(i + 1) == '室' && (text.charAt(i + 2) == '）' || text.charAt(i + 2) == ')')) {
            return 3;
        }
        int cp = text.codePointAt(i);
        return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN ? Character.charCount(cp) : 0;
    }

    /** {@code 【[^】]*】}: a bracketed note (a draft's 【待补充：…】 gap). */
    List<Span> notes() {
        List<Span> out = new ArrayList<>();
        int from = 0;
        while (true) {
            int open = text.indexOf('【', from);
            if (open < 0) {
                break;
            }
            int close = text.indexOf('】', open + 1);
            if (close < 0) {
                break;
            }
            out.add(new Span(open, close + 1));
            from = close + 1;
        }
        return out;
    }

    // --- figures

    /**
     * The leftmost s in [a, b) where text[s, b) is a figure, {@code \d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?};
     * -1 when none. Read from the right: the last block of digits, a decimal point before it, the groups
     * of three before that.
     */
    private int numberStart(int a, int b) {
        int last = digitsStart(b, a);
        if (last == b) {
            return -1;
        }
        int best = last;
        if (last - 1 > a && text.charAt(last - 1) == '.') {
            int whole = digitsStart(last - 1, a);
            if (whole < last - 1) {
                best = whole;
                int grouped = groupedStart(last - 1, a);
                if (grouped >= 0) {
                    best = Math.min(best, grouped);
                }
            }
        } else if (last - 1 > a && text.charAt(last - 1) == ',' && b - last == 3) {
            int grouped = groupedStart(b, a);
            if (grouped >= 0) {
                best = Math.min(best, grouped);
            }
        }
        return best;
    }

    /** The leftmost start of {@code \d{1,3}(?:,\d{3})+} ending at c, not before a; -1 when none. */
    private int groupedStart(int c, int a) {
        int p = c;
        int groups = 0;
        while (p - 4 >= a && text.charAt(p - 4) == ',' && digit(text.charAt(p - 3)) && digit(text.charAt(p - 2))
                && digit(text.charAt(p - 1))) {
            p -= 4;
            groups++;
        }
        if (groups == 0) {
            return -1;
        }
        int lead = digitsStart(p, a);
        if (lead < p) {
            return Math.max(lead, p - 3);
        }
        // Nothing before the first comma: the first group's digits lead instead.
        return groups >= 2 ? p + 1 : -1;
    }

    /** True when text[s, b) is a figure. */
    private boolean isNumber(int s, int b) {
        if (s >= b || !digit(text.charAt(s))) {
            return false;
        }
        int t = Math.min(digitsEnd(s), b);
        if (t == b || decimalsTo(t, b)) {
            return true;
        }
        if (t - s > 3) {
            return false;
        }
        int p = t;
        int groups = 0;
        while (p + 4 <= b && group(p)) {
            p += 4;
            groups++;
        }
        return groups > 0 && (p == b || decimalsTo(p, b));
    }

    /** True when text[p, b) is {@code \.\d+}. */
    private boolean decimalsTo(int p, int b) {
        return p + 1 < b && text.charAt(p) == '.' && Math.min(digitsEnd(p + 1), b) == b;
    }

    /** The leftmost s in [a, b) where text[s, b) is {@code \d+\.\d{3,}}; -1 when none. */
    private int longPercentStart(int a, int b) {
        int last = digitsStart(b, a);
        if (b - last < 3 || last - 1 <= a || text.charAt(last - 1) != '.') {
            return -1;
        }
        int whole = digitsStart(last - 1, a);
        return whole < last - 1 ? whole : -1;
    }

    /** Polls the deadline every so many steps of a scan. */
    private void poll() {
        if ((++steps & (POLL - 1)) == 0) {
            deadline.check();
        }
    }

    // --- character classes and runs

    /** Where the run of digits, dots and commas starting at a ends. */
    private int runEnd(int a) {
        int b = a;
        while (b < n && runChar(text.charAt(b))) {
            b++;
        }
        return b;
    }

    private int digitsEnd(int i) {
        int j = i;
        while (j < n && digit(text.charAt(j))) {
            j++;
        }
        return j;
    }

    /** The start of the digits ending at e, not before a. */
    private int digitsStart(int e, int a) {
        int j = e;
        while (j > a && digit(text.charAt(j - 1))) {
            j--;
        }
        return j;
    }

    /** The first place at or after i that is not a space ({@code \s}); computed once for the whole paragraph. */
    private int spaceEnd(int i) {
        if (i >= n || !space(text.charAt(i))) {
            return i;
        }
        if (spaceEnd == null) {
            int[] end = new int[n + 1];
            end[n] = n;
            for (int k = n - 1; k >= 0; k--) {
                end[k] = space(text.charAt(k)) ? end[k + 1] : k;
            }
            spaceEnd = end;
        }
        return spaceEnd[i];
    }

    private static boolean runChar(char c) {
        return digit(c) || c == '.' || c == ',';
    }

    private static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }

    /** java.util.regex's {@code \s}: space, tab, line breaks, vertical tab, form feed. */
    static boolean space(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }
}
