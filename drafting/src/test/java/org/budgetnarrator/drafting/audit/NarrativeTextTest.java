package org.budgetnarrator.drafting.audit;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The linear scans find what the checker's former regular expressions found: the same matches, in the same
 * order, with the same groups, on random texts made of the pieces each pattern turns on (digits, points,
 * commas, spaces, units, keywords; Han characters, brackets, level markers, surrogates).
 */
class NarrativeTextTest {

    /** The checker's former patterns, the reference for the scans. */
    private static final String NUM = "(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)";
    private static final Pattern AMOUNT = Pattern.compile(NUM + "\\s*万元");
    private static final Pattern PERCENT = Pattern.compile(NUM + "\\s*[%％]");
    private static final Pattern SHARE = Pattern.compile("占([^，。；、%％\\d]{0,24}?)的?\\s*" + NUM + "\\s*[%％]");
    private static final Pattern COUNT = Pattern.compile(NUM + "\\s*(个|人次|辆|台（套）|台)");
    private static final Pattern BARE = Pattern.compile("(预算数（A）|执行数（B）|基本支出总额|项目支出总额)\\s*" + NUM + "(?!\\s*[%％万\\d])");
    private static final Pattern PATH = Pattern.compile(
            "((?:[\\p{IsHan}“”]|[（(]室[）)])+?)\\s*[（(]类[）)]\\s*((?:[\\p{IsHan}“”]|[（(]室[）)])+?)\\s*[（(]款[）)]"
                    + "\\s*((?:[\\p{IsHan}“”]|[（(]室[）)])+?)\\s*[（(]项[）)]");
    private static final Pattern LONG_PERCENT = Pattern.compile("\\d+\\.\\d{3,}\\s*[%％]");
    private static final Pattern NOTE = Pattern.compile("【[^】]*】");

    /** Pieces of figures and what surrounds them. */
    private static final String[] FIGURES = {"1", "23", "456", "7890", "0", ".", ".", ",", ",", " ", "\t", "a", "中", "万"};
    private static final String[] SHARES = {"占", "占", "的", " ", "甲乙丙丁戊己", "中", "a", ".", ",", "1", "23", "456", "%", "％",
            "，", "、", "。", "；"};
    private static final String[] NAMES = {"中", "一般", "“", "”", "（", "）", "(", ")", "室", "（室）", "(室）", " ", "类", "a",
            "\uD840\uDC00", "\uDC00", "\uD840"};
    private static final String[] MARKERS = {"（类）", "(类)", "（款）", "（项）", "(项)", "（室）", "（类"};
    private static final String[] NOTES = {"【", "】", "a", "中"};

    /** Three names, each but rarely followed by its level's marker, amid other pieces. */
    private static String randomPath(Random random) {
        StringBuilder text = new StringBuilder(randomText(random, 4, NAMES));
        for (String level : List.of("（类）", "（款）", "(项)")) {
            text.append(randomText(random, 3, NAMES)).append(random.nextInt(6) > 0 ? "中" : "")
                    .append(random.nextInt(6) > 0 ? level : MARKERS[random.nextInt(MARKERS.length)]);
        }
        return text.append(randomText(random, 4, NAMES)).toString();
    }

    private static String randomText(Random random, String[] pieces, String... more) {
        return randomText(random, 30, pieces, more);
    }

    private static String randomText(Random random, int most, String[] pieces, String... more) {
        StringBuilder text = new StringBuilder();
        int count = random.nextInt(most);
        for (int i = 0; i < count; i++) {
            int k = random.nextInt(pieces.length + more.length);
            text.append(k < pieces.length ? pieces[k] : more[k - pieces.length]);
        }
        return text.toString();
    }

    private static List<String> regex(Pattern pattern, String text) {
        List<String> out = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            StringBuilder found = new StringBuilder(m.start() + "-" + m.end());
            for (int g = 1; g <= m.groupCount(); g++) {
                found.append("|").append(m.start(g)).append("-").append(m.end(g));
            }
            out.add(found.toString());
        }
        return out;
    }

    private static void same(Pattern pattern, Function<NarrativeText, List<String>> scan, String[] pieces, String... more) {
        same(pattern, scan, random -> randomText(random, pieces, more));
    }

    private static void same(Pattern pattern, Function<NarrativeText, List<String>> scan, Function<Random, String> texts) {
        Random random = new Random(13);
        int matched = 0;
        for (int i = 0; i < 30_000; i++) {
            String text = texts.apply(random);
            matched += pattern.matcher(text).find() ? 1 : 0;
            assertEquals(regex(pattern, text), scan.apply(new NarrativeText(text, Deadline.none())), () -> "on \"" + text + "\"");
        }
        // The texts are made so that matches are common, or the comparison would prove little.
        assertTrue(matched > 1_000, "texts with a match: " + matched);
    }

    /** A figure as the former patterns' groups: the whole match, the figure, and the unit when there is one. */
    private static List<String> figures(List<NarrativeText.Figure> figures, boolean unit) {
        return figures.stream().map(f -> f.start() + "-" + f.end() + "|" + f.numberStart() + "-" + f.numberEnd()
                + (unit ? "|" + span(new NarrativeText.Span(f.end() - f.word().length(), f.end())) : "")).toList();
    }

    private static String span(NarrativeText.Span s) {
        return s.start() + "-" + s.end();
    }

    @Test
    void amountsAreTheFormerPatternsMatches() {
        same(AMOUNT, t -> figures(t.amounts(), false), FIGURES, "万元", "%");
    }

    @Test
    void percentagesAreTheFormerPatternsMatches() {
        same(PERCENT, t -> figures(t.percents(), false), FIGURES, "%", "％");
    }

    @Test
    void countsAreTheFormerPatternsMatches() {
        same(COUNT, t -> figures(t.counts(), true), FIGURES, "个", "人次", "人", "辆", "台（套）", "台（", "台");
    }

    @Test
    void longPercentagesAreTheFormerPatternsMatches() {
        same(LONG_PERCENT, t -> t.longPercents().stream().map(NarrativeTextTest::span).toList(), FIGURES, "%", "％", "1.2345");
    }

    @Test
    void sharesAreTheFormerPatternsMatches() {
        same(SHARE, t -> t.shares().stream().map(f -> f.start() + "-" + f.end() + "|" + (f.start() + 1) + "-"
                + (f.start() + 1 + f.word().length()) + "|" + f.numberStart() + "-" + f.numberEnd()).toList(), SHARES);
    }

    @Test
    void bareFiguresAreTheFormerPatternsMatches() {
        same(BARE, t -> t.bare().stream().map(f -> f.start() + "-" + f.end() + "|" + f.start() + "-" + (f.start() + f.word().length())
                + "|" + f.numberStart() + "-" + f.numberEnd()).toList(), FIGURES, "预算数（A）", "执行数（B）", "基本支出总额", "项目支出总额",
                "预算数（A）", "%", "％", "万元");
    }

    @Test
    void accountPathsAreTheFormerPatternsMatches() {
        same(PATH, t -> t.paths().stream().map(p -> p.start() + "-" + p.end() + "|" + span(p.classification()) + "|" + span(p.section())
                + "|" + span(p.item())).toList(), NarrativeTextTest::randomPath);
    }

    @Test
    void notesAreTheFormerPatternsMatches() {
        same(NOTE, t -> t.notes().stream().map(NarrativeTextTest::span).toList(), NOTES);
    }
}
