package org.budgetnarrator.drafting.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.budgetnarrator.drafting.draft.Draft;
import org.budgetnarrator.drafting.draft.TextScans;
import org.budgetnarrator.model.read.YearData;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The same report as Markdown (headings, gaps in bold) and as JSON (text, gaps, facts, sentences). */
public final class ReportFiles {

    private static final Pattern LEVEL1 = Pattern.compile("^[一二三四五六七八九十]+、");
    private static final Pattern LEVEL2 = Pattern.compile("^（[一二三四五六七八九十]+）");
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportFiles() {
    }

    public static byte[] markdown(YearData data, Draft report) {
        StringBuilder out = new StringBuilder();
        out.append("# ").append(data.department().name())
                .append(org.budgetnarrator.drafting.draft.DocumentKind.of(data).cover(data.year().year())).append("\n\n");
        out.append("## ").append(report.title()).append("\n\n");
        for (String line : report.text().split("\n")) {
            if (LEVEL1.matcher(line).find()) {
                out.append("### ").append(line).append("\n\n");
            } else if (LEVEL2.matcher(line).find() && line.length() < 40) {
                out.append("#### ").append(line).append("\n\n");
            } else {
                int at = 0;
                for (TextScans.Span gap : TextScans.notes(line, "【待补充：")) {
                    out.append(line, at, gap.start()).append("**").append(line, gap.start(), gap.end()).append("**");
                    at = gap.end();
                }
                out.append(line, at, line.length()).append("\n\n");
            }
        }
        if (!report.missing().isEmpty()) {
            out.append("## 待补充\n\n");
            report.missing().forEach(g -> out.append("- ").append(g.description()).append("（").append(g.subject()).append("）\n"));
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] json(YearData data, Draft report) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("department", data.department().code());
        out.put("name", data.department().name());
        out.put("year", data.year().year());
        out.put("style", report.style());
        out.put("title", report.title());
        out.put("text", report.text());
        out.put("missing", report.missing().stream().map(g -> Map.of("subject", g.subject(), "aspect", g.aspect(),
                "description", g.description(), "offset", g.offset(), "length", g.length())).toList());
        out.put("facts", report.facts().stream().map(f -> Map.of("subject", f.fact().subject(), "field", f.fact().field(),
                "value", f.fact().value(), "display", f.fact().display(), "offset", f.offset(), "length", f.length())).toList());
        out.put("sentences", report.sentences().stream().map(s -> Map.of("text", s.text(), "offset", s.offset(),
                "facts", s.facts().stream().map(f -> f.fact().subject() + "/" + f.fact().field()).toList())).toList());
        try {
            return MAPPER.writeValueAsBytes(out);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file extension of a format. */
    public static String extension(String format) {
        return switch (format) {
            case "docx" -> ".docx";
            case "md" -> ".md";
            case "json" -> ".json";
            default -> throw new IllegalArgumentException("format: expected docx, md or json; got " + format);
        };
    }

    static List<String> formats() {
        return List.of("docx", "md", "json");
    }
}
