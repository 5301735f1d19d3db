package org.budgetnarrator.drafting.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.budgetnarrator.model.read.YearData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.budgetnarrator.drafting.audit.ListedFindings.numbers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The narratives of real published reports (第三部分 情况说明, read from their PDFs at test time) checked against their
 * tables: every figure read on its basis (收入总计 with the carry-overs, 一般公共预算财政拨款基本支出 from 公开05, a 类 line's
 * general-budget spending, a 项 line's own figures rather than a term its use mentions), so that every ERROR is one a
 * careful reading listed, and the listed ERRORs are found.
 */
class RealReportNarrativeAuditTest {

    private static final Path FIXTURES = Path.of("..", "model", "src", "test", "resources", "fixtures", "reports");
    private static final Path PDFS = Path.of("..", "..", "shared", "reports");
    private static YearData tables(String report) throws Exception {
        return Demo.fromJson(report, Files.readAllBytes(FIXTURES.resolve(report).resolve("department-year.json")));
    }

    private static List<Finding> narrative(String report, YearData tables) throws Exception {
        return new NarrativeChecker(tables).check("FINAL_ACCOUNTS_NARRATIVE", PublishedNarrative.of(PDFS.resolve(report + ".pdf")));
    }

    /**
     * Every WARNING the audit raises on a real report (its narrative and its tables) is one a careful reading listed, or
     * a false alarm explained in the report's {@code warnings.json}; each entry there is raised as many times as it says.
     * Every listed wording defect is found, or the file says why the audit does not look there. An entry matches a
     * warning of its rule whose {@code found} holds its {@code holds} (and whose message names its {@code about}); the
     * first entry that matches takes it.
     */
    @ParameterizedTest
    @ValueSource(strings = {"putuo-planning-bureau-2024", "putuo-finance-bureau-2024", "putuo-social-work-dept-2024"})
    void everyWarningIsAListedDefectOrAnExplainedFalseAlarm(String report) throws Exception {
        YearData tables = tables(report);
        List<Finding> warnings = new ArrayList<>();
        warnings.addAll(narrative(report, tables));
        warnings.addAll(Audit.run(tables));
        warnings.removeIf(f -> f.severity() != Severity.WARNING);
        JsonNode pinned = new ObjectMapper().readTree(FIXTURES.resolve(report).resolve("warnings.json").toFile());
        List<JsonNode> entries = new ArrayList<>();
        pinned.path("warnings").forEach(entries::add);
        int[] taken = new int[entries.size()];
        List<String> unexplained = new ArrayList<>();
        for (Finding f : warnings) {
            String found = f.found() == null ? "" : f.found();
            int match = -1;
            for (int i = 0; i < entries.size() && match < 0; i++) {
                JsonNode e = entries.get(i);
                if (e.path("rule").asText().equals(f.ruleId()) && found.contains(e.path("holds").asText())
                        && (!e.has("about") || f.messageZh().contains(e.path("about").asText()))) {
                    match = i;
                }
            }
            if (match < 0) {
                unexplained.add(f.ruleId() + " " + found + ": " + f.messageZh());
            } else {
                taken[match]++;
            }
        }
        assertEquals(List.of(), unexplained, "warnings neither listed nor explained in warnings.json");
        Set<String> listedWording = new HashSet<>();
        for (JsonNode f : new ObjectMapper().readTree(FIXTURES.resolve(report).resolve("expected-findings.json").toFile())) {
            if (f.path("severity").asText().equals("WORDING")) {
                listedWording.add(f.path("id").asText());
            }
        }
        List<String> wrongCounts = new ArrayList<>();
        Set<String> found = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            JsonNode e = entries.get(i);
            if (taken[i] != e.path("count").asInt()) {
                wrongCounts.add(e.path("rule").asText() + " " + e.path("holds").asText() + ": " + taken[i] + " raised, "
                        + e.path("count").asInt() + " pinned");
            }
            if (e.has("listed")) {
                assertTrue(listedWording.contains(e.path("listed").asText()), () -> "no listed wording defect " + e.path("listed"));
                found.add(e.path("listed").asText());
            } else {
                assertTrue(e.path("falseAlarm").asText().length() > 40, () -> "a false alarm needs its explanation: " + e);
            }
        }
        assertEquals(List.of(), wrongCounts);
        Set<String> notChecked = new HashSet<>();
        pinned.path("notChecked").fieldNames().forEachRemaining(notChecked::add);
        Set<String> accounted = new HashSet<>(found);
        accounted.addAll(notChecked);
        assertEquals(listedWording, accounted, "every listed wording defect found, or why not said in warnings.json");
        Set<String> both = new HashSet<>(found);
        both.retainAll(notChecked);
        assertEquals(Set.of(), both, "found and also said not to be checked");
    }

    /**
     * Every ROUNDING the narrative checks raise is a rounding difference a careful reading listed (matched by its
     * figures), and every listed rounding difference in the narrative is found, by the narrative checks or, for figures
     * the narrative alone prints (procurement totals), by the table rules over them.
     */
    @ParameterizedTest
    @ValueSource(strings = {"putuo-planning-bureau-2024", "putuo-finance-bureau-2024", "putuo-social-work-dept-2024"})
    void everyNarrativeRoundingIsListedAndTheListedOnesAreFound(String report) throws Exception {
        YearData tables = tables(report);
        List<Finding> rounding = narrative(report, tables).stream().filter(f -> f.severity() == Severity.ROUNDING).toList();
        List<Finding> tableRounding = Audit.run(tables).stream().filter(f -> f.severity() == Severity.ROUNDING).toList();
        List<String> narrativeIds = new ArrayList<>();
        List<Set<BigDecimal>> narrativeFigures = new ArrayList<>();
        List<Set<BigDecimal>> allFigures = new ArrayList<>();
        for (JsonNode f : new ObjectMapper().readTree(FIXTURES.resolve(report).resolve("expected-findings.json").toFile())) {
            Set<BigDecimal> figures = new HashSet<>();
            f.path("figures").forEach(n -> figures.addAll(numbers(n.asText())));
            if (!f.path("severity").asText().equals("WORDING")) {
                allFigures.add(figures);
            }
            if (f.path("severity").asText().equals("ROUNDING") && f.path("kind").asText().startsWith("NARRATIVE")) {
                narrativeIds.add(f.path("id").asText());
                narrativeFigures.add(figures);
            }
        }
        List<String> unlisted = new ArrayList<>();
        for (Finding f : rounding) {
            if (allFigures.stream().noneMatch(figures -> figures.containsAll(numbers(f.found())))) {
                unlisted.add(f.ruleId() + " " + f.found() + ": " + f.messageZh());
            }
        }
        assertEquals(List.of(), unlisted, "narrative ROUNDINGs a careful reading did not list");
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < narrativeIds.size(); i++) {
            Set<BigDecimal> figures = narrativeFigures.get(i);
            boolean byNarrative = rounding.stream().anyMatch(f -> !numbers(f.found()).isEmpty() && figures.containsAll(numbers(f.found())));
            boolean byTables = tableRounding.stream().anyMatch(f -> !numbers(f.messageZh()).isEmpty()
                    && numbers(f.messageZh()).stream().filter(figures::contains).count() >= 2);
            if (!byNarrative && !byTables) {
                missing.add(narrativeIds.get(i));
            }
        }
        assertEquals(List.of(), missing, "listed narrative rounding differences not found");
    }

    /**
     * Every ERROR the narrative checks raise is one a careful reading listed (matched by its figures, or for a word such as
     * 持平 by that word among the listed figures), and every listed ERROR is found.
     */
    @ParameterizedTest
    @ValueSource(strings = {"putuo-planning-bureau-2024", "putuo-finance-bureau-2024", "putuo-social-work-dept-2024"})
    void everyErrorIsOneTheCarefulReadingListedAndTheListedOnesAreFound(String report) throws Exception {
        List<Finding> errors = narrative(report, tables(report)).stream().filter(f -> f.severity() == Severity.ERROR).toList();
        List<String> listedIds = new ArrayList<>();
        List<List<String>> listedFigures = new ArrayList<>();
        for (JsonNode f : new ObjectMapper().readTree(FIXTURES.resolve(report).resolve("expected-findings.json").toFile())) {
            if (f.path("severity").asText().equals("ERROR")) {
                listedIds.add(f.path("id").asText());
                List<String> figures = new ArrayList<>();
                f.path("figures").forEach(n -> figures.add(n.asText()));
                listedFigures.add(figures);
            }
        }
        List<String> unlisted = new ArrayList<>();
        Set<String> found = new HashSet<>();
        for (Finding f : errors) {
            boolean explained = false;
            Set<BigDecimal> written = numbers(f.found());
            for (int i = 0; i < listedIds.size(); i++) {
                List<String> figures = listedFigures.get(i);
                Set<BigDecimal> listed = new HashSet<>();
                figures.forEach(x -> listed.addAll(numbers(x)));
                boolean matches = written.isEmpty() ? f.found() != null && figures.contains(f.found()) : listed.containsAll(written);
                if (matches) {
                    found.add(listedIds.get(i));
                    explained = true;
                }
            }
            if (!explained) {
                unlisted.add(f.ruleId() + " " + f.found() + ": " + f.messageZh());
            }
        }
        assertEquals(List.of(), unlisted, "ERRORs a careful reading did not list");
        Set<String> missing = new HashSet<>(listedIds);
        missing.removeAll(found);
        assertEquals(Set.of(), missing, "listed ERRORs not found");
    }
}
