package org.budgetnarrator.model.reading;

import org.budgetnarrator.model.text.OneScript;

import java.util.ArrayList;
import java.util.List;

/**
 * A published report's text, line by line, as a reader takes it in: from a .txt (pages split at form feeds, as
 * pdftotext writes them) or from a PDF's text layer ({@code PdfReportSource}). Traditional characters of the budget
 * vocabulary and full-width figures are read as their simplified, ASCII forms (OneScript), one character for one, so
 * every position still points into the text as published.
 *
 * @param file       the file's name, for messages
 * @param lines      every non-blank line, in reading order
 * @param positioned whether word positions come from the page layout (a PDF) rather than character columns
 */
public record ReportSource(String file, List<ReportLine> lines, boolean positioned) {

    public ReportSource {
        lines = List.copyOf(lines);
    }

    /** A PDF's text layer, with each word's position in points ({@link PdfReportSource}). */
    public static ReportSource ofPdf(java.nio.file.Path file) {
        return PdfReportSource.read(file);
    }

    /** Plain text: pages at form feeds, words at runs of spaces, positions as display columns. */
    public static ReportSource ofText(String file, String text) {
        List<ReportLine> lines = new ArrayList<>();
        String[] pages = OneScript.of(text.replace("\r\n", "\n").replace('\r', '\n')).split("\f", -1);
        for (int p = 0; p < pages.length; p++) {
            String[] raw = pages[p].split("\n", -1);
            for (int n = 0; n < raw.length; n++) {
                String line = raw[n];
                if (line.isBlank()) {
                    continue;
                }
                lines.add(new ReportLine(p + 1, n + 1, line.strip(), words(line)));
            }
        }
        return new ReportSource(file, lines, false);
    }

    /** The words of a line of plain text, each with its display columns (CJK characters two wide). */
    static List<ReportLine.Word> words(String line) {
        List<ReportLine.Word> words = new ArrayList<>();
        int column = 0;
        int start = -1;
        int startColumn = 0;
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < line.length(); ) {
            int cp = line.codePointAt(i);
            int width = wide(cp) ? 2 : 1;
            if (Character.isWhitespace(cp) || cp == '\u3000') {
                if (start >= 0) {
                    words.add(new ReportLine.Word(word.toString(), startColumn, column));
                    word.setLength(0);
                    start = -1;
                }
            } else {
                if (start < 0) {
                    start = i;
                    startColumn = column;
                }
                word.appendCodePoint(cp);
            }
            column += width;
            i += Character.charCount(cp);
        }
        if (start >= 0) {
            words.add(new ReportLine.Word(word.toString(), startColumn, column));
        }
        return words;
    }

    private static boolean wide(int cp) {
        Character.UnicodeBlock b = Character.UnicodeBlock.of(cp);
        return b == Character.UnicodeBlock.CJK_UNIFIED_IDEOGRAPHS || b == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION
                || b == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS || b == Character.UnicodeBlock.CJK_UNIFIED_IDEOGRAPHS_EXTENSION_A
                || b == Character.UnicodeBlock.CJK_COMPATIBILITY_IDEOGRAPHS;
    }

    /** The whole text, lines joined by newlines. */
    public String text() {
        StringBuilder out = new StringBuilder();
        for (ReportLine line : lines) {
            out.append(line.text()).append('\n');
        }
        return out.toString();
    }
}
