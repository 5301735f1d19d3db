package org.budgetnarrator.api.ops;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micronaut.context.BeanProvider;
import jakarta.inject.Singleton;
import org.budgetnarrator.drafting.llm.ModelClient;
import org.budgetnarrator.drafting.llm.ModelDrafter;

/** The language model on /prometheus: calls and failed calls, and how polished sections ended. */
@Singleton
public class ModelMetrics implements MeterBinder {

    private final ModelClient client;
    // Looked up when scraped: the drafter needs the database, whose pool needs the registry this binds to.
    private final BeanProvider<ModelDrafter> drafter;

    public ModelMetrics(ModelClient client, BeanProvider<ModelDrafter> drafter) {
        this.client = client;
        this.drafter = drafter;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        FunctionCounter.builder("narrator.model.calls", client, ModelClient::calls)
                .description("HTTP calls to the language model, retries included").register(registry);
        FunctionCounter.builder("narrator.model.call.failures", client, ModelClient::failedCalls)
                .description("Model calls that timed out, were refused or could not be read").register(registry);
        FunctionCounter.builder("narrator.model.polish", drafter, d -> d.get().accepted()).tag("outcome", "accepted")
                .description("Polished sections: the model's text taken, answered from the cache, or the template kept").register(registry);
        FunctionCounter.builder("narrator.model.polish", drafter, d -> d.get().fromCache()).tag("outcome", "cached").register(registry);
        FunctionCounter.builder("narrator.model.polish", drafter, d -> d.get().fallbacks()).tag("outcome", "fallback").register(registry);
    }
}
