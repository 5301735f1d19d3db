package org.budgetnarrator.drafting.llm;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.Duration;

/**
 * The language model's settings (narrator.llm.*, or NARRATOR_LLM_BASE_URL …): any OpenAI-compatible chat
 * endpoint — DeepSeek, Qwen (DashScope compatible mode), a local Ollama or vLLM.
 */
@Singleton
public class ModelSettings {

    private final String baseUrl;
    private final String model;
    private final String apiKey;
    private final Duration timeout;
    private final int concurrency;
    private final int retries;

    public ModelSettings(@Nullable @Value("${narrator.llm.base-url:}") String baseUrl,
                         @Nullable @Value("${narrator.llm.model:}") String model,
                         @Nullable @Value("${narrator.llm.api-key:}") String apiKey,
                         @Value("${narrator.llm.timeout:60s}") Duration timeout,
                         @Value("${narrator.llm.concurrency:16}") int concurrency,
                         @Value("${narrator.llm.retries:3}") int retries) {
        this.baseUrl = blankToNull(baseUrl);
        this.model = blankToNull(model);
        this.apiKey = blankToNull(apiKey);
        this.timeout = timeout;
        this.concurrency = Math.max(1, concurrency);
        this.retries = Math.max(0, retries);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** What is missing for model modes to work; null when configured. */
    public String missing() {
        if (baseUrl == null) {
            return "narrator.llm.base-url (NARRATOR_LLM_BASE_URL)";
        }
        if (model == null) {
            return "narrator.llm.model (NARRATOR_LLM_MODEL)";
        }
        return null;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public String model() {
        return model;
    }

    /** Local servers (Ollama, vLLM) take any key. */
    public String apiKey() {
        return apiKey == null ? "none" : apiKey;
    }

    public Duration timeout() {
        return timeout;
    }

    public int concurrency() {
        return concurrency;
    }

    public int retries() {
        return retries;
    }
}
