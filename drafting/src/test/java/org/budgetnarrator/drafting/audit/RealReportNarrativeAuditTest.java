package org.budgetnarrator.drafting.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.budgetnarrator.model.read.YearData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The narratives of real published reports (第三部分 情况说明, read from their PDFs at test time) checked against their
 * tables: every figure read on its basis (收入总计 with the carry-overs, 一般公共预算财政拨款基本支出 from 公开05, a 类 line's
 * general-budget spending, a 项 line's own figures rather than a term its use mentions), so that every ERROR is one a
 * careful reading listed, and the listed ERRORs are found.
 */
class RealReportNarrativeAuditTest {

    private static final Path FIXTURES = Path.of("..", "model", "src", "test", "resources", "fixtures", "reports");
    private static final Path PDFS = Path.of("..", "..", "shared", "reports");
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:\\.\\d+)?");

    private static Set<BigDecimal> numbers(String text) {
        Set<BigDecimal> out = new HashSet<>();
        Matcher m = NUMBER.matcher(text == null ? "" : text);
        while (m.find()) {
            out.add(new BigDecimal(m.group()).stripTrailingZeros());
        }
        return out;
    }

    /**
     * The wording defects a careful reading listed that the checks for them find, by report: the listed id, the rule
     * that finds it and a text the finding holds. The other listed wording defects (names of the body or of a line
     * that differ from the tables, items listed though 0.00 in 公开06, …) are not checked yet.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "putuo-planning-bureau-2024|W3 W11 上一度;W4 W10 13.95;W5 W04 （增长）;W6 W08 0.00;W10 W09 ;W12 W12 万;W13 W13 ;W14 W04 （单位）",
            "putuo-finance-bureau-2024|W8 W09 ",
    })
    void theListedWordingDefectsTheChecksCoverAreFound(String report, String expected) throws Exception {
        YearData tables = Demo.fromJson(report, Files.readAllBytes(FIXTURES.resolve(report).resolve("department-year.json")));
        String text = PublishedNarrative.of(PDFS.resolve(report + ".pdf"));
        List<Finding> warnings = new NarrativeChecker(tables).check("FINAL_ACCOUNTS_NARRATIVE", text).stream()
                .filter(f -> f.severity() == Severity.WARNING).toList();
        List<String> missing = new ArrayList<>();
        for (String item : expected.split(";")) {
            String[] parts = item.split(" ", 3);
            String holds = parts.length > 2 ? parts[2].strip() : "";
            if (warnings.stream().noneMatch(f -> f.ruleId().equals(parts[1]) && (holds.isEmpty()
                    || (f.found() != null && f.found().contains(holds)) || f.messageZh().contains(holds)))) {
                missing.add(item);
            }
        }
        assertEquals(List.of(), missing, () -> "warnings: " + warnings.stream().map(f -> f.ruleId() + " " + f.found()).toList());
    }

    /**
     * @param notYet listed ERRORs the audit does not find yet, each for a stated reason: a 持平 claim whose last-year
     *               figure the report gives nowhere (财政局 E2), an SME figure counted twice across two sentences (社会工作部
     *               E1). The test fails once one is found, so
     *               that the list only shrinks.
     */
    @ParameterizedTest
    @CsvSource({"putuo-planning-bureau-2024,", "putuo-finance-bureau-2024,E2", "putuo-social-work-dept-2024,E1"})
    void everyErrorIsOneTheCarefulReadingListedAndTheListedOnesAreFound(String report, String notYet) throws Exception {
        YearData tables = Demo.fromJson(report, Files.readAllBytes(FIXTURES.resolve(report).resolve("department-year.json")));
        String text = PublishedNarrative.of(PDFS.resolve(report + ".pdf"));
        List<Finding> errors = new NarrativeChecker(tables).check("FINAL_ACCOUNTS_NARRATIVE", text).stream()
                .filter(f -> f.severity() == Severity.ERROR).toList();
        List<String> listedIds = new ArrayList<>();
        List<Set<BigDecimal>> listedFigures = new ArrayList<>();
        for (JsonNode f : new ObjectMapper().readTree(FIXTURES.resolve(report).resolve("expected-findings.json").toFile())) {
            if (f.path("severity").asText().equals("ERROR")) {
                listedIds.add(f.path("id").asText());
                Set<BigDecimal> figures = new HashSet<>();
                f.path("figures").forEach(n -> figures.addAll(numbers(n.asText())));
                listedFigures.add(figures);
            }
        }
        List<String> unlisted = new ArrayList<>();
        Set<String> found = new HashSet<>();
        for (Finding f : errors) {
            boolean explained = false;
            for (int i = 0; i < listedIds.size(); i++) {
                if (listedFigures.get(i).containsAll(numbers(f.found()))) {
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
        Set<String> expectedMissing = notYet == null ? Set.of() : Set.of(notYet.split(" "));
        assertEquals(expectedMissing, missing, "listed ERRORs not found");
    }
}
