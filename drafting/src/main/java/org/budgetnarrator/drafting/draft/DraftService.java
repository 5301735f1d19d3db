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

    /**
     * The data with the reasons officers recorded for indicators (subject indicator:ID, against the target) written
     * into the self-evaluation tables' 偏差原因分析及改进措施 cells, as the Word report's and the workbook's existing
     * readers take them: each such indicator's deviation note, and its recorded reasons as one note. The cell reads
     * 偏差原因：…。改进措施：…。 — the reasons as drafts phrase them (an officer's note, else the catalogue's phrase)
     * and the measures the catalogue gives for them; indicators without recorded reasons keep what was imported.
     */
    public YearData withDeviationReasons(YearData data) {
        DraftContext ctx = new DraftContext(data, StyleProfiles.load(StyleProfiles.DEFAULT), engine.catalogue());
        java.util.Map<String, String> cells = new java.util.HashMap<>();
        for (org.budgetnarrator.model.domain.Indicator i : data.indicators()) {
            String subject = "indicator:" + i.id();
            String reasons = ctx.reasons(subject, "BUDGET", false, "");
            if (reasons != null) {
                String measures = ctx.measures(subject, "BUDGET");
                cells.put(subject, "偏差原因：" + reasons + "。" + (measures == null ? "" : "改进措施：" + measures + "。"));
            }
        }
        if (cells.isEmpty()) {
            return data;
        }
        java.util.List<org.budgetnarrator.model.domain.Indicator> indicators = data.indicators().stream().map(i -> {
            String cell = cells.get("indicator:" + i.id());
            return cell == null ? i : new org.budgetnarrator.model.domain.Indicator(i.id(), i.departmentYearId(), i.projectId(), i.seq(),
                    i.level1(), i.level2(), i.name(), i.description(), i.periodTarget(), i.target(), i.actual(), i.weight(), i.score(),
                    i.basis(), cell);
        }).toList();
        java.util.List<org.budgetnarrator.model.domain.LineReason> reasons = new java.util.ArrayList<>();
        java.util.Set<String> written = new java.util.HashSet<>();
        for (org.budgetnarrator.model.domain.LineReason r : data.reasons()) {
            String cell = "BUDGET".equals(r.aspect()) ? cells.get(r.subject()) : null;
            if (cell == null) {
                reasons.add(r);
            } else if (written.add(r.subject())) {
                reasons.add(new org.budgetnarrator.model.domain.LineReason(r.id(), r.departmentYearId(), r.seq(), r.subject(), r.aspect(), null, cell));
            }
        }
        return new YearData(data.department(), data.year(), data.previous(), data.incomes(), data.accounts(), data.previousAccounts(),
                data.threePublic(), data.vehicles(), data.projects(), indicators, reasons, data.documents(), data.notes(),
                data.previousReasons(), data.tables(), data.budgetUnits());
    }
}
