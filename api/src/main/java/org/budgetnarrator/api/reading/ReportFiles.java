package org.budgetnarrator.api.reading;

import org.budgetnarrator.model.reading.PdfReportSource;
import org.budgetnarrator.model.reading.ReadException;
import org.budgetnarrator.model.reading.ReportSource;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The one place a published report's file becomes a {@link ReportSource}, for the command line and GraphQL alike: a
 * .txt as PDF-to-text tools write it, a .pdf through its text layer.
 */
public final class ReportFiles {

    /** A PDF of a 部门决算 is a few megabytes; a text far less. Larger is no report. */
    public static final int MAX_BYTES = 50 * 1024 * 1024;

    private ReportFiles() {
    }

    /** The report in a file, by its extension (.pdf or .txt). */
    public static ReportSource source(Path file) {
        String name = file.toString();
        byte[] content;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new ReadException(name, "文件超过" + MAX_BYTES / 1024 / 1024 + "MB，不是可读取的部门决算");
            }
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ReadException(name, "无法打开文件（" + e.getMessage() + "）", e);
        }
        return source(name, content);
    }

    /** A report's content under its file name; the name's extension decides how it is read. */
    public static ReportSource source(String name, byte[] content) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".pdf")) {
            return pdf(name, content);
        }
        if (lower.endsWith(".txt")) {
            return ReportSource.ofText(name, utf8(name, content));
        }
        throw new ReadException(name, "只能读取PDF（.pdf）或文本（.txt）文件");
    }

    /** A report's text, as a .txt. */
    public static ReportSource text(String name, String text) {
        return ReportSource.ofText(name, text);
    }

    /** A PDF's text layer with each word's position on the page (PdfReportSource, PDFBox). */
    static ReportSource pdf(String name, byte[] content) {
        if (content.length < 5 || !new String(content, 0, 5, StandardCharsets.ISO_8859_1).equals("%PDF-")) {
            throw new ReadException(name, "不是PDF文件（文件开头没有“%PDF-”）");
        }
        return PdfReportSource.read(name, content);
    }

    /**
     * Sets the department's level (PROVINCIAL, CITY, COUNTY) in a read document: the 行政级别 is no figure a report's
     * tables print; the reader judges it from the department's name where it can, and the level the user gives wins.
     */
    public static void withLevel(java.util.Map<String, Object> document, String level) {
        if (document != null && level != null && document.get("department") instanceof java.util.Map<?, ?> department) {
            @SuppressWarnings("unchecked")
            java.util.Map<String, Object> writable = (java.util.Map<String, Object>) department;
            writable.put("level", level);
        }
    }

    private static String utf8(String name, byte[] content) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(content)).toString()
                    .replace("\uFEFF", "");
        } catch (CharacterCodingException e) {
            throw new ReadException(name, "文本文件不是UTF-8编码（请以UTF-8保存，或直接读取PDF）", e);
        }
    }
}
