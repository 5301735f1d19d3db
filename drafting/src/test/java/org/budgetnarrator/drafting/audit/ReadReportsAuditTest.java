package org.budgetnarrator.drafting.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.budgetnarrator.model.reading.ReadResult;
import org.budgetnarrator.model.reading.ReportReader;
import org.budgetnarrator.model.reading.ReportSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.budgetnarrator.drafting.audit.ListedFindings.numbers;
import static org.budgetnarrator.drafting.audit.ListedFindings.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The audit of real reports read from their PDFs, as a reviewer runs it ({@code bin/narrator read --audit}): tables and
 * 情况说明 read by the reader, nothing transcribed by hand. What it raises is what a careful reading of each report
 * found, and no more.
 */
class ReadReportsAuditTest {

    private static final Path FIXTURES = Path.of("..", "model", "src", "test", "resources", "fixtures", "reports");
    private static final Path PDFS = Path.of("..", "..", "shared", "reports");

    private static List<Finding> audit(String report) throws Exception {
        ReadResult read = ReportReader.standard().read(ReportSource.ofPdf(PDFS.resolve(report + ".pdf")));
        return Audit.run(Demo.fromJson(report, new ObjectMapper().writeValueAsBytes(read.document())));
    }

    /** An inconsistency the careful reading listed: its figures (or word, such as 持平) and the rows of its cells. */
    private record Listed(String id, Severity severity, List<String> figures, Set<String> rows) {

        boolean explains(Finding f) {
            if (f.severity() != severity) {
                return false;
            }
            Set<BigDecimal> written = numbers(f.found());
            Set<BigDecimal> listed = new HashSet<>();
            figures.forEach(x -> listed.addAll(numbers(x)));
            boolean byFigures = written.isEmpty() ? f.found() != null && figures.contains(f.found()) : listed.containsAll(written);
            return byFigures || f.subjects().stream().anyMatch(s -> rows.contains(row(s)));
        }
    }

    private static List<Listed> listed(String report) throws Exception {
        List<Listed> out = new ArrayList<>();
        for (JsonNode f : new ObjectMapper().readTree(FIXTURES.resolve(report).resolve("expected-findings.json").toFile())) {
            String severity = f.path("severity").asText();
            if (!severity.equals("ERROR") && !severity.equals("ROUNDING")) {
                continue;
            }
            List<String> figures = new ArrayList<>();
            f.path("figures").forEach(n -> figures.add(n.asText()));
            Set<String> rows = new HashSet<>();
            f.path("cells").forEach(c -> {
                String[] parts = c.asText().split("/");
                if (parts.length >= 2) {
                    rows.add(parts[0] + "/" + parts[1]);
                }
            });
            out.add(new Listed(f.path("id").asText(), Severity.valueOf(severity), figures, rows));
        }
        return out;
    }

    /**
     * Each report's ERRORs and ROUNDINGs, from the tables and the 情况说明 as read: every one is an inconsistency the
     * careful reading listed (by its figures, or by the cells it names), and every listed one is raised.
     */
    @ParameterizedTest
    @ValueSource(strings = {"putuo-planning-bureau-2024", "putuo-finance-bureau-2024", "putuo-social-work-dept-2024"})
    void aReportReadFromItsPdfIsAuditedToTheInconsistenciesACarefulReadingFound(String report) throws Exception {
        List<Finding> findings = audit(report).stream()
                .filter(f -> f.severity() == Severity.ERROR || f.severity() == Severity.ROUNDING).toList();
        List<Listed> listed = listed(report);
        List<String> unlisted = new ArrayList<>();
        for (Finding f : findings) {
            if (listed.stream().noneMatch(e -> e.explains(f))) {
                unlisted.add(f.severity() + " " + f.ruleId() + " " + f.found() + ": " + f.messageZh());
            }
        }
        List<String> missed = listed.stream().filter(e -> findings.stream().noneMatch(e::explains)).map(Listed::id).toList();
        assertEquals(List.of(), unlisted, "raised, not listed");
        assertEquals(List.of(), missed, "listed, not raised");
    }

    /** What a finding of a planted problem is: its severity and rule, a part of its found value and of its message. */
    private static boolean shows(JsonNode expected, Finding f) {
        return f.severity() == Severity.valueOf(expected.path("severity").asText()) && f.ruleId().equals(expected.path("rule").asText())
                && (!expected.has("found") || f.found() != null && f.found().contains(expected.path("found").asText()))
                && (!expected.has("about") || f.messageZh().contains(expected.path("about").asText()));
    }

    /**
     * The copy with problems planted in it: each problem is found (the 支出决算表 left out, the 三公 table emptied under a
     * 七 that states its budget, a total written as 0, 大于/等于 for spending below budget, 2023 in the title and in the
     * vehicles' year-end), and no ERROR is raised but for them and the published report's own slip it keeps.
     */
    @Test
    void theCopyWithPlantedProblemsIsAuditedToItsProblems() throws Exception {
        String report = "putuo-finance-bureau-2024-planted-problems";
        List<Finding> findings = audit(report);
        JsonNode expected = new ObjectMapper().readTree(FIXTURES.resolve(report).resolve("expected-findings.json").toFile());
        List<JsonNode> shown = new ArrayList<>();
        List<String> notFound = new ArrayList<>();
        for (String group : List.of("problems", "kept")) {
            for (JsonNode problem : expected.path(group)) {
                for (JsonNode finding : problem.path("findings")) {
                    shown.add(finding);
                    if (findings.stream().noneMatch(f -> shows(finding, f))) {
                        notFound.add(problem.path("id").asText() + " " + finding);
                    }
                }
            }
        }
        assertEquals(List.of(), notFound, "planted problems the audit does not find");
        List<String> other = findings.stream().filter(f -> f.severity() == Severity.ERROR)
                .filter(f -> shown.stream().noneMatch(e -> shows(e, f)))
                .map(f -> f.ruleId() + " " + f.found() + ": " + f.messageZh()).toList();
        assertEquals(List.of(), other, "ERRORs beyond the planted problems");
        assertTrue(expected.path("problems").size() >= 8);
    }
}
