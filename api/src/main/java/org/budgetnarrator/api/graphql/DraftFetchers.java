package org.budgetnarrator.api.graphql;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.budgetnarrator.api.security.Access;
import org.budgetnarrator.drafting.draft.Draft;
import org.budgetnarrator.drafting.draft.DraftService;
import org.budgetnarrator.drafting.draft.DraftVersions;
import org.budgetnarrator.drafting.draft.ReasonCatalogue;
import org.budgetnarrator.drafting.draft.SectionKind;
import org.budgetnarrator.drafting.draft.StyleProfiles;
import org.budgetnarrator.model.domain.Department;
import org.budgetnarrator.model.domain.DepartmentYear;
import org.budgetnarrator.model.domain.LineReason;
import org.budgetnarrator.model.repo.DepartmentRepository;
import org.budgetnarrator.model.repo.LineReasonRepository;
import org.budgetnarrator.model.store.ReasonStore;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/** Drafts, reasons and the catalogues over GraphQL. */
@Singleton
public class DraftFetchers {

    private final DraftService drafts;
    private final DepartmentRepository departments;
    private final LineReasonRepository reasons;
    private final ReasonStore reasonStore;
    private final Executor executor;
    private final io.micrometer.core.instrument.MeterRegistry meters;
    private final DraftVersions versions;

    public DraftFetchers(DraftService drafts, DepartmentRepository departments, LineReasonRepository reasons, ReasonStore reasonStore,
                         @Named(TaskExecutors.BLOCKING) Executor executor, io.micrometer.core.instrument.MeterRegistry meters,
                         DraftVersions versions) {
        this.meters = meters;
        this.versions = versions;
        this.drafts = drafts;
        this.departments = departments;
        this.reasons = reasons;
        this.reasonStore = reasonStore;
        this.executor = executor;
    }

    DataFetcher<CompletableFuture<Map<String, Object>>> draft() {
        return env -> {
            DepartmentYear year = env.getSource();
            SectionKind section = SectionKind.valueOf(env.getArgument("section"));
            String style = style(env.getArgument("style"));
            return Blocking.run(() -> counted(section.name(), draft(drafts.draft(workingCode(env, year), year.year(), section, style).orElseThrow())), executor);
        };
    }

    /** The report as it prints: saved texts where saved, the template's draft elsewhere. */
    DataFetcher<CompletableFuture<Map<String, Object>>> report() {
        return env -> {
            DepartmentYear year = env.getSource();
            String style = style(env.getArgument("style"));
            return Blocking.run(() -> {
                DraftVersions.PrintedReport printed = versions.report(workingCode(env, year), year.year(), style).orElseThrow();
                Map<String, Object> out = draft(printed.draft());
                out.put("savedSections", printed.saved().stream().map(SectionKind::name).toList());
                out.put("staleSections", printed.stale().stream().map(SectionKind::name).toList());
                return counted("REPORT", out);
            }, executor);
        };
    }

    /** The schema's SectionText; template is a Draft as {@link #draft(Draft)} shapes it. */
    record SectionTextPayload(String section, String title, String text, VersionFetchers.DraftVersionPayload saved, boolean stale,
                              Map<String, Object> template) {
    }

    DataFetcher<CompletableFuture<SectionTextPayload>> section() {
        return env -> {
            DepartmentYear year = env.getSource();
            SectionKind section = SectionKind.valueOf(env.getArgument("section"));
            String style = style(env.getArgument("style"));
            return Blocking.run(() -> {
                DraftVersions.SectionText s = versions.section(workingCode(env, year), year.year(), section, style).orElseThrow();
                return new SectionTextPayload(s.section().name(), s.title(), s.text(),
                        s.saved() == null ? null : VersionFetchers.version(s.saved()), s.stale(), counted(section.name(), draft(s.template())));
            }, executor);
        };
    }

    /** Counts drafts (narrator.drafts by section) and the gaps they left (narrator.draft.gaps). */
    private Map<String, Object> counted(String section, Map<String, Object> draft) {
        meters.counter("narrator.drafts", "section", section).increment();
        meters.counter("narrator.draft.gaps", "section", section).increment(((List<?>) draft.get("missing")).size());
        return draft;
    }

    DataFetcher<CompletableFuture<List<Map<String, Object>>>> reasons() {
        return env -> {
            DepartmentYear year = env.getSource();
            return Blocking.run(() -> {
                workingCode(env, year);
                return reasons.findByDepartmentYearIdInOrderBySeq(List.of(year.id())).stream().map(this::reason).toList();
            }, executor);
        };
    }

    DataFetcher<CompletableFuture<List<Map<String, Object>>>> proposedReasons() {
        return env -> {
            DepartmentYear year = env.getSource();
            return Blocking.run(() -> drafts.proposals(workingCode(env, year), year.year()).orElse(List.of()).stream().map(p -> {
                Map<String, Object> out = new HashMap<>();
                out.put("subject", p.subject());
                out.put("aspect", p.aspect());
                out.put("code", p.code());
                out.put("note", p.note());
                out.put("phrase", p.phrase());
                out.put("rule", p.rule());
                out.put("sourceYear", p.sourceYear());
                return out;
            }).toList(), executor);
        };
    }

