package org.budgetnarrator.drafting.draft;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;
import org.budgetnarrator.model.read.YearData;
import org.budgetnarrator.model.read.YearDataReader;
import org.budgetnarrator.model.store.DraftVersionStore;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Saved drafts: officers' edits as new versions (who, when, base version), regeneration that never
 * overwrites an edited version unless asked to, restoring an old version, and freezing a report for
 * publication with its facts, reasons and template versions under a content hash.
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
                "GENERATED", draft.style(), text, author, generation));
    }

    public DraftVersionStore.Version save(String code, int year, SectionKind section, Integer baseVersion, String text, String author) {
        String style = store.latest(code, year, key(section)).map(DraftVersionStore.Version::style).orElse(null);
        return store.save(code, year, key(section), baseVersion, "EDITED", style, text, author);
    }

    public Optional<DraftVersionStore.Version> restore(String code, int year, SectionKind section, int version, String author) {
        List<DraftVersionStore.Version> all = store.versions(code, year, key(section));
        Optional<DraftVersionStore.Version> old = all.stream().filter(v -> v.version() == version).findFirst();
        return old.map(v -> store.save(code, year, key(section), all.get(all.size() - 1).version(), "RESTORED", v.style(), v.text(), author));
    }

    /** Freezes the report as drafted now; the same content always gives the same hash. */
    public Optional<DraftVersionStore.Frozen> freeze(String code, int year, String style, String author) {
        Optional<YearData> data = reader.read(code, year);
        if (data.isEmpty()) {
            return Optional.empty();
        }
        StyleProfile profile = drafts.style(code, style);
        Draft report = drafts.engine().report(data.get(), profile);
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
