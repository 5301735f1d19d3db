package org.budgetnarrator.api.ops;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import org.budgetnarrator.drafting.llm.ModelSettings;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The language model endpoint on /health: whether one is configured and whether it answers (GET …/models).
 * Always UP: the model is optional and TEMPLATE drafting never needs it; an unreachable model shows in the
 * details and model modes fall back to the template.
 */
@Singleton
public class ModelHealth implements HealthIndicator {

    private final ModelSettings settings;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public ModelHealth(ModelSettings settings) {
        this.settings = settings;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        return Mono.fromCallable(this::check).subscribeOn(Schedulers.boundedElastic());
    }

    private HealthResult check() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("configured", settings.missing() == null);
        if (settings.missing() != null) {
            details.put("missing", settings.missing());
        } else {
            details.put("model", settings.model());
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(settings.baseUrl().replaceAll("/+$", "") + "/models"))
                        .header("Authorization", "Bearer " + settings.apiKey()).timeout(Duration.ofSeconds(3)).GET().build(),
                        HttpResponse.BodyHandlers.discarding());
                details.put("reachable", response.statusCode() < 500);
                details.put("status", response.statusCode());
            } catch (java.io.IOException e) {
                details.put("reachable", false);
                details.put("error", e.getClass().getSimpleName());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                details.put("reachable", false);
            }
        }
        return HealthResult.builder("model", HealthStatus.UP).details(details).build();
    }
}
