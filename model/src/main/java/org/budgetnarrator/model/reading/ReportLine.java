package org.budgetnarrator.model.reading;

import java.util.List;

/**
 * One line of a published report as read: its page (from 1), its number on the page (from 1), its text, and its words
 * with where each stands across the page. From a PDF's text layer the positions are points from the page's left edge;
 * from plain text they are character columns (a CJK character counts two, as PDF-to-text tools lay them out), so a
 * reader compares positions only within one source.
 */
public record ReportLine(int page, int number, String text, List<Word> words) {

    public ReportLine {
        words = List.copyOf(words);
    }

    /** A run of text without spaces, with its left and right edge. */
    public record Word(String text, double left, double right) {
    }

    /** "p. 3, line 12": where a reader's note points. */
    public String where() {
        return "第" + page + "页第" + number + "行";
    }
}
