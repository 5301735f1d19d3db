package org.budgetnarrator.drafting.draft;

import org.budgetnarrator.drafting.audit.PublishedNarrativeAccess;
import org.budgetnarrator.model.imports.BoundDocument;
import org.budgetnarrator.model.imports.DocumentBinder;
import org.budgetnarrator.model.imports.DocumentValidator;
import org.budgetnarrator.model.imports.JsonDocumentReader;
import org.budgetnarrator.model.read.DocumentYearData;
import org.budgetnarrator.model.read.YearData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How many of a real report's published narrative figures the draft from its tables states, at the published
 * precision ("12.08%", "9859.38 万元" — a figure is its digits as printed and its unit), each report drafted in the
 * layout and style it prints in, with the reasons it publishes recorded as an officer would record them. The floors only
 * rise: a change that drafts fewer of a real report's figures fails here; and every figure not drafted is a published
 * mistake the audit flags. The shares are reported in README.
 */
class RealReportDraftCoverageTest {

    private static final Path FIXTURES = Path.of("..", "model", "src", "test", "resources", "fixtures", "reports");
    private static final Path PDFS = Path.of("..", "..", "shared", "reports");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    static final Pattern FIGURE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(万元|%|％|个|人次|辆|台（套）|批次)");

    static List<String> figures(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = FIGURE.matcher(text.replace(",", ""));
        while (m.find()) {
            out.add(m.group(1) + " " + m.group(2).replace('％', '%'));
        }
        return out;
    }

    /** Published figures the draft states, each drafted figure counted once. */
    static int covered(List<String> published, List<String> drafted) {
        List<String> left = new ArrayList<>(drafted);
        int n = 0;
        for (String f : published) {
            if (left.remove(f)) {
                n++;
            }
        }
        return n;
    }

    @ParameterizedTest
    @CsvSource({"putuo-planning-bureau-2024,shanghai-district,95", "putuo-finance-bureau-2024,shanghai-district-zero-percent,95",
            "putuo-social-work-dept-2024,shanghai-district-plain-zeros,96"})
    void theDraftStatesTheRealReportsFigures(String report, String styleName, double floor) throws Exception {
        byte[] json = Files.readAllBytes(FIXTURES.resolve(report).resolve("department-year.json"));
        BoundDocument doc = new DocumentBinder().bind(new JsonDocumentReader().read(report, json));
        new DocumentValidator().validate(doc);
        String published = PublishedNarrativeAccess.of(PDFS.resolve(report + ".pdf"));
        YearData data = PublishedReasons.recorded(DocumentYearData.of(doc), published);
        Draft draft = DraftEngine.shipped().report(data, StyleProfiles.load(styleName));
        // Kept beside the test reports, so that a reader can set the draft against the published text.
        Path out = Path.of("target", "real-report-drafts");
        Files.createDirectories(out);
        Files.writeString(out.resolve(report + ".txt"), draft.text());
        List<String> want = figures(published);
        List<String> got = figures(draft.text());
        int n = covered(want, got);
        double share = 100.0 * n / want.size();
        List<String> missing = new ArrayList<>(want);
        for (String g : got) {
            missing.remove(g);
        }
        System.out.printf(Locale.ROOT, "%s: %d of %d published figures drafted (%.1f%%); missing %s%n", report, n, want.size(), share, missing);
        assertTrue(share >= floor, () -> report + ": " + n + " of " + want.size() + " published figures drafted; floor " + floor + "%");
        assertEveryDifferenceIsAFlaggedPublishedMistake(report, missing);
    }

    /**
     * Each published figure the draft does not state is pinned in draft-differences.json to a published mistake of
     * expected-findings.json that the audit flags: an ERROR or ROUNDING (all of which the audit finds, see
     * RealReportNarrativeAuditTest), or a wording defect its warnings.json maps a raised warning to.
     */
    private static void assertEveryDifferenceIsAFlaggedPublishedMistake(String report, List<String> missing) throws Exception {
        Path dir = FIXTURES.resolve(report);
        JsonNode pinned = MAPPER.readTree(dir.resolve("draft-differences.json").toFile()).path("differences");
        List<String> listed = new ArrayList<>();
        Map<String, JsonNode> findings = new HashMap<>();
        MAPPER.readTree(dir.resolve("expected-findings.json").toFile()).forEach(f -> findings.put(f.path("id").asText(), f));
        Set<String> warned = new HashSet<>();
        MAPPER.readTree(dir.resolve("warnings.json").toFile()).path("warnings").forEach(w -> warned.add(w.path("listed").asText()));
        for (JsonNode d : pinned) {
            String figure = d.path("figure").asText();
            String id = d.path("listed").asText();
            listed.add(figure);
            JsonNode finding = findings.get(id);
            assertNotNull(finding, () -> report + ": " + figure + " is pinned to " + id + ", which expected-findings.json does not list");
            String severity = finding.path("severity").asText();
            assertTrue(severity.equals("ERROR") || severity.equals("ROUNDING") || warned.contains(id),
                    () -> report + ": " + id + " (" + severity + ") is not a finding the audit raises");
            String digits = figure.substring(0, figure.indexOf(' '));
            assertTrue(finding.path("figures").toString().contains(digits),
                    () -> report + ": " + id + " does not name the figure " + figure);
        }
        List<String> a = new ArrayList<>(missing);
        List<String> b = new ArrayList<>(listed);
        a.sort(null);
        b.sort(null);
        assertEquals(b, a, () -> report + ": the published figures the draft does not state are not the pinned published mistakes");
    }
}
