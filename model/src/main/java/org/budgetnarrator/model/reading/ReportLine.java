package org.budgetnarrator.model.reading;

import java.util.List;

/**
 * One line of a published report as read: its page (from 1), its number on the page (from 1), its text, and its words
 * with where each stands across the page. From a PDF's text layer the positions are points from the page's left edge;
 * from plain text they are character columns (a CJK character counts two, as PDF-to-text tools lay them out), so a
 * reader compares positions only within one source. {@code y} is where the line stands down the page: the baseline in
 * points from the page's top edge (a PDF), or the line's number (plain text); a table's cell printed over several lines
 * puts its figure between the lines of its name, so a reader needs it to tell which row a figure belongs to.
 */
public record ReportLine(int page, int number, String text, List<Word> words, double y) {

    public ReportLine {
        words = List.copyOf(words);
    }

    /** A line of plain text: its vertical position is its number on the page. */
    public ReportLine(int page, int number, String text, List<Word> words) {
        this(page, number, text, words, number);
    }

    /** A run of text without spaces, with its left and right edge. */
    public record Word(String text, double left, double right) {
    }

    /** "p. 3, line 12": where a reader's note points. */
    public String where() {
        return "第" + page + "页第" + number + "行";
    }
}
