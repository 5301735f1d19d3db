package org.budgetnarrator.drafting.draft;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;
import org.budgetnarrator.model.read.YearData;
import org.budgetnarrator.model.read.YearDataReader;
import org.budgetnarrator.model.store.DraftVersionStore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Saved drafts: officers' edits as new versions (who, when, base version, the figures they were written from),
 * regeneration that never overwrites an edited version unless asked to, restoring an old version, the report as it
 * prints (the latest saved text of each section, the template's draft where none was saved), and freezing that
 * report for publication with its facts, reasons and template versions under a content hash.
 */
@Singleton
public class DraftVersions {

    /** The section key of a whole report. */
    public static final String REPORT = "REPORT";

    /** An edited version exists and regeneration was not forced. */
    public static class EditedVersionException extends RuntimeException {
        public EditedVersionException(int version) {
            super("version " + version + " was edited by hand; regenerate with force to put a generated version after it "
                    + "(the edited version stays listed and can be restored)");
        }
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final DraftService drafts;
    private final DraftVersionStore store;
    private final YearDataReader reader;

    private final org.budgetnarrator.drafting.llm.ModelDrafter models;

    public DraftVersions(DraftService drafts, DraftVersionStore store, YearDataReader reader,
                         org.budgetnarrator.drafting.llm.ModelDrafter models) {
        this.drafts = drafts;
        this.store = store;
        this.reader = reader;
        this.models = models;
    }

    public List<DraftVersionStore.Version> versions(String code, int year, SectionKind section) {
        return store.versions(code, year, key(section));
    }

    public Optional<DraftVersionStore.Version> regenerate(String code, int year, SectionKind section, String style, boolean force,
                                                          String author) {
        return regenerate(code, year, section, style, force, author, "TEMPLATE");
    }

    /**
     * Drafts the section again and saves it as a new version — never over an officer's edit unless forced, and
     * even then as a new version, the edit staying listed. In POLISH mode the model's text is saved only when
     * it passed the guard; otherwise the template draft, with the reason.
     */
    public Optional<DraftVersionStore.Version> regenerate(String code, int year, SectionKind section, String style, boolean force,
                                                          String author, String mode) {
        Optional<org.budgetnarrator.model.read.YearData> data = reader.read(code, year);
        if (data.isEmpty()) {
            return Optional.empty();
        }
        StyleProfile profile = drafts.style(code, style);
        Draft draft = section == null ? drafts.engine().report(data.get(), profile) : drafts.engine().draft(data.get(), section, profile);
        Optional<DraftVersionStore.Version> latest = store.latest(code, year, key(section));
        if (latest.isPresent() && !latest.get().origin().equals("GENERATED") && !force) {
            throw new EditedVersionException(latest.get().version());
        }
        String text = draft.text();
        DraftVersionStore.Generation generation = DraftVersionStore.Generation.TEMPLATE;
        if ("POLISH".equals(mode)) {
            org.budgetnarrator.drafting.llm.ModelDrafter.Result polished = models.polish(data.get(), draft);
            text = polished.text();
            generation = new DraftVersionStore.Generation("POLISH", polished.promptVersion(), polished.model(), polished.fallbackReason());
        } else if (!"TEMPLATE".equals(mode)) {
            throw new IllegalArgumentException("mode " + mode + " cannot regenerate a section");
        }
        return Optional.of(store.save(code, year, key(section), latest.map(DraftVersionStore.Version::version).orElse(null),
                "GENERATED", draft.style(), text, author, generation, basis(draft)));
    }

    /**
     * Saves an officer's text as a new version, with the fingerprint of the figures the template prints for the
     * section now: what the officer saw and wrote from.
     */
    public DraftVersionStore.Version save(String code, int year, SectionKind section, Integer baseVersion, String text, String author) {
        String style = store.latest(code, year, key(section)).map(DraftVersionStore.Version::style).orElse(null);
        String basedOn = reader.read(code, year).map(data -> basis(template(data, section, drafts.style(code, style)))).orElse(null);
        return store.save(code, year, key(section), baseVersion, "EDITED", style, text, author, null, basedOn);
    }

    /** Restores an old version's text as a new version; it keeps the old version's basis (its figures are that old). */
    public Optional<DraftVersionStore.Version> restore(String code, int year, SectionKind section, int version, String author) {
        List<DraftVersionStore.Version> all = store.versions(code, year, key(section));
        Optional<DraftVersionStore.Version> old = all.stream().filter(v -> v.version() == version).findFirst();
        return old.map(v -> store.save(code, year, key(section), all.get(all.size() - 1).version(), "RESTORED", v.style(), v.text(), author,
                null, v.basedOn()));
    }

    /**
     * A section as the report prints it: the text of the latest version saved for it (or, when the whole report was
     * saved later, that report's part under the section's heading), else the template's draft; whether the data
     * changed since that text was saved; and the template's draft from the current data beside it.
     *
     * @param saved the version the text comes from (a section's or the whole report's); null when none was saved
     * @param stale the figures the template prints now differ from those it printed when the text was saved (or
     *              that was not recorded); false when nothing was saved
     */
    public record SectionText(SectionKind section, String title, String text, DraftVersionStore.Version saved, boolean stale,
                              Draft template) {
    }

    /** The report as it prints: the template's report with every saved section's text in place of the template's. */
    public record PrintedReport(Draft draft, List<SectionKind> saved, List<SectionKind> stale) {
    }

    public Optional<SectionText> section(String code, int year, SectionKind section, String style) {
        return reader.read(code, year).map(data -> section(data, section, drafts.style(code, style)));
    }

    public SectionText section(YearData data, SectionKind section, StyleProfile style) {
        Saved saved = new Saved(data, store.latestOfEach(data.department().code(), data.year().year()));
        Draft template = drafts.engine().draft(data, section, style);
        Choice choice = saved.choice(section);
        if (choice == null) {
            return new SectionText(section, template.title(), template.text(), null, false, template);
        }
        return new SectionText(section, template.title(), choice.text(), choice.version(), saved.stale(choice, section), template);
    }

    public Optional<PrintedReport> report(String code, int year, String style) {
        return reader.read(code, year).map(data -> report(data, drafts.style(code, style)));
    }

    /**
     * The report as it prints (report, freeze, downloads, bulk drafting): the sections of the department-year's layout under their
     * headings (the style's 情况说明 for final accounts, the self-evaluation's or the budget targets' own otherwise),
     * each the latest saved text where one was saved and the template's draft elsewhere. The template's facts and
     * gaps keep their places; a saved text has no facts placed in it, and keeps those of the template's gaps whose
     * marker it still contains.
     */
    public PrintedReport report(YearData data, StyleProfile style) {
        Draft template = drafts.engine().report(data, style);
        Saved saved = new Saved(data, store.latestOfEach(data.department().code(), data.year().year()));
        ReportLayout layout = DocumentKind.of(data).layout(style);
        Map<SectionKind, int[]> bodies = bodies(template.text(), layout);
        if (bodies == null) {
            // The template's own headings are always there; a template override that drops one is printed as drafted.
            return new PrintedReport(template, List.of(), List.of());
        }
        StringBuilder text = new StringBuilder();
        List<Draft.PlacedFact> facts = new ArrayList<>();
        List<Draft.Gap> gaps = new ArrayList<>();
        List<SectionKind> savedSections = new ArrayList<>();
        List<SectionKind> staleSections = new ArrayList<>();
        Map<SectionKind, String> containers = new java.util.EnumMap<>(SectionKind.class);
        Map<SectionKind, String> headings = new java.util.EnumMap<>(SectionKind.class);
        for (ReportLayout.Section s : layout.sections()) {
            if (s.content() != null) {
                headings.put(s.content(), s.heading());
            }
            for (int k = 0; k < s.parts().size(); k++) {
                headings.put(s.parts().get(k).content(), s.parts().get(k).heading());
                if (k == 0) {
                    containers.put(s.parts().get(k).content(), s.heading());
                }
            }
        }
        for (Map.Entry<SectionKind, int[]> e : bodies.entrySet()) {
            SectionKind section = e.getKey();
            int from = e.getValue()[0];
            int to = e.getValue()[1];
            if (text.length() > 0) {
                text.append('\n');
            }
            if (containers.containsKey(section)) {
                text.append(containers.get(section)).append('\n');
            }
            text.append(headings.get(section));
            Choice choice = saved.choice(section);
            String body = choice == null ? template.text().substring(from, to) : choice.text().strip();
            if (!body.isEmpty()) {
                text.append('\n');
            }
            int at = text.length();
            List<Draft.Gap> own = template.missing().stream().filter(g -> g.offset() >= from && g.offset() < Math.max(to, from + 1)).toList();
            if (choice == null) {
                template.facts().stream().filter(f -> f.offset() >= from && f.offset() < to)
                        .forEach(f -> facts.add(new Draft.PlacedFact(f.fact(), f.offset() - from + at, f.length())));
                own.forEach(g -> gaps.add(new Draft.Gap(g.subject(), g.aspect(), g.description(), g.offset() - from + at, g.length())));
            } else {
                savedSections.add(section);
                if (saved.stale(choice, section)) {
                    staleSections.add(section);
                }
                int searchFrom = 0;
                for (Draft.Gap g : own) {
                    String marker = DraftText.GAP_START + g.description() + DraftText.GAP_END;
                    int found = body.indexOf(marker, searchFrom);
                    if (found >= 0) {
                        gaps.add(new Draft.Gap(g.subject(), g.aspect(), g.description(), at + found, marker.length()));
                        searchFrom = found + marker.length();
                    }
                }
            }
            text.append(body);
        }
        String printed = text.toString();
        Draft draft = new Draft(null, template.title(), printed, gaps, facts, DraftText.sentences(printed, facts), template.style());
        return new PrintedReport(draft, List.copyOf(savedSections), List.copyOf(staleSections));
    }

    /**
     * What the printed report depends on besides the data, templates and style: the latest saved version of each
     * section (a new save changes it, so bulk drafting drafts that department again).
     */
    public String savedFingerprint(String code, int year) {
        StringBuilder out = new StringBuilder();
        store.latestOfEach(code, year).forEach((section, v) -> out.append(section).append(':').append(v.version()).append(';'));
        return out.toString();
    }

    /**
     * The fingerprint of the figures a draft prints (line, field and exact value of each, in order): two drafts of
     * the same section print the same figures exactly when it is the same. Wording changes of the template do not
     * count; changed data do.
     */
    public static String basis(Draft draft) {
        StringBuilder out = new StringBuilder();
        for (Draft.PlacedFact f : draft.facts()) {
            out.append(f.fact().subject()).append('|').append(f.fact().field()).append('|').append(f.fact().value()).append('\n');
        }
        return DraftEngine.sha256(out.toString());
    }

    private Draft template(YearData data, SectionKind section, StyleProfile style) {
        return section == null ? drafts.engine().report(data, style) : drafts.engine().draft(data, section, style);
    }

    /** Where a printed section's text comes from: a saved version, and the text of it that is the section's. */
    private record Choice(DraftVersionStore.Version version, String text) {
    }

    /** The latest saved versions of one department-year, and which one each section prints. */
    private final class Saved {
        private final YearData data;
        private final Map<String, DraftVersionStore.Version> latest;
        private final Map<String, Boolean> stale = new java.util.HashMap<>();
        private Map<SectionKind, String> reportParts;

        Saved(YearData data, Map<String, DraftVersionStore.Version> latest) {
            this.data = data;
            this.latest = latest;
        }

        /**
         * The newer of the section's own latest version and the part under its heading of the latest whole-report
         * version (only when every heading of that report is still found in order); null when neither exists.
         */
        Choice choice(SectionKind section) {
            DraftVersionStore.Version own = latest.get(section.name());
            // Only a section of the report's layout has a part in a saved whole report (none is found for the others).
            DraftVersionStore.Version whole = latest.get(REPORT);
            String part = whole == null ? null : reportParts(whole).get(section);
            if (part != null && (own == null || Instant.parse(whole.createdAt()).isAfter(Instant.parse(own.createdAt())))) {
                return new Choice(whole, part);
            }
            return own == null ? null : new Choice(own, own.text());
        }

        private Map<SectionKind, String> reportParts(DraftVersionStore.Version whole) {
            if (reportParts == null) {
                Map<SectionKind, int[]> bodies = bodies(whole.text(),
                        DocumentKind.of(data).layout(drafts.style(data.department().code(), whole.style())));
                reportParts = new java.util.EnumMap<>(SectionKind.class);
                if (bodies != null) {
                    bodies.forEach((k, r) -> reportParts.put(k, whole.text().substring(r[0], r[1]).strip()));
                }
            }
            return reportParts;
        }

        /** The saved text's basis against the figures its section's template prints now, in the version's style. */
        boolean stale(Choice choice, SectionKind section) {
            DraftVersionStore.Version v = choice.version();
            SectionKind of = v.section().equals(REPORT) ? null : section;
            return stale.computeIfAbsent(v.section() + ":" + v.version(), k -> v.basedOn() == null
                    || !v.basedOn().equals(basis(template(data, of, drafts.style(data.department().code(), v.style())))));
        }
    }

    /**
     * Where each section's text stands in a report's text (start and end of what follows its heading line, up to the
     * next heading of the layout, a section made of parts included), in order; null when a heading is not found as a
     * line of its own after the previous one.
     */
    static Map<SectionKind, int[]> bodies(String text, ReportLayout layout) {
        List<ReportLayout.Section> headings = new ArrayList<>();
        for (ReportLayout.Section section : layout.sections()) {
            headings.add(section);
            headings.addAll(section.parts());
        }
        int[] starts = new int[headings.size()];
        int from = 0;
        for (int i = 0; i < headings.size(); i++) {
            String title = headings.get(i).heading();
            int at = from;
            while (true) {
                at = text.indexOf(title, at);
                if (at < 0) {
                    return null;
                }
                int end = at + title.length();
                if ((at == 0 || text.charAt(at - 1) == '\n') && (end == text.length() || text.charAt(end) == '\n')) {
                    break;
                }
                at = end;
            }
            starts[i] = at;
            from = at + title.length();
        }
        Map<SectionKind, int[]> out = new java.util.LinkedHashMap<>();
        for (int i = 0; i < headings.size(); i++) {
            if (headings.get(i).content() == null) {
                continue;
            }
            int bodyStart = Math.min(text.length(), starts[i] + headings.get(i).heading().length() + 1);
            int bodyEnd = i + 1 < headings.size() ? Math.max(bodyStart, starts[i + 1] - 1) : text.length();
            out.put(headings.get(i).content(), new int[]{bodyStart, bodyEnd});
        }
        return out;
    }

    /**
     * Freezes the report as it prints now (the saved texts, the template's draft elsewhere); the same content always
     * gives the same hash.
     */
    public Optional<DraftVersionStore.Frozen> freeze(String code, int year, String style, String author) {
        Optional<YearData> data = reader.read(code, year);
        if (data.isEmpty()) {
            return Optional.empty();
        }
        StyleProfile profile = drafts.style(code, style);
        Draft report = report(data.get(), profile).draft();
        try {
            String facts = MAPPER.writeValueAsString(report.facts().stream().map(f -> Map.of("subject", f.fact().subject(),
                    "field", f.fact().field(), "value", f.fact().value(), "display", f.fact().display(), "offset", f.offset())).toList());
            String reasons = MAPPER.writeValueAsString(data.get().reasons().stream().map(r -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("subject", r.subject());
                m.put("aspect", r.aspect());
                m.put("code", r.code());
                m.put("note", r.note());
                return m;
            }).toList());
            String templates = MAPPER.writeValueAsString(drafts.engine().templateHashes());
            String hash = DraftEngine.sha256(report.style() + "\n" + report.text() + "\n" + facts + "\n" + reasons + "\n" + templates);
            Optional<DraftVersionStore.Frozen> same = store.frozen(code, year).stream().filter(f -> f.contentHash().equals(hash)).findFirst();
            if (same.isPresent()) {
                return same;
            }
            return Optional.of(store.freeze(code, year, new DraftVersionStore.Frozen(report.style(), report.text(), facts, reasons, templates,
                    hash, author, Instant.now().toString())));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public List<DraftVersionStore.Frozen> frozen(String code, int year) {
        return store.frozen(code, year);
    }

    private static String key(SectionKind section) {
        return section == null ? REPORT : section.name();
    }
}
