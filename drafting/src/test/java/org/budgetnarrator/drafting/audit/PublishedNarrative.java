package org.budgetnarrator.drafting.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The 情况说明 of a published report, read from its PDF at test time with pdftotext (poppler-utils): the PDFs are
 * others' publications, kept outside the repository. Lines the PDF wrapped are joined into paragraphs, one per line.
 */
final class PublishedNarrative {

    private static final Pattern HEADING = Pattern.compile("^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\\d+[、．]|\\d+\\.(?!\\d)|第[一二三四五六七八九十]+部分)");

    private PublishedNarrative() {
    }

    static String of(Path pdf) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("pdftotext", "-enc", "UTF-8", pdf.toString(), "-")
                // Font warnings on stderr must not run into the text (poppler 22 prints some for these PDFs).
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("pdftotext failed on " + pdf + ": " + text);
        }
        List<String> lines = text.lines().map(String::strip).toList();
        // The part's heading comes twice: in the table of contents, then over the part itself.
        int start = -1;
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).startsWith("第三部分") || lines.get(i).equals("情况说明") && i > 0 && lines.get(i - 1).startsWith("第三部分")) {
                start = i;
                break;
            }
        }
        int end = lines.size();
        for (int i = start + 1; i < lines.size(); i++) {
            if (lines.get(i).startsWith("第四部分")) {
                end = i;
                break;
            }
        }
        if (start < 0) {
            throw new IOException("no 第三部分 情况说明 in " + pdf);
        }
        int width = lines.subList(start, end).stream().mapToInt(String::length).max().orElse(0);
        List<String> paragraphs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        String previous = "";
        for (String line : lines.subList(start + 1, end)) {
            if (line.isEmpty() || line.matches("\\d+|-\\s*\\d+\\s*-")) {
                continue; // page numbers
            }
            boolean ended = previous.endsWith("。") && previous.length() < width - 2;
            if (current.length() > 0 && (HEADING.matcher(line).find() || ended)) {
                paragraphs.add(current.toString());
                current.setLength(0);
            }
            current.append(line);
            previous = line;
        }
        if (current.length() > 0) {
            paragraphs.add(current.toString());
        }
        return String.join("\n", paragraphs);
    }
}
