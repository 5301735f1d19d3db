package org.budgetnarrator.api.graphql;

import graphql.schema.DataFetcher;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.budgetnarrator.drafting.draft.DraftService;
import org.budgetnarrator.drafting.llm.ModelSettings;
import org.budgetnarrator.drafting.llm.ReasonSuggester;
import org.budgetnarrator.model.read.YearDataReader;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/** SUGGEST_REASONS: the model's suggestions for the report's gaps; nothing is stored. */
@Singleton
public class SuggestionFetchers {

    private final ReasonSuggester suggester;
    private final DraftService drafts;
    private final YearDataReader reader;
    private final ModelSettings settings;
    private final Executor executor;

    public SuggestionFetchers(ReasonSuggester suggester, DraftService drafts, YearDataReader reader, ModelSettings settings,
                              @Named(TaskExecutors.BLOCKING) Executor executor) {
        this.suggester = suggester;
        this.drafts = drafts;
        this.reader = reader;
        this.settings = settings;
        this.executor = executor;
    }

    DataFetcher<CompletableFuture<Map<String, Object>>> suggest() {
        return env -> {
            String code = env.getArgument("departmentCode");
            int year = env.getArgument("year");
            if (settings.missing() != null) {
                throw new UnavailableException("suggestReasons needs a language model, and " + settings.missing()
                        + " is not set; proposedReasons gives rule-based proposals without one");
            }
            return Blocking.run(() -> {
                var data = reader.read(code, year).orElseThrow(() -> new NotFoundException("no department-year " + code + " " + year + " is stored"));
                ReasonSuggester.Result result = suggester.suggest(data, drafts.engine().report(data, drafts.style(code, null)));
                Map<String, Object> out = new HashMap<>();
                out.put("suggestions", result.suggestions().stream().map(s -> {
                    Map<String, Object> m = new HashMap<>();
                    m.put("subject", s.subject());
                    m.put("aspect", s.aspect());
                    m.put("code", s.code());
                    m.put("text", s.text());
                    m.put("measures", s.measures());
                    m.put("newReason", s.newReason());
                    return m;
                }).toList());
                out.put("fallbackReason", result.fallbackReason());
                out.put("promptVersion", result.promptVersion());
                out.put("model", result.model());
                return out;
            }, executor);
        };
    }
}
