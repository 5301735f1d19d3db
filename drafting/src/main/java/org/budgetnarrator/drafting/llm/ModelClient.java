package org.budgetnarrator.drafting.llm;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Calls the configured chat model through LangChain4j, at most {@code narrator.llm.concurrency} calls at a
 * time. Timeouts, server errors and rate limits are retried with backoff (a 429's Retry-After is obeyed);
 * when the retries are spent it throws {@link ModelFailure} saying why, and the caller falls back to the
 * template draft.
 */
@Singleton
public class ModelClient {

    private static final Logger LOG = LoggerFactory.getLogger(ModelClient.class);

    /** The model gave no usable answer; the message says why, for the officer. */
    public static class ModelFailure extends RuntimeException {
        public ModelFailure(String message) {
            super(message);
        }
    }

    private final ModelSettings settings;
    private final Duration backoff;
    private final Semaphore permits;
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong failedCalls = new AtomicLong();
    private volatile ChatModel model;

    public ModelClient(ModelSettings settings, @Value("${narrator.llm.backoff:1s}") Duration backoff) {
        this.settings = settings;
        this.backoff = backoff;
        this.permits = new Semaphore(settings.concurrency());
    }

    public ModelSettings settings() {
        return settings;
    }

    /** Calls that failed (timeout, HTTP error, unreadable answer), each retry counted. */
    public long failedCalls() {
        return failedCalls.get();
    }

    /** HTTP calls made to the model so far (retries included). */
    public long calls() {
        return calls.get();
    }

    private ChatModel model() {
        if (model == null) {
            synchronized (this) {
                if (model == null) {
                    model = OpenAiChatModel.builder()
                            .httpClientBuilder(new ModelHttpClient.Builder())
                            .baseUrl(settings.baseUrl())
                            .apiKey(settings.apiKey())
                            .modelName(settings.model())
                            .timeout(settings.timeout())
                            .temperature(0.2)
                            .maxRetries(0) // retried here, where Retry-After is known
                            .build();
                }
            }
        }
        return model;
    }

    /** The model's answer to a system and a user message. */
    public String chat(String system, String user) {
        String missing = settings.missing();
        if (missing != null) {
            throw new ModelFailure("未配置语言模型：缺少设置 " + missing);
        }
        List<ChatMessage> messages = List.of(SystemMessage.from(system), UserMessage.from(user));
        String lastProblem = null;
        for (int attempt = 0; attempt <= settings.retries(); attempt++) {
            Duration wait = null;
            try {
                permits.acquire();
                try {
                    calls.incrementAndGet();
                    String text = model().chat(messages).aiMessage().text();
                    if (text == null || text.isBlank()) {
                        lastProblem = "模型返回了空答复";
                    } else {
                        return text;
                    }
                } finally {
                    permits.release();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ModelFailure("调用语言模型时被中断");
            } catch (RuntimeException e) {
                failedCalls.incrementAndGet();
                ModelHttpClient.RefusedException refused = find(e, ModelHttpClient.RefusedException.class);
                if (refused != null) {
                    int status = refused.statusCode();
                    if (status == 429) {
                        lastProblem = "语言模型服务限流（HTTP 429）";
                        wait = refused.retryAfter();
                    } else if (status >= 500) {
                        lastProblem = "语言模型服务出错（HTTP " + status + "）";
                    } else {
                        // 400, 401, 404: a wrong key, model name or request; retrying cannot help.
                        throw new ModelFailure("语言模型服务拒绝请求（HTTP " + status + "）：" + abbreviate(refused.getMessage()));
                    }
                } else if (find(e, ModelHttpClient.TimedOutException.class) != null
                        || find(e, java.net.http.HttpTimeoutException.class) != null) {
                    lastProblem = "语言模型在" + settings.timeout().toSeconds() + "秒内未答复";
                } else {
                    lastProblem = "语言模型答复无法读取（" + abbreviate(e.getMessage()) + "）";
                }
                LOG.warn("model call failed (attempt {} of {}): {}", attempt + 1, settings.retries() + 1, lastProblem);
            }
            if (attempt < settings.retries()) {
                sleep(wait != null ? wait : backoff.multipliedBy(1L << attempt));
            }
        }
        throw new ModelFailure(lastProblem + "，已尝试" + (settings.retries() + 1) + "次");
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(Math.min(d.toMillis(), 60_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelFailure("调用语言模型时被中断");
        }
    }

    private static String abbreviate(String s) {
        if (s == null) {
            return "";
        }
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }

    private static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
