package org.budgetnarrator.api.jobs;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import org.budgetnarrator.drafting.llm.ModelSettings;

import java.net.URI;

/**
 * /app is the officers' page (static files under /app/, resources app/). /app and /app/ (one route to Micronaut) lead
 * to its index.html; a link's #/CODE/YEAR survives the redirect.
 */
@Controller
public class AppController {

    /** What the page offers a signed-in user: the model's buttons only when a language model is configured. */
    public record Features(boolean model) {
    }

    private final ModelSettings model;

    public AppController(ModelSettings model) {
        this.model = model;
    }

    @Get("/app")
    public HttpResponse<?> app() {
        return HttpResponse.redirect(URI.create("/app/index.html"));
    }

    // /health's details (where this was read before) are for administrators only.
    @Get("/app/features")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    public Features features() {
        return new Features(model.missing() == null);
    }
}
