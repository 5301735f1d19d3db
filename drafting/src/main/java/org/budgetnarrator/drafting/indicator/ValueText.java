package org.budgetnarrator.drafting.indicator;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Normalisation and tokens of a value text; package-private helper of {@link IndicatorValueParser}.
 *
 * <p>Why these steps: the texts come out of PDF extraction, which scatters spaces ("≥100 人 次",
 * "178 批1708 人次") and mixes full-width forms (１２％). Chinese needs no spaces, so all of them go,
 * except a space between two numbers, which is kept as a separator so that "1 000" is not silently
 * read as 1000.
 */
final class ValueText {

    /** Token kinds: a number, an operator symbol, a percent sign, a kept space, other text. */
    enum Kind { NUM, SYM, PCT, SPACE, TEXT }

    record Token(Kind kind, String text, BigDecimal number) {
    }

    /** Thrown inside the package when a text is malformed; the parser turns it into Unparsed. */
    static final class Malformed extends Exception {
        Malformed(String reason) {
            super(reason, null, false, false);
        }
    }

    private static final String SYMBOLS = "≥≤<>=≈";
    private static final String NUMBER_CHARS = "0123456789.";
    private static final Pattern NUMBER = Pattern.compile("\\d+(\\.\\d+)?");
    private static final Pattern THOUSANDS = Pattern.compile("(?<=\\d),(?=\\d{3}(?!\\d))");
    private static final String TRAILING_PUNCTUATION = "。;,、!?:：";
    /** The longest number read, in characters (digits and point). */
    static final int MAX_NUMBER = 40;

    private ValueText() {
    }

    /** NFKC (full-width → ASCII), ≧/>= → ≥, spaces dropped (kept between numbers), trailing 。 dropped. */
    static String normalise(String raw) {
        String s = Normalizer.normalize(raw, Normalizer.Form.NFKC)
                .replace('≧', '≥').replace('≦', '≤').replace('⩾', '≥').replace('⩽', '≤').replace('−', '-')
                .replace(">=", "≥").replace("<=", "≤");
        StringBuilder b = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
                b.append(c);
                i++;
                continue;
            }
            int j = i;
            while (j < s.length() && (Character.isWhitespace(s.charAt(j)) || Character.isSpaceChar(s.charAt(j)))) {
                j++;
            }
            boolean betweenNumbers = b.length() > 0 && j < s.length()
                    && NUMBER_CHARS.indexOf(b.charAt(b.length() - 1)) >= 0 && NUMBER_CHARS.indexOf(s.charAt(j)) >= 0;
            if (betweenNumbers) {
                b.append(' ');
            }
            i = j;
        }
        String t = THOUSANDS.matcher(b).replaceAll("");
        int end = t.length();
        while (end > 0 && TRAILING_PUNCTUATION.indexOf(t.charAt(end - 1)) >= 0) {
            end--;
        }
        return t.substring(0, end);
    }

    /**
     * Splits a normalised text into tokens and checks the shapes that are never valid anywhere:
     * a malformed number ("1..2", "12.3.4"), an operator symbol not directly before a number
     * ("≥≥5", "≥" alone), a percent sign not directly after a number ("5%%", "%").
     */
    static List<Token> tokens(String s) throws Malformed {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            boolean signed = c == '-' && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1))
                    && (out.isEmpty() || out.get(out.size() - 1).kind() == Kind.SYM);
            if (Character.isDigit(c) || signed || (c == '.' && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1)))) {
                int j = signed ? i + 1 : i;
                while (j < s.length() && NUMBER_CHARS.indexOf(s.charAt(j)) >= 0) {
                    j++;
                }
                if (j - i > MAX_NUMBER) {
                    // Reading a number takes time that grows with the square of its digits; no indicator needs these.
                    throw new Malformed("number of " + (j - i) + " characters (at most " + MAX_NUMBER + ")");
                }
                String run = s.substring(signed ? i + 1 : i, j);
                if (!NUMBER.matcher(run).matches()) {
                    throw new Malformed("malformed number '" + run + "'");
                }
                out.add(new Token(Kind.NUM, s.substring(i, j), new BigDecimal(s.substring(i, j))));
                i = j;
            } else if (SYMBOLS.indexOf(c) >= 0) {
                out.add(new Token(Kind.SYM, String.valueOf(c), null));
                i++;
            } else if (c == '%' || c == '‰') {
                out.add(new Token(Kind.PCT, String.valueOf(c), null));
                i++;
            } else if (c == ' ') {
                out.add(new Token(Kind.SPACE, " ", null));
                i++;
            } else {
                int j = i + 1;
                while (j < s.length() && isText(s, j)) {
                    j++;
                }
                out.add(new Token(Kind.TEXT, s.substring(i, j), null));
                i = j;
            }
        }
        check(out);
        return out;
    }

    private static boolean isText(String s, int j) {
        char c = s.charAt(j);
        if (Character.isDigit(c) || SYMBOLS.indexOf(c) >= 0 || c == '%' || c == '‰' || c == ' ') {
            return false;
        }
        // A dot before a digit starts a (malformed) number; a sign before a digit stays text here.
        return !(c == '.' && j + 1 < s.length() && Character.isDigit(s.charAt(j + 1)));
    }

    private static void check(List<Token> tokens) throws Malformed {
        int symbols = 0;
        for (int k = 0; k < tokens.size(); k++) {
            Token t = tokens.get(k);
            Kind next = k + 1 < tokens.size() ? tokens.get(k + 1).kind() : null;
            Kind prev = k > 0 ? tokens.get(k - 1).kind() : null;
            if (t.kind() == Kind.SYM) {
                symbols++;
                if (next != Kind.NUM) {
                    throw new Malformed("operator '" + t.text() + "' without a number");
                }
            }
            if (t.kind() == Kind.PCT && prev != Kind.NUM) {
                throw new Malformed("'" + t.text() + "' not after a number");
            }
        }
        if (symbols > 1) {
            throw new Malformed("more than one operator symbol");
        }
    }

    /** True when the character is a Han ideograph (the texts' words). */
    static boolean isHan(int codePoint) {
        return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
    }

    /** True when the text holds at least one Han ideograph. */
    static boolean hasHan(String s) {
        return s.codePoints().anyMatch(ValueText::isHan);
    }

    /** True when every character is a Han ideograph. */
    static boolean allHan(String s) {
        return !s.isEmpty() && s.codePoints().allMatch(ValueText::isHan);
    }
}
