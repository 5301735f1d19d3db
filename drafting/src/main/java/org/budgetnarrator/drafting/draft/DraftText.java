package org.budgetnarrator.drafting.draft;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Turns a rendered template (with fact markers) into the text, the placed facts, the gaps and the sentences. */
final class DraftText {

    static final String GAP_START = "【待补充：";
    static final String GAP_END = "】";

    private DraftText() {
    }

    static Draft build(SectionKind section, String title, String rendered, Map<Integer, Fact> facts,
                       List<Draft.Gap> gaps, String style) {
        StringBuilder text = new StringBuilder();
        List<Draft.PlacedFact> placed = new ArrayList<>();
        int i = 0;
        while (i < rendered.length()) {
            char c = rendered.charAt(i);
            if (c == Fact.START) {
                int middle = rendered.indexOf(Fact.MIDDLE, i);
                int end = rendered.indexOf(Fact.END, middle);
                Fact fact = facts.get(Integer.parseInt(rendered.substring(i + 1, middle)));
                String display = rendered.substring(middle + 1, end);
                placed.add(new Draft.PlacedFact(fact, text.length(), display.length()));
                text.append(display);
                i = end + 1;
            } else {
                text.append(c);
                i++;
            }
        }
        String clean = tidy(text.toString());
        if (!clean.equals(text.toString())) {
            // Tidying only trims line ends and blank lines, which never sit inside a fact: re-place by searching.
            placed = replace(clean, placed, text.toString());
        }
        List<Draft.Gap> placedGaps = new ArrayList<>();
        int from = 0;
        for (Draft.Gap gap : gaps) {
            String marker = GAP_START + gap.description() + GAP_END;
            int at = clean.indexOf(marker, from);
            if (at < 0) {
                at = clean.indexOf(marker);
            }
            placedGaps.add(new Draft.Gap(gap.subject(), gap.aspect(), gap.description(), Math.max(at, 0), marker.length()));
            if (at >= 0) {
                from = at + marker.length();
            }
        }
        return new Draft(section, title, clean, placedGaps, placed, sentences(clean, placed), style);
    }

    private static String tidy(String text) {
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            String t = line.strip();
            if (!t.isEmpty()) {
                if (out.length() > 0) {
                    out.append('\n');
                }
                out.append(t);
            }
        }
        return out.toString();
    }

    private static List<Draft.PlacedFact> replace(String clean, List<Draft.PlacedFact> placed, String raw) {
        List<Draft.PlacedFact> out = new ArrayList<>();
        // Map raw offsets to clean offsets by walking both texts.
        int[] map = new int[raw.length() + 1];
        int r = 0;
        int k = 0;
        while (r < raw.length()) {
            if (k < clean.length() && raw.charAt(r) == clean.charAt(k)) {
                map[r] = k;
                r++;
                k++;
            } else {
                map[r] = k;
                r++;
            }
        }
        map[raw.length()] = k;
        for (Draft.PlacedFact p : placed) {
            out.add(new Draft.PlacedFact(p.fact(), map[p.offset()], p.length()));
        }
        return out;
    }

    static List<Draft.Sentence> sentences(String text, List<Draft.PlacedFact> facts) {
        List<Draft.Sentence> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            boolean end = i == text.length() || "。；\n".indexOf(text.charAt(i)) >= 0;
            if (end) {
                int stop = i < text.length() && text.charAt(i) != '\n' ? i + 1 : i;
                String s = text.substring(start, stop).strip();
                if (!s.isEmpty()) {
                    int from = start;
                    List<Draft.PlacedFact> used = facts.stream().filter(f -> f.offset() >= from && f.offset() < stop).toList();
                    out.add(new Draft.Sentence(s, start + (text.substring(start, stop).length() - text.substring(start, stop).stripLeading().length()), used));
                }
                start = i + 1;
            }
        }
        return out;
    }
}
