package org.budgetnarrator.drafting.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.budgetnarrator.drafting.draft.Draft;
import org.budgetnarrator.drafting.draft.DraftEngine;
import org.budgetnarrator.drafting.draft.ReasonCatalogue;
import org.budgetnarrator.model.domain.LineReason;
import org.budgetnarrator.model.domain.Project;
import org.budgetnarrator.model.read.YearData;
import org.budgetnarrator.model.store.ModelCacheStore;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * SUGGEST_REASONS: for the lines whose reasons are missing (the report's gaps), the model proposes reasons and
 * measures from the department-year's context. Suggestions only: nothing is stored until an officer records
 * them (setReasons). A suggestion must be for one of the gaps (never a reason for a line that needs none or
 * already has one), name a catalogue code that exists (or none, then it is flagged as a new reason) and print
 * no number; otherwise one retry with the problems, then no model suggestions and the reason why.
 */
@Singleton
public class ReasonSuggester {

    public static final String PROMPT = "suggest-reasons.v1";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern DIGIT = Pattern.compile("\\d");

    /** One suggestion; newReason when it names no catalogue code (free text for the officer to judge). */
    public record Suggestion(String subject, String aspect, String code, String text, String measures, boolean newReason) {
    }

    public record Result(List<Suggestion> suggestions, String fallbackReason, String promptVersion, String model, long modelCalls) {
    }

    private final ModelClient client;
    private final ReasonCatalogue catalogue;
    private final ModelDrafter.Cache cache;
    private final String prompt;

    @Inject
    public ReasonSuggester(ModelClient client, org.budgetnarrator.drafting.draft.DraftService drafts, ModelCacheStore store) {
        this(client, drafts.engine().catalogue(), ModelDrafter.Cache.of(store));
    }

    public ReasonSuggester(ModelClient client, ReasonCatalogue catalogue, ModelDrafter.Cache cache) {
        this.client = client;
        this.catalogue = catalogue;
        this.cache = cache;
        this.prompt = ModelDrafter.resource("prompts/" + PROMPT + ".txt");
    }

    /** Suggestions for the report's gaps. */
    public Result suggest(YearData data, Draft report) {
        long before = client.calls();
        if (report.missing().isEmpty()) {
            return new Result(List.of(), null, PROMPT, client.settings().model(), 0);
        }
        String request = request(data, report);
        String key = DraftEngine.sha256(PROMPT + "|" + client.settings().model() + "|" + prompt + "|" + request);
        Optional<String> cached = client.settings().missing() == null ? cache.get(key) : Optional.empty();
        if (cached.isPresent()) {
            List<Suggestion> parsed = new ArrayList<>();
            if (check(report, cached.get(), parsed).isEmpty()) {
                return new Result(parsed, null, PROMPT, client.settings().model(), 0);
            }
        }
        String feedback = null;
        List<String> violations = List.of();
        try {
            for (int round = 0; round < 2; round++) {
                String answer = client.chat(prompt, feedback == null ? request : request + "\n\n" + feedback);
                List<Suggestion> parsed = new ArrayList<>();
                violations = check(report, answer, parsed);
                if (violations.isEmpty()) {
                    cache.put(key, PROMPT, client.settings().model(), answer);
                    return new Result(parsed, null, PROMPT, client.settings().model(), client.calls() - before);
                }
                feedback = "你上一次的答复不符合要求，问题如下，请改正后重新输出完整的JSON：\n- " + String.join("\n- ", violations);
            }
            return new Result(List.of(), "模型建议两次未通过核对，未采用：" + String.join("；", violations), PROMPT, client.settings().model(),
                    client.calls() - before);
        } catch (ModelClient.ModelFailure e) {
            return new Result(List.of(), e.getMessage(), PROMPT, client.settings().model(), client.calls() - before);
        }
    }

    /** Parses the answer into {@code out}; returns what is wrong with it (empty when nothing). */
    List<String> check(Draft report, String answer, List<Suggestion> out) {
        String json = ModelDrafter.unfenced(answer);
        JsonNode suggestions;
        try {
            suggestions = MAPPER.readTree(json).path("suggestions");
        } catch (JsonProcessingException | RuntimeException e) {
            return List.of("答复不是约定的JSON格式（{\"suggestions\": […]}）");
        }
        if (!suggestions.isArray()) {
            return List.of("答复不是约定的JSON格式（{\"suggestions\": […]}）");
        }
        Set<String> gaps = new HashSet<>();
        report.missing().forEach(g -> gaps.add(g.subject() + "|" + g.aspect()));
        List<String> violations = new ArrayList<>();
        for (JsonNode s : suggestions) {
            String subject = s.path("subject").asText("");
            String aspect = s.path("aspect").asText("");
            String code = s.path("code").isTextual() ? s.path("code").asText() : null;
            String text = s.path("text").asText("");
            String measures = s.path("measures").asText("");
            if (!gaps.contains(subject + "|" + aspect)) {
                violations.add("事项“" + subject + "”（" + aspect + "）不在缺少原因的事项中，不得为其提出原因");
                continue;
            }
            if (code != null && catalogue.find(code).isEmpty()) {
                violations.add("原因代码“" + code + "”不在原因目录中");
                continue;
            }
            if (DIGIT.matcher(text).find() || DIGIT.matcher(measures).find()) {
                violations.add("事项“" + subject + "”的建议中出现了数字，建议中不得出现数字");
                continue;
            }
            if (code == null && text.isBlank()) {
                violations.add("事项“" + subject + "”的建议既无原因代码也无原因表述");
                continue;
            }
            String phrase = code != null && text.isBlank() ? catalogue.find(code).orElseThrow().phrase() : text;
            out.add(new Suggestion(subject, aspect, code, phrase, measures.isBlank() ? null : measures, code == null));
        }
        return violations;
    }

    private String request(YearData data, Draft report) {
        ObjectNode request = MAPPER.createObjectNode();
        request.put("department", data.department().name());
        request.put("year", data.year().year());
        ArrayNode gaps = request.putArray("gaps");
        for (Draft.Gap g : report.missing()) {
            gaps.addObject().put("subject", g.subject()).put("aspect", g.aspect()).put("description", g.description());
        }
        ArrayNode reasons = request.putArray("catalogue");
        for (ReasonCatalogue.Reason r : catalogue.all()) {
            ObjectNode o = reasons.addObject().put("code", r.code()).put("name", r.name()).put("phrase", r.phrase());
            r.directions().forEach(o.putArray("directions")::add);
        }
        ArrayNode last = request.putArray("lastYear");
        for (LineReason r : data.previousReasons()) {
            last.addObject().put("subject", r.subject()).put("aspect", r.aspect()).put("code", r.code()).put("note", r.note());
        }
        ArrayNode projects = request.putArray("projects");
        for (Project p : data.projects()) {
            projects.addObject().put("name", p.name());
        }
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
