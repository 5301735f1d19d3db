package org.budgetnarrator.model.reading;

import org.budgetnarrator.model.domain.PublicTable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The 情况说明 of a published report (第三部分 in the national template) read into one FINAL_ACCOUNTS_NARRATIVE document,
 * and its 部门概况 (第一部分) into a DEPARTMENT_OVERVIEW, as printed, for the readers of every layout. PDF-to-text breaks the part's lines at the page's width, so a line runs on into the
 * next unless the next opens a paragraph: a heading (一、 （一） 1、 图 N), a first line indented from the page's margin,
 * or a line after a short one that ended a sentence (its paragraph ended) or was a heading itself.
 */
final class ReportNarrative {

    private static final Pattern PART = Pattern.compile("^\\s*第[一二三四五六七八九十]+部分");
    private static final Pattern TABLE_LABEL = Pattern.compile("公开0?[1-9]表");
    private static final Pattern PART_ONLY = Pattern.compile("第[一二三四五六七八九十]+部分");
    /** Page numbers and running page marks between a part's lines. */
    private static final Pattern PAGE_MARK = Pattern.compile("[-—\\s\\d第页/]+");
    /** Where a paragraph of the 情况说明 starts: its headings (一、 （一） (1) 1.), 图 N and notes. */
    private static final Pattern PARAGRAPH = Pattern.compile(
            "^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\\d]+[）)]|\\d{1,2}[.．、](?!\\d)|[①-⑳]|图\\s*\\d|注[:：]|备注[:：])");
    /** A heading of its own line: 一、 （一） 图 N (numbered items 1. (1) run on like any paragraph). */
    private static final Pattern HEADING = Pattern.compile("^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|图\\s*\\d)");
    /** A first line's indent (two characters in the reports read) against the width of a full line. */
    private static final double INDENT = 0.03;
    /** How many characters short of the right margin a line ends its paragraph: more than the widest figure's half. */
    private static final double SHORT = 2.5;

    private ReportNarrative() {
    }

    /** The part's title as printed on one line, or on two where the title wraps (Shanghai's reports). */
    private record Heading(int index, String title, int bodyStart) {
    }

    static void read(ReportSource source, DocumentDraft document, ReadingReport report) {
        List<ReportLine> lines = source.lines();
        Part narrative = part(lines, "情况说明");
        if (narrative == null) {
            report.note("未找到部门决算情况说明（“第三部分……情况说明”）");
        } else {
            document.document("FINAL_ACCOUNTS_NARRATIVE", narrative.heading.title, paragraphs(narrative.body, source.positioned()));
        }
        Part overview = part(lines, "概况");
        if (overview == null) {
            report.note("未找到部门概况（“第一部分……概况”）");
        } else {
            document.document("DEPARTMENT_OVERVIEW", overview.heading.title, paragraphs(overview.body, source.positioned()));
        }
    }

    private record Part(Heading heading, List<ReportLine> body) {
    }

    /**
     * The part whose title ends with the given words, from its heading to the next part: a table of contents names the
     * part too, so the part itself is the heading with the longest text.
     */
    private static Part part(List<ReportLine> lines, String ending) {
        Part found = null;
        for (int i = 0; i < lines.size(); i++) {
            Heading heading = heading(lines, i, ending);
            if (heading == null) {
                continue;
            }
            List<ReportLine> body = new ArrayList<>();
            for (int j = heading.bodyStart; j < lines.size() && !ends(lines.get(j).text()); j++) {
                if (!PAGE_MARK.matcher(lines.get(j).text()).matches()) {
                    body.add(lines.get(j));
                }
            }
            if (found == null || body.size() > found.body.size()) {
                found = new Part(heading, body);
            }
        }
        return found;
    }

    /**
     * Where a part ends: at the next part, or where the tables begin though their part's number is not printed over
     * them (Shanghai heads its tables' pages "上海市……2024年度部门决算表" only): a table's title or label on a line of its
     * own.
     */
    private static boolean ends(String line) {
        String text = line.replaceAll("\\s+", "");
        return PART.matcher(line).find() || text.endsWith("部门决算表") || TABLE_LABEL.matcher(text).matches()
                || Arrays.stream(PublicTable.values()).anyMatch(t -> t.title().equals(text));
    }

