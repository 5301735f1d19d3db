package org.budgetnarrator.drafting.draft;

import org.budgetnarrator.drafting.LinearTime;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The scans of officers' texts give what the regular expressions they replace gave, in time linear in the text. */
class TextScansTest {

    private static final String[] PIECES = {"。", "；", ";", "，", ",", " ", "\n", "\r", "\t", "a", "中", "【", "】", "【待补充：", "【待补充",
            "\u2028", "\u0085"};

    private static String randomText(Random random) {
        StringBuilder text = new StringBuilder();
        int pieces = random.nextInt(12);
        for (int i = 0; i < pieces; i++) {
            text.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return text.toString();
    }

    @Test
    void strippingTheEndGivesWhatTheFormerPatternGave() {
        Random random = new Random(7);
        for (int i = 0; i < 50_000; i++) {
            String text = randomText(random);
            assertEquals(text.replaceAll("[。；;，,\\s]+$", ""), TextScans.stripTrailing(text, "。；;，,"), text);
            assertEquals(text.replaceAll("[。；\\s]+$", ""), TextScans.stripTrailing(text, "。；"), text);
        }
    }

    @Test
    void notesAreTheFormerPatternsMatches() {
        Random random = new Random(7);
        for (int i = 0; i < 50_000; i++) {
            String text = randomText(random);
            for (String prefix : List.of("【待补充：", "【待补充")) {
                List<TextScans.Span> expected = new ArrayList<>();
                Matcher m = Pattern.compile(prefix + "[^】]*】").matcher(text);
                while (m.find()) {
                    expected.add(new TextScans.Span(m.start(), m.end()));
                }
                assertEquals(expected, TextScans.notes(text, prefix), text);
            }
        }
    }

    @Test
    void scansTakeTimeLinearInTheText() {
        // A reason of commas with a word amid them, and unclosed gap markers: the former patterns were quadratic on both.
        LinearTime.assertLinear("stripping the end of commas", n -> LinearTime.repeat("，", n / 2) + "a" + LinearTime.repeat("，", n / 2),
                t -> TextScans.stripTrailing(t, "。；;，,"), 50_000, 20);
        LinearTime.assertLinear("finding notes among unclosed markers", n -> LinearTime.repeat("【待补充：", n), t -> TextScans.notes(t, "【待补充："),
                50_000, 20);
    }
}
