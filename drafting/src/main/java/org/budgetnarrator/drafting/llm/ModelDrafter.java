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
import org.budgetnarrator.model.store.ModelCacheStore;
import org.budgetnarrator.model.read.YearData;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Model modes on top of the template draft. POLISH: the model rewrites the draft; its answer replaces the
 * draft only when {@link PolishGuard} finds nothing wrong — after one retry that tells the model exactly what
 * was wrong, the template draft is kept and why is recorded. The template draft is always the fallback.
 */
@Singleton
public class ModelDrafter {

    /** The prompt's version, recorded with every model draft (prompts/polish.v1.txt). */
    public static final String POLISH_PROMPT = "polish.v1";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * A model-mode draft: the text kept, whether it is the model's, and if not why the template's was kept.
     *
     * @param modelCalls HTTP calls made for it (retries included)
     */
    public record Result(String text, boolean fromModel, String fallbackReason, String promptVersion, String model, int answers,
                         long modelCalls) {
    }

    /** Where accepted answers are kept between runs. */
    public interface Cache {
        Optional<String> get(String key);

        void put(String key, String promptVersion, String model, String answer);

        /** The database's model_cache table. */
        static Cache of(ModelCacheStore store) {
            return new Cache() {
                @Override
                public Optional<String> get(String key) {
                    return store.get(key);
                }

                @Override
                public void put(String key, String promptVersion, String model, String answer) {
                    store.put(key, promptVersion, model, answer);
                }
            };
        }

        /** Keeps nothing (tests, and callers that want every answer fresh). */
        Cache NONE = new Cache() {
            @Override
            public Optional<String> get(String key) {
                return Optional.empty();
            }

            @Override
            public void put(String key, String promptVersion, String model, String answer) {
            }
        };
    }

    private final ModelClient client;
    private final Cache cache;
    private final java.util.concurrent.atomic.AtomicLong accepted = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong fromCache = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong fallbacks = new java.util.concurrent.atomic.AtomicLong();

    /** Polished sections so far: the model's text taken (asked, or from the cache), or the template kept. */
    public long accepted() {
        return accepted.get();
    }

    public long fromCache() {
        return fromCache.get();
    }

    public long fallbacks() {
        return fallbacks.get();
    }
    private final String polishPrompt;

    @Inject
    public ModelDrafter(ModelClient client, ModelCacheStore store) {
        this(client, Cache.of(store));
    }

    public ModelDrafter(ModelClient client, Cache cache) {
        this.client = client;
        this.cache = cache;
        this.polishPrompt = resource("prompts/" + POLISH_PROMPT + ".txt");
    }

    public ModelClient client() {
        return client;
    }

    public Result polish(YearData data, Draft template) {
        long callsBefore = client.calls();
        if (template.text().isBlank()) {
            // A section with nothing to say (no data for it): nothing to polish, no model asked.
            return new Result(template.text(), false, null, POLISH_PROMPT, client.settings().model(), 0, 0);
        }
        String request = polishRequest(template);
        // Same prompt, model and facts as an accepted answer before: that answer, without calling the model.
        String key = DraftEngine.sha256(POLISH_PROMPT + "|" + client.settings().model() + "|" + polishPrompt + "|" + request);
        Optional<String> cached = client.settings().missing() == null ? cache.get(key) : Optional.empty();
        if (cached.isPresent() && PolishGuard.check(data, template, cached.get()).isEmpty()) {
            fromCache.incrementAndGet();
            return new Result(cached.get(), true, null, POLISH_PROMPT, client.settings().model(), 0, 0);
        }
        String feedback = null;
        List<String> violations = List.of();
        int answers = 0;
        try {
            for (int round = 0; round < 2; round++) {
                String user = feedback == null ? request : request + "\n\n" + feedback;
                String answer = client.chat(polishPrompt, user);
                answers++;
                String text = text(answer);
                violations = text == null ? List.of("答复不是约定的JSON格式（{\"text\": \"…\"}）") : PolishGuard.check(data, template, text);
                if (violations.isEmpty()) {
                    cache.put(key, POLISH_PROMPT, client.settings().model(), text);
                    accepted.incrementAndGet();
                    return new Result(text, true, null, POLISH_PROMPT, client.settings().model(), answers, client.calls() - callsBefore);
                }
                feedback = "你上一次的答复不符合要求，问题如下，请改正后重新输出完整的JSON：\n- " + String.join("\n- ", violations);
            }
            return fallback(template, "模型答复两次未通过核对，保留模板草稿：" + String.join("；", violations), answers, callsBefore);
        } catch (ModelClient.ModelFailure e) {
            return fallback(template, e.getMessage() + "，保留模板草稿", answers, callsBefore);
        }
    }

    /** One section to polish. */
    public record Request(YearData data, Draft template) {
    }

    /**
     * Polishes many sections, {@code narrator.llm.concurrency} model calls at a time; results in the order
     * asked. Each section falls back on its own.
     */
    public List<Result> polishAll(List<Request> requests) {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(client.settings().concurrency());
        try {
            List<java.util.concurrent.Future<Result>> futures = new java.util.ArrayList<>();
            for (Request r : requests) {
                futures.add(pool.submit(() -> polish(r.data(), r.template())));
            }
            List<Result> out = new java.util.ArrayList<>(futures.size());
            for (int i = 0; i < futures.size(); i++) {
                try {
                    out.add(futures.get(i).get());
                } catch (java.util.concurrent.ExecutionException e) {
                    out.add(fallback(requests.get(i).template(), "润色失败：" + e.getCause().getMessage() + "，保留模板草稿", 0, client.calls()));
                }
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelClient.ModelFailure("润色被中断");
        } finally {
            pool.shutdownNow();
        }
    }

    private Result fallback(Draft template, String reason, int answers, long callsBefore) {
        fallbacks.incrementAndGet();
        return new Result(template.text(), false, reason, POLISH_PROMPT, client.settings().model(), answers, client.calls() - callsBefore);
    }

    /** The facts as structured data beside the draft, so the model knows what each number is. */
    static String polishRequest(Draft template) {
        ObjectNode request = MAPPER.createObjectNode();
        request.put("section", template.title());
        request.put("draft", template.text());
        ArrayNode facts = request.putArray("facts");
        for (Draft.PlacedFact placed : template.facts()) {
            ObjectNode fact = facts.addObject();
            fact.put("printed", placed.fact().display());
            fact.put("subject", placed.fact().subject());
            fact.put("field", placed.fact().field());
        }
        ArrayNode gaps = request.putArray("gaps");
        template.missing().forEach(g -> gaps.add(g.description()));
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The "text" of a JSON answer (a ```json fence tolerated); null when the answer is not that. */
    static String text(String answer) {
        String s = unfenced(answer);
        try {
            JsonNode node = MAPPER.readTree(s);
            JsonNode text = node == null ? null : node.get("text");
            return text != null && text.isTextual() && !text.asText().isBlank() ? text.asText() : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** A model's JSON answer without the ```json fence some models put around it. */
    static String unfenced(String answer) {
        String s = answer.strip();
        if (s.startsWith("```")) {
            int start = s.indexOf('\n');
            int end = s.lastIndexOf("```");
            return start >= 0 && end > start ? s.substring(start + 1, end).strip() : "";
        }
        return s;
    }

    /** A prompt (or other resource) as UTF-8 text. */
    static String resource(String path) {
        try (InputStream in = ModelDrafter.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
