package org.budgetnarrator.api.reading;

import org.budgetnarrator.model.reading.ReadException;
import org.budgetnarrator.model.reading.ReportSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The one place a published report's file becomes a {@link ReportSource}, for the command line and GraphQL alike: a
 * .txt as PDF-to-text tools write it, a .pdf through its text layer.
 *
 * <p>Until the model's PDF source ({@code PdfReportSource}, PDFBox, with word positions) lands, a PDF's text layer is
 * taken from poppler's {@code pdftotext -layout}, read as plain text: {@link #pdf(String, byte[])} is the seam to switch.
 */
public final class ReportFiles {

    /** A PDF of a 部门决算 is a few megabytes; a text far less. Larger is no report. */
    public static final int MAX_BYTES = 50 * 1024 * 1024;
    private static final long PDFTOTEXT_SECONDS = 60;

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

    /**
     * A PDF's text layer. The seam: once {@code ReportSource.ofPdf} (PdfReportSource) exists, this becomes
     * {@code return ReportSource.ofPdf(name, content);} (or its Path form) and pdftotext is no longer needed.
     */
    static ReportSource pdf(String name, byte[] content) {
        if (content.length < 5 || !new String(content, 0, 5, StandardCharsets.ISO_8859_1).equals("%PDF-")) {
            throw new ReadException(name, "不是PDF文件（文件开头没有“%PDF-”）");
        }
        Path temp = null;
        try {
            temp = Files.createTempFile("narrator-read-", ".pdf");
            Files.write(temp, content);
            Process process = new ProcessBuilder("pdftotext", "-layout", "-enc", "UTF-8", temp.toString(), "-")
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            byte[] text;
            try (InputStream in = process.getInputStream()) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                in.transferTo(out);
                text = out.toByteArray();
            }
            if (!process.waitFor(PDFTOTEXT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new ReadException(name, "读取PDF文字层超时");
            }
            if (process.exitValue() != 0) {
                throw new ReadException(name, "PDF文件已损坏或加密，无法读取文字层");
            }
            return ReportSource.ofText(name, new String(text, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ReadException(name, "无法读取PDF文字层（需要poppler-utils的pdftotext：" + e.getMessage() + "）", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReadException(name, "读取PDF时被中断", e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // A temporary copy left behind is removed with the system's temporary files.
                }
            }
        }
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
