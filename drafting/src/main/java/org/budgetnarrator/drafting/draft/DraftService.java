package org.budgetnarrator.drafting.draft;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.budgetnarrator.model.read.YearData;
import org.budgetnarrator.model.read.YearDataReader;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Drafting for stored department-years. Configuration: {@code narrator.templates.dir} (a folder of .ftl
 * files overriding the shipped ones), {@code narrator.reasons.catalogue} (a catalogue file replacing the
 * shipped one), {@code narrator.styles.departments.CODE} (a department's default style profile).
 */
@Singleton
public class DraftService {

    private final YearDataReader reader;
    private final DraftEngine engine;
    private final Map<String, String> departmentStyles;

    public DraftService(YearDataReader reader, @Nullable @Value("${narrator.templates.dir:}") String templates,
                        @Nullable @Value("${narrator.reasons.catalogue:}") String catalogue,
                        DepartmentStyles departmentStyles) {
        this.reader = reader;
        this.engine = new DraftEngine(templates == null || templates.isBlank() ? null : Path.of(templates),
                catalogue == null || catalogue.isBlank() ? ReasonCatalogue.shipped() : ReasonCatalogue.fromFile(Path.of(catalogue)));
        this.departmentStyles = departmentStyles.departments();
    }

    public DraftEngine engine() {
        return engine;
    }

    /** The style to use: the one asked for, else the department's, else the default. */
    public StyleProfile style(String departmentCode, @Nullable String asked) {
        String name = asked != null ? asked : departmentStyles.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(departmentCode)).map(Map.Entry::getValue)
                .findFirst().orElse(StyleProfiles.DEFAULT);
        return StyleProfiles.load(name);
    }

    public Optional<Draft> draft(String departmentCode, int year, SectionKind section, @Nullable String style) {
        StyleProfile profile = style(departmentCode, style);
        return reader.read(departmentCode, year).map(data -> engine.draft(data, section, profile));
    }

    public Optional<Draft> report(String departmentCode, int year, @Nullable String style) {
        StyleProfile profile = style(departmentCode, style);
        return reader.read(departmentCode, year).map(data -> engine.report(data, profile));
    }

    /** Proposed reasons for the lines that need one and have none (rules and last year's reasons). */
    public Optional<java.util.List<ReasonProposer.Proposal>> proposals(String departmentCode, int year) {
        StyleProfile profile = style(departmentCode, null);
        return reader.read(departmentCode, year).map(data -> new ReasonProposer(engine.catalogue(), profile).propose(data));
    }

    public Draft draft(YearData data, SectionKind section, StyleProfile style) {
        return engine.draft(data, section, style);
    }
}
