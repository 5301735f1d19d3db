package org.budgetnarrator.drafting.draft;

import java.util.ArrayList;
import java.util.List;

/**
 * Two scans of officers' and imported texts (reasons, outcomes, indicator values, drafts) in time linear in
 * their length. The regular expressions they replace read the rest of the text again from every place a match
 * could start: quadratic, so one long note of commas or unclosed 【 kept a core busy.
 */
public final class TextScans {

    /** A span of a text. */
    public record Span(int start, int end) {
    }

    private TextScans() {
    }

    /**
     * Bracketed notes that start with {@code prefix} ("【待补充：…】"): the prefix, anything but 】, then 】 — the
     * matches, in order, of the pattern {@code prefix[^】]*】}.
     */
    public static List<Span> notes(String text, String prefix) {
        List<Span> out = new ArrayList<>();
        int from = 0;
        while (true) {
            int open = text.indexOf(prefix, from);
            if (open < 0) {
                break;
            }
            int close = text.indexOf('】', open + prefix.length());
            if (close < 0) {
                // No 】 after this note, so none after any later one either.
                break;
            }
            out.add(new Span(open, close + 1));
            from = close + 1;
        }
        return out;
    }

    /**
     * The text without its trailing run of {@code chars} and spaces ({@code \s}) — what
     * {@code text.replaceAll("[chars\\s]+$", "")} gave, including its {@code $} matching before a final line
     * terminator that is not a space (U+0085, U+2028, U+2029), which is kept.
     */
    public static String stripTrailing(String text, String chars) {
        int end = text.length();
        if (end > 0 && (text.charAt(end - 1) == '\u0085' || text.charAt(end - 1) == '\u2028' || text.charAt(end - 1) == '\u2029')) {
            end--;
        }
        int k = end;
        while (k > 0 && (chars.indexOf(text.charAt(k - 1)) >= 0 || space(text.charAt(k - 1)))) {
            k--;
        }
        return k == end ? text : text.substring(0, k) + text.substring(end);
    }

    /** java.util.regex's {@code \s}. */
    private static boolean space(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }
}
