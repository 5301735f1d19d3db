package org.budgetnarrator.model.reading;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.budgetnarrator.model.text.OneScript;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A PDF's text layer read glyph by glyph (Apache PDFBox): glyphs on one baseline make a line, glyphs closer than about a
 * third of the font size make a word, and every word keeps its left and right edge in points, so that a table's figure
 * can be put under the column header it stands beneath even where the cells to its left are empty. Lines come in
 * reading order, top to bottom, page by page; characters pass through {@link OneScript}.
 */
public final class PdfReportSource {

    /** Baselines closer than this share of the font size are one line. */
    private static final double LINE_TOLERANCE = 0.35;
    /** A gap wider than this share of the font size starts a new word. */
    private static final double WORD_GAP = 1.0 / 3;

    private PdfReportSource() {
    }

    public static ReportSource read(Path file) {
        String name = file.getFileName().toString();
        if (!Files.isRegularFile(file)) {
            throw new ReadException(name, "文件不存在或无法打开");
        }
        try {
            return read(name, Files.readAllBytes(file));
        } catch (IOException e) {
            throw new ReadException(name, "文件无法打开（" + e.getMessage() + "）", e);
        }
    }

    /** A PDF given as its bytes (an upload), under its file name for messages. */
    public static ReportSource read(String name, byte[] content) {
        try (PDDocument document = Loader.loadPDF(content)) {
            if (document.isEncrypted() && !document.getCurrentAccessPermission().canExtractContent()) {
                throw new ReadException(name, "PDF 已加密且不允许提取文字，无法读取；请提供未加密的 PDF 或文本文件");
            }
            Collector collector = new Collector();
            collector.collect(document);
            if (collector.lines.isEmpty()) {
                throw new ReadException(name, "PDF 没有文字层（可能是扫描件），无法读取；请提供带文字的 PDF 或文本文件");
            }
            return new ReportSource(name, collector.lines, true);
        } catch (InvalidPasswordException e) {
            throw new ReadException(name, "PDF 已加密（需要密码才能打开），无法读取；请提供未加密的 PDF 或文本文件", e);
        } catch (IOException e) {
            throw new ReadException(name, "不是有效的 PDF 文件或文件已损坏，无法读取（" + e.getMessage() + "）", e);
        }
    }

    /** Collects every glyph of a page, then lays the page out in lines and words. */
    private static final class Collector extends PDFTextStripper {

        private final List<ReportLine> lines = new ArrayList<>();
        private final List<Glyph> glyphs = new ArrayList<>();
        private int page;

        Collector() throws IOException {
            setSortByPosition(true);
        }

        void collect(PDDocument document) throws IOException {
            writeText(document, new StringWriter());
        }

        @Override
        protected void startPage(PDPage p) {
            page++;
            glyphs.clear();
        }

        @Override
        protected void processTextPosition(TextPosition text) {
            String unicode = text.getUnicode();
            if (unicode == null || unicode.isEmpty()) {
                return;
            }
            double size = Math.max(Math.abs(text.getFontSizeInPt()), Math.abs(text.getHeightDir()));
            if (size <= 0) {
                size = 10;
            }
            glyphs.add(new Glyph(OneScript.of(unicode), text.getXDirAdj(), text.getXDirAdj() + text.getWidthDirAdj(),
                    text.getYDirAdj(), size));
        }

        @Override
        protected void endPage(PDPage p) {
            List<Glyph> sorted = new ArrayList<>(glyphs);
            sorted.sort(Comparator.comparingDouble(Glyph::y).thenComparingDouble(Glyph::left));
            List<List<Glyph>> rows = new ArrayList<>();
            List<Glyph> current = null;
            double baseline = 0;
            for (Glyph g : sorted) {
                if (current == null || Math.abs(g.y - baseline) > LINE_TOLERANCE * g.size) {
                    current = new ArrayList<>();
                    rows.add(current);
                    baseline = g.y;
                }
                current.add(g);
            }
            int number = 0;
            for (List<Glyph> row : rows) {
                row.sort(Comparator.comparingDouble(Glyph::left));
                dropOverprinted(row);
                List<ReportLine.Word> words = new ArrayList<>();
                StringBuilder word = new StringBuilder();
                double left = 0;
                double right = 0;
                double ySum = 0;
                for (Glyph g : row) {
                    ySum += g.y;
                    boolean blank = g.text.isBlank() || g.text.equals("\u3000");
                    if (word.length() > 0 && (blank || g.left - right > WORD_GAP * g.size)) {
                        words.add(new ReportLine.Word(word.toString(), left, right));
                        word.setLength(0);
                    }
                    if (blank) {
                        continue;
                    }
                    if (word.length() == 0) {
                        left = g.left;
                    }
                    word.append(g.text);
                    right = Math.max(right, g.right);
                }
                if (word.length() > 0) {
                    words.add(new ReportLine.Word(word.toString(), left, right));
                }
                if (words.isEmpty()) {
                    continue;
                }
                StringBuilder text = new StringBuilder();
                for (ReportLine.Word w : words) {
                    if (text.length() > 0) {
                        text.append(' ');
                    }
                    text.append(w.text());
                }
                lines.add(new ReportLine(page, ++number, text.toString(), words, ySum / row.size()));
            }
        }
    }

    /** A glyph printed twice at (almost) one place, as fake bold is made, is read once. */
    private static void dropOverprinted(List<Glyph> row) {
        for (int i = row.size() - 1; i > 0; i--) {
            Glyph g = row.get(i);
            for (int j = i - 1; j >= 0 && g.left - row.get(j).left < 0.5 * g.size; j--) {
                Glyph h = row.get(j);
                if (h.text.equals(g.text) && Math.abs(h.left - g.left) < 0.2 * g.size && Math.abs(h.y - g.y) < 0.2 * g.size) {
                    row.remove(i);
                    break;
                }
            }
        }
    }

    private record Glyph(String text, double left, double right, double y, double size) {
    }
}
