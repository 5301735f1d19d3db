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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How many of a real report's published narrative figures the draft from its tables states, at the published
 * precision ("12.08%", "9859.38 万元" — a figure is its digits as printed and its unit). The floors only rise: a change
 * that drafts fewer of a real report's figures fails here. The shares are reported in README.
 */
class RealReportDraftCoverageTest {

    private static final Path FIXTURES = Path.of("..", "model", "src", "test", "resources", "fixtures", "reports");
    private static final Path PDFS = Path.of("..", "..", "shared", "reports");
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
    @CsvSource({"putuo-planning-bureau-2024,73", "putuo-finance-bureau-2024,74", "putuo-social-work-dept-2024,76"})
    void theDraftStatesTheRealReportsFigures(String report, double floor) throws Exception {
        byte[] json = Files.readAllBytes(FIXTURES.resolve(report).resolve("department-year.json"));
        BoundDocument doc = new DocumentBinder().bind(new JsonDocumentReader().read(report, json));
        new DocumentValidator().validate(doc);
        YearData data = DocumentYearData.of(doc);
        String published = PublishedNarrativeAccess.of(PDFS.resolve(report + ".pdf"));
        Draft draft = DraftEngine.shipped().report(data, StyleProfiles.load("shanghai-district"));
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
    }
}
