package org.budgetnarrator.drafting.draft;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.budgetnarrator.drafting.audit.Audit;
import org.budgetnarrator.drafting.audit.Finding;
import org.budgetnarrator.drafting.audit.Severity;
import org.budgetnarrator.model.generate.Generator;
import org.budgetnarrator.model.imports.BoundDocument;
import org.budgetnarrator.model.imports.DocumentBinder;
import org.budgetnarrator.model.imports.DocumentValidator;
import org.budgetnarrator.model.imports.JsonDocumentReader;
import org.budgetnarrator.model.read.DocumentYearData;
import org.budgetnarrator.model.read.YearData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A property of the engine: the audit's narrative check finds no error (and no rounding difference) in any
 * draft it produces — over all demo data, and over 1,000 generated department-years, in every shipped style.
 */
class DraftsPassTheAuditTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final DraftEngine engine = DraftEngine.shipped();

    static YearData of(String name, byte[] json) {
        BoundDocument doc = new DocumentBinder().bind(new JsonDocumentReader().read(name, json));
        new DocumentValidator().validate(doc);
        return DocumentYearData.of(doc);
    }

    private static List<String> problems(YearData data, Draft draft) {
        List<Finding> findings = Audit.checkText(data, draft.text());
        return findings.stream().filter(f -> f.severity() != Severity.WARNING).map(Finding::messageZh).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"xianning-2024.json", "hunan-2024.json", "shijiazhuang-2024.json", "zhanjiang-2026.json"})
    void demoDraftsRaiseNoErrorInEveryStyle(String file) throws Exception {
        YearData data = of(file, getClass().getResourceAsStream("/demo/" + file).readAllBytes());
        for (String style : StyleProfiles.available()) {
            Draft report = engine.report(data, StyleProfiles.load(style));
            assertEquals(List.of(), problems(data, report), file + " in style " + style);
            for (SectionKind section : DocumentKind.of(data).sections()) {
                Draft draft = engine.draft(data, section, StyleProfiles.load(style));
                assertEquals(List.of(), problems(data, draft), file + " " + section + " in style " + style);
            }
        }
    }

    @Test
    void aThousandGeneratedDepartmentYearsDraftWithoutAuditErrors() throws Exception {
        Generator generator = new Generator(11);
        StyleProfile[] styles = StyleProfiles.available().stream().map(StyleProfiles::load).toArray(StyleProfile[]::new);
        for (int i = 1; i <= 1000; i++) {
            YearData data = of("generated.json", MAPPER.writeValueAsBytes(generator.document(i, 2024)));
            Draft report = engine.report(data, styles[i % styles.length]);
            List<String> problems = problems(data, report);
            int index = i;
            assertEquals(List.of(), problems, () -> "department " + index + ":\n" + report.text());
        }
    }
}