    private static Heading heading(List<ReportLine> lines, int i, String ending) {
        String text = lines.get(i).text().strip();
        if (!PART.matcher(text).find()) {
            return null;
        }
        if (text.endsWith(ending)) {
            return new Heading(i, title(text), i + 1);
        }
        if (i + 1 < lines.size()) {
            String next = lines.get(i + 1).text().strip();
            // the title wraps where the line is full ("……部门决算" / "情况说明", "……部门决算情况" / "说明"), or the
            // part's number stands on a line of its own ("第一部分" / "上海市普陀区财政局概况")
            if ((text + next).endsWith(ending) && next.length() <= 24 && !PART.matcher(next).find() && !HEADING.matcher(next).find()) {
                return new Heading(i, title(PART_ONLY.matcher(text).matches() ? text + " " + next : text + next), i + 2);
            }
        }
        return null;
    }

    private static String title(String text) {
        return text.replaceAll("(?<=\\d)\\s+(?=[年月日])", "");
    }

    private static String paragraphs(List<ReportLine> body, boolean positioned) {
        // the width of a full line: the commonest
        Map<Long, Integer> widths = new LinkedHashMap<>();
        for (ReportLine line : body) {
            widths.merge(Math.round(width(line)), 1, Integer::sum);
        }
        double full = widths.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(0L);
        Map<Integer, Double> margins = margins(body, full);
        Map<Integer, Double> rights = rights(body, full);
        double em = em(body);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < body.size(); i++) {
            ReportLine line = body.get(i);
            if (i > 0) {
                ReportLine previous = body.get(i - 1);
                Double right = rights.get(previous.page());
                // On a page, a line that stops short of the right margin by more than a figure could fill ended its
                // paragraph (ragged text stops a character short, and a figure is never broken across lines). Text
                // without positions sets spaces around figures as it likes: a line two characters narrower than the
                // commonest ended before the margin.
                boolean shortLine = !positioned || previous.words().isEmpty() || right == null ? width(previous) <= full - 4
                        : right - previous.words().get(previous.words().size() - 1).right() > SHORT * em;
                Double margin = margins.get(line.page());
                boolean indented = margin != null && !line.words().isEmpty()
                        && line.words().get(0).left() - margin >= full * INDENT;
                boolean ends = PARAGRAPH.matcher(line.text()).find() || indented
                        || shortLine && (previous.text().matches(".*[。！？；：]$") || HEADING.matcher(previous.text()).find() && !previous.text().contains("，"));
                text.append(ends ? "\n" : "");
            }
            text.append(line.text());
        }
        return text.toString();
    }

    /**
     * Each page's left margin: where its full lines start (a paragraph's first line is indented, the lines it runs on
     * into are not; a page may be set apart from the next, as facing pages are). A page without a full line has none,
     * and no line of it is judged by its indent.
     */
    private static Map<Integer, Double> margins(List<ReportLine> body, double full) {
        Map<Integer, Double> out = new HashMap<>();
        for (ReportLine line : body) {
            if (!line.words().isEmpty() && width(line) >= full * 0.9) {
                out.merge(line.page(), line.words().get(0).left(), Math::min);
            }
        }
        return out;
    }

    /** Each page's right margin: where its full lines end at the furthest. */
    private static Map<Integer, Double> rights(List<ReportLine> body, double full) {
        Map<Integer, Double> out = new HashMap<>();
        for (ReportLine line : body) {
            if (!line.words().isEmpty() && width(line) >= full * 0.9) {
                out.merge(line.page(), line.words().get(line.words().size() - 1).right(), Math::max);
            }
        }
        return out;
    }

    /**
     * The width of one Chinese character in the source's measure (points, or two columns of text): the median over the
     * part's longer lines of their width per character, a digit, Latin letter or space counting half.
     */
    private static double em(List<ReportLine> body) {
        List<Double> per = new ArrayList<>();
        for (ReportLine line : body) {
            double units = 0;
            for (char c : line.text().strip().toCharArray()) {
                units += c < 0x2E80 || c >= 0xFF61 && c <= 0xFFDC ? 0.5 : 1;
            }
            if (units >= 10) {
                per.add(width(line) / units);
            }
        }
        if (per.isEmpty()) {
            return 2;
        }
        per.sort(Double::compare);
        return per.get(per.size() / 2);
    }

    private static double width(ReportLine line) {
        List<ReportLine.Word> words = line.words();
        return words.isEmpty() ? 0 : words.get(words.size() - 1).right() - words.get(0).left();
    }
}