    DataFetcher<CompletableFuture<List<Map<String, Object>>>> setReasons() {
        return env -> {
            String code = env.getArgument("departmentCode");
            int year = env.getArgument("year");
            String subject = env.getArgument("subject");
            String aspect = env.getArgument("aspect");
            List<Map<String, Object>> input = env.getArgument("reasons");
            if (subject == null || subject.isBlank() || subject.length() > 200) {
                throw new BadInputException("subject: expected a line such as account:2013501 (at most 200 characters)");
            }
            ReasonCatalogue catalogue = drafts.engine().catalogue();
            List<ReasonStore.Entry> entries = new ArrayList<>();
            for (int i = 0; i < input.size(); i++) {
                String reasonCode = (String) input.get(i).get("code");
                String note = (String) input.get(i).get("note");
                if ((reasonCode == null || reasonCode.isBlank()) && (note == null || note.isBlank())) {
                    throw new BadInputException("reasons[" + i + "]: give a code of the reason catalogue, a note, or both");
                }
                if (reasonCode != null && catalogue.find(reasonCode).isEmpty()) {
                    throw new BadInputException("reasons[" + i + "].code: \"" + reasonCode + "\" is not in the reason catalogue; known: "
                            + catalogue.all().stream().map(ReasonCatalogue.Reason::code).toList());
                }
                entries.add(new ReasonStore.Entry(reasonCode, note == null || note.isBlank() ? null : note.strip()));
            }
            return Blocking.run(() -> {
                if (!reasonStore.replace(code, year, subject, aspect, entries)) {
                    throw new NotFoundException("no department-year " + code + " " + year + " is stored");
                }
                return entries.stream().map(e -> reason(new LineReason(null, null, null, subject, aspect, e.code(), e.note()))).toList();
            }, executor);
        };
    }

    DataFetcher<List<Map<String, Object>>> catalogue() {
        return env -> drafts.engine().catalogue().all().stream().map(r -> {
            Map<String, Object> out = new HashMap<>();
            out.put("code", r.code());
            out.put("name", r.name());
            out.put("phrase", r.phrase());
            out.put("directions", r.directions());
            out.put("subjects", r.subjects());
            out.put("measures", r.measures());
            return out;
        }).toList();
    }

    DataFetcher<List<Map<String, Object>>> styles() {
        return env -> StyleProfiles.available().stream().map(StyleProfiles::load)
                .map(p -> Map.<String, Object>of("name", p.name(), "title", p.title())).toList();
    }

    private Map<String, Object> reason(LineReason r) {
        Map<String, Object> out = new HashMap<>();
        out.put("subject", r.subject());
        out.put("aspect", r.aspect());
        out.put("code", r.code());
        out.put("note", r.note());
        out.put("phrase", r.note() != null ? r.note()
                : drafts.engine().catalogue().find(r.code()).map(ReasonCatalogue.Reason::phrase).orElse(null));
        return out;
    }

    /** The department-year's code, once the caller may read its working data (drafts and reasons). */
    private String workingCode(DataFetchingEnvironment env, DepartmentYear year) {
        Department d = departments.findByIdIn(List.of(year.departmentId())).get(0);
        Access.readWorking(env, d.code());
        return d.code();
    }

    private static String style(String name) {
        if (name != null && !StyleProfiles.available().contains(name)) {
            throw new BadInputException("style: unknown style profile \"" + name + "\"; available: " + StyleProfiles.available());
        }
        return name;
    }

    static Map<String, Object> draft(Draft d) {
        Map<String, Object> out = new HashMap<>();
        out.put("section", d.section() == null ? null : d.section().name());
        out.put("title", d.title());
        out.put("text", d.text());
        out.put("style", d.style());
        out.put("missing", d.missing().stream().map(g -> Map.<String, Object>of("subject", g.subject(), "aspect", g.aspect(),
                "description", g.description(), "offset", g.offset(), "length", g.length())).toList());
        out.put("facts", d.facts().stream().map(DraftFetchers::fact).toList());
        out.put("sentences", d.sentences().stream().map(s -> Map.<String, Object>of("text", s.text(), "offset", s.offset(),
                "facts", s.facts().stream().map(DraftFetchers::fact).toList())).toList());
        out.put("savedSections", List.of());
        out.put("staleSections", List.of());
        return out;
    }

    private static Map<String, Object> fact(Draft.PlacedFact f) {
        return Map.of("subject", f.fact().subject(), "field", f.fact().field(), "value", f.fact().value(),
                "display", f.fact().display(), "offset", f.offset(), "length", f.length());
    }
}
