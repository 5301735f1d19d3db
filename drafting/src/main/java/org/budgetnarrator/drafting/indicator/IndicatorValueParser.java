package org.budgetnarrator.drafting.indicator;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.budgetnarrator.drafting.indicator.IndicatorValue.Comparison;
import org.budgetnarrator.drafting.indicator.IndicatorValue.Quantities;
import org.budgetnarrator.drafting.indicator.IndicatorValue.Quantity;
import org.budgetnarrator.drafting.indicator.IndicatorValue.Qualitative;
import org.budgetnarrator.drafting.indicator.IndicatorValue.Unparsed;
import org.budgetnarrator.drafting.indicator.ValueText.Kind;
import org.budgetnarrator.drafting.indicator.ValueText.Token;

/**
 * Reads a target or actual text into an {@link IndicatorValue}. Never throws, never guesses.
 *
 * <p>The rules, in the order they are tried:
 * <ol>
 *   <li>Empty or blank → Unparsed "empty"; "无", "/", "—", "不适用" → Unparsed "not applicable".</li>
 *   <li>Shapes that are never valid → Unparsed: a malformed number ("1..2", "12.3.4"), an operator
 *       symbol not directly before a number ("≥≥5", "≥abc"), a % not directly after a number
 *       ("5%%"), two operator symbols.</li>
 *   <li>A whole-text date or period → {@link IndicatorValue.Deadline} ("12 月底前", "上半年").</li>
 *   <li>One number → {@link Comparison}: an optional <em>subject</em> (at most
 *       {@value #MAX_SUBJECT} characters of text, e.g. "人均费用", "新增", "圆满完成国际会议"),
 *       an optional operator (a symbol, or a word such as 不超过 ending the subject), the number,
 *       "余" (read as ≥: "30 余场次" says at least 30 — the exact count is unknown, so the safe
 *       reading is the lower bound), a unit, an optional operator word (以上, 左右), and a
 *       <em>qualifier</em> of at most {@value #MAX_TAIL} Han characters ("100%受理"). A unit is a
 *       {@link Units#KNOWN known} one, or one or two Han characters ending the text ("≥5 架").</li>
 *   <li>Several numbers, each with a known unit, one after another (optionally after a subject and
 *       separated by 、 , 和 及) → {@link Quantities} ("3批 4人次", "高质量接待外宾团组 178 批1708 人次").</li>
 *   <li>Anything longer is a sentence: a number inside it is descriptive ("建立 12 个语种 55 人的翻译人才库",
 *       "推动 8 个项目成功落户长沙"), so the text is {@link Qualitative} with the polarity of its
 *       {@link QualitativeWords words}, or Unparsed when it holds no recognised word.</li>
 * </ol>
 * A subject or qualifier holding a negative or partial word ("未达到 90%") makes the whole text
 * Qualitative with that polarity: reading it as "90%" would report the opposite of what it says.
 */
public final class IndicatorValueParser {

    /** Longest subject (text before the operator and number) a single-number value may have. */
    public static final int MAX_SUBJECT = 16;
    /** Longest qualifier (Han text after the unit) a single-number value may have. */
    public static final int MAX_TAIL = 4;
    /** The periods a {@link IndicatorValue.Deadline} may name. */
    public static final List<String> PERIODS = DeadlineReader.PERIODS;
    /** Texts that say the indicator does not apply. */
    public static final List<String> NOT_APPLICABLE = List.of("无", "/", "-", "—", "——", "--", "不适用", "N/A", "NA");

    private static final List<String> SEPARATORS = List.of("、", ",", ";", "和", "及", "与", "/");
    private static final List<String> PREFIX_WORDS = operatorWords(true);
    private static final List<String> SUFFIX_WORDS = operatorWords(false);

    private IndicatorValueParser() {
    }

    /** The value a text states; null or blank → Unparsed "empty". */
    public static IndicatorValue parse(String text) {
        if (text == null || text.isBlank()) {
            return new Unparsed(text, "empty");
        }
        try {
            return read(text);
        } catch (ValueText.Malformed e) {
            return new Unparsed(text, e.getMessage());
        } catch (RuntimeException e) {
            // A safety net for a bug, not a path: the fuzz test asserts it is never taken.
            return new Unparsed(text, "internal error: " + e);
        }
    }

