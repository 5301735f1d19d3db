package org.budgetnarrator.model.imports;

import java.util.Locale;

/** Checks on imported text, and the short printable form of any value quoted back in a problem. */
final class Texts {

    /** Longer values are quoted shortened: their start and their length. */
    static final int QUOTED = 100;
    private static final int QUOTED_START = 60;

    private Texts() {
    }

    /**
     * Null when the text may be stored as it is; otherwise what was expected. Rejects texts longer than the
     * field allows (counted in characters, as PostgreSQL's VARCHAR counts them), control characters other than
     * tab and line breaks (PostgreSQL refuses NUL; the others are no part of a published text), and lone
     * surrogates (no database can store them unchanged). One pass, linear in the text's length.
     */
    static String violation(String s, int maxLength) {
        if (s.length() > maxLength) {
            int characters = s.codePointCount(0, s.length());
            if (characters > maxLength) {
                return "at most " + count(maxLength) + " characters (found " + count(characters) + ")";
            }
        }
        int position = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            position++;
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                return "text without control characters other than tab and line breaks (found " + unicode(c)
                        + " at character " + count(position) + ")";
            }
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "valid Unicode text (found a lone surrogate " + unicode(c) + " at character " + count(position) + ")";
            }
        }
        return null;
    }

    /**
     * A value as quoted back in a problem: control characters and lone surrogates written as \\uXXXX (so that
     * a message is one line, prints safely on a terminal and can be sent as JSON), and a long value shortened
     * to its start and its length.
     */
    static String quoted(String s) {
        boolean longer = s.length() > QUOTED;
        int end = longer ? QUOTED_START : s.length();
        if (longer && Character.isHighSurrogate(s.charAt(end - 1))) {
            end--;
        }
        StringBuilder out = new StringBuilder(end + 32);
        for (int i = 0; i < end; i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                out.append(c).append(s.charAt(++i));
            } else if (c < 0x20 || c == 0x7f || Character.isSurrogate(c)) {
                out.append(switch (c) {
                    case '\n' -> "\\n";
                    case '\r' -> "\\r";
                    case '\t' -> "\\t";
                    default -> "\\u" + String.format(Locale.ROOT, "%04X", (int) c);
                });
            } else {
                out.append(c);
            }
        }
        if (longer) {
            out.append("… (").append(count(s.codePointCount(0, s.length()))).append(" characters)");
        }
        return out.toString();
    }

    /** 200000 as "200,000". */
    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static String unicode(char c) {
        return String.format(Locale.ROOT, "U+%04X", (int) c);
    }
}