    private static IndicatorValue read(String text) throws ValueText.Malformed {
        String s = ValueText.normalise(text);
        if (s.isEmpty()) {
            // Only spaces of some kind ("\u00a0") are empty; stray punctuation ("!!!") is not.
            boolean spaces = text.codePoints().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c));
            return new Unparsed(text, spaces ? "empty" : "no recognised word");
        }
        if (NOT_APPLICABLE.contains(s)) {
            return new Unparsed(text, "not applicable");
        }
        List<Token> tokens = ValueText.tokens(s);
        Optional<IndicatorValue> deadline = DeadlineReader.read(s, text);
        if (deadline.isPresent()) {
            return deadline.get();
        }
        long numbers = tokens.stream().filter(t -> t.kind() == Kind.NUM).count();
        if (numbers == 1) {
            Optional<IndicatorValue> one = single(tokens, text);
            if (one.isPresent()) {
                return one.get();
            }
        } else if (numbers > 1) {
            Optional<IndicatorValue> several = several(tokens, text);
            if (several.isPresent()) {
                return several.get();
            }
        }
        return sentence(s, text, numbers);
    }

    /** A text read for its words only. */
    private static IndicatorValue sentence(String s, String text, long numbers) {
        Optional<Polarity> polarity = QualitativeWords.polarityOf(s);
        if (polarity.isPresent() && ValueText.hasHan(s)) {
            return new Qualitative(text, polarity.get());
        }
        return new Unparsed(text, numbers == 0 ? "no recognised word" : "number in no recognised form");
    }

    /** Subject, word operator and the index of the first number. */
    private record Head(String subject, Operator wordOperator, Operator symbolOperator, int numberAt) {
    }

    private static Optional<Head> head(List<Token> tokens) {
        int at = 0;
        String subject = "";
        Operator word = null;
        Operator symbol = null;
        if (tokens.get(at).kind() == Kind.TEXT) {
            subject = tokens.get(at).text();
            at++;
            for (String w : PREFIX_WORDS) {
                if (subject.endsWith(w)) {
                    word = operatorOfWord(w, true);
                    subject = subject.substring(0, subject.length() - w.length());
                    break;
                }
            }
        }
        if (at < tokens.size() && tokens.get(at).kind() == Kind.SYM) {
            symbol = Operator.ofSymbol(tokens.get(at).text().charAt(0));
            at++;
        }
        if (at >= tokens.size() || tokens.get(at).kind() != Kind.NUM) {
            return Optional.empty();
        }
        if (subject.length() > MAX_SUBJECT || !plainText(subject)) {
            return Optional.empty();
        }
        return Optional.of(new Head(subject, word, symbol, at));
    }

    /** One number: "≥ 1000 批", "100%受理", "人均费用不超过 100 元", "450 人次左右", "新增4 对". */
    private static Optional<IndicatorValue> single(List<Token> tokens, String text) {
        Optional<Head> h = head(tokens);
        if (h.isEmpty()) {
            return Optional.empty();
        }
        Head head = h.get();
        int at = head.numberAt();
        BigDecimal number = tokens.get(at).number();
        at++;
        String unit = "";
        String rest = "";
        boolean more = false;
        if (at < tokens.size() && tokens.get(at).kind() == Kind.PCT) {
            unit = tokens.get(at).text();
            at++;
        }
        if (at < tokens.size() && tokens.get(at).kind() == Kind.TEXT) {
            rest = tokens.get(at).text();
            at++;
        }
        if (at != tokens.size()) {
            return Optional.empty();
        }
        if (unit.isEmpty()) {
            if (rest.startsWith("余")) {
                more = true;
                rest = rest.substring(1);
            }
            String[] split = unitAtStart(rest);
            unit = split[0];
            rest = split[1];
        }
        Operator suffix = null;
        for (String w : SUFFIX_WORDS) {
            if (rest.startsWith(w)) {
                suffix = operatorOfWord(w, false);
                rest = rest.substring(w.length());
                break;
            }
        }
        if (unit.isEmpty() && suffix == null && !rest.isEmpty() && rest.length() <= 2 && ValueText.allHan(rest)
                && !QualitativeWords.recognises(rest)) {
            // An unlisted measure word ending the value ("≥5 架"): still the unit, not a guess.
            unit = rest;
            rest = "";
        }
        if (!rest.isEmpty() && (unit.isEmpty() || rest.length() > MAX_TAIL || !ValueText.allHan(rest))) {
            return Optional.empty();
        }
        Optional<Polarity> words = QualitativeWords.polarityOf(head.subject() + " " + rest);
        if (words.isPresent() && (words.get() == Polarity.NEGATIVE || words.get() == Polarity.PARTIAL)) {
            return Optional.of(new Qualitative(text, words.get()));
        }
        Set<Operator> stated = new LinkedHashSet<>();
        Stream.of(head.wordOperator(), head.symbolOperator(), suffix, more ? Operator.GE : null)
                .filter(o -> o != null).forEach(stated::add);
        if (stated.size() > 1) {
            return Optional.of(new Unparsed(text, "conflicting operators " + stated));
        }
        Operator op = stated.isEmpty() ? Operator.NONE : stated.iterator().next();
        return Optional.of(new Comparison(op, number, Units.normalise(unit), text));
    }

    /** Several number–unit pairs: "3批 4人次", "全年把关审批因公出国团组 2854 批 7615 人次". */
    private static Optional<IndicatorValue> several(List<Token> tokens, String text) {
        Optional<Head> h = head(tokens);
        if (h.isEmpty() || h.get().wordOperator() != null || h.get().symbolOperator() != null) {
            return Optional.empty();
        }
        List<Quantity> items = new ArrayList<>();
        int at = h.get().numberAt();
        String tail = "";
        while (at < tokens.size()) {
            if (tokens.get(at).kind() != Kind.NUM || at + 1 >= tokens.size() || tokens.get(at + 1).kind() != Kind.TEXT) {
                return Optional.empty();
            }
            String[] split = unitAtStart(tokens.get(at + 1).text());
            boolean aYear = split[0].equals("年") && tokens.get(at).text().length() == 4;
            if (split[0].isEmpty() || aYear) {
                // "2026年12月31日前完成" is a date inside a sentence, not three quantities.
                return Optional.empty();
            }
            items.add(new Quantity(tokens.get(at).number(), Units.normalise(split[0])));
            at += 2;
            String between = split[1];
            boolean last = at >= tokens.size();
            if (last) {
                tail = between;
            } else if (!between.isEmpty() && !SEPARATORS.contains(between)) {
                return Optional.empty();
            }
        }
        if (!tail.isEmpty() && (tail.length() > MAX_TAIL || !ValueText.allHan(tail))) {
            return Optional.empty();
        }
        Optional<Polarity> words = QualitativeWords.polarityOf(h.get().subject() + " " + tail);
        if (words.isPresent() && (words.get() == Polarity.NEGATIVE || words.get() == Polarity.PARTIAL)) {
            return Optional.of(new Qualitative(text, words.get()));
        }
        return Optional.of(new Quantities(items, text));
    }

    /**
     * The known unit a text starts with and the rest; a parenthesised variant is merged
     * ("批(次)" → 批次, chosen so that "≥9 批 (次)" compares with 批 and 批次 alike).
     */
    private static String[] unitAtStart(String s) {
        for (String u : Units.KNOWN) {
            if (!u.equals("%") && !u.equals("‰") && s.startsWith(u)) {
                String rest = s.substring(u.length());
                if (rest.startsWith("(")) {
                    int close = rest.indexOf(')');
                    if (close > 1 && Units.KNOWN.contains(u + rest.substring(1, close))) {
                        return new String[] {u + rest.substring(1, close), rest.substring(close + 1)};
                    }
                }
                return new String[] {u, rest};
            }
        }
        return new String[] {"", s};
    }

    /** Text a subject may be: empty, or words with at least one Han character and no stray symbols. */
    private static boolean plainText(String s) {
        if (s.isEmpty()) {
            return true;
        }
        if (!ValueText.hasHan(s)) {
            return false;
        }
        return s.codePoints().allMatch(c -> ValueText.isHan(c) || Character.isLetter(c)
                || "、，,“”\"'‘’()《》:：".indexOf(c) >= 0);
    }

    private static List<String> operatorWords(boolean prefix) {
        return Stream.of(Operator.values())
                .flatMap(o -> (prefix ? o.prefixWords() : o.suffixWords()).stream())
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    private static Operator operatorOfWord(String word, boolean prefix) {
        for (Operator o : Operator.values()) {
            if ((prefix ? o.prefixWords() : o.suffixWords()).contains(word)) {
                return o;
            }
        }
        throw new IllegalStateException("not an operator word: " + word);
    }
}
