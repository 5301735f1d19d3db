package org.budgetnarrator.api.jobs;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

import java.net.URI;

/**
 * /app is the officers' page (static files under /app/, resources app/). /app and /app/ (one route to Micronaut) lead
 * to its index.html; a link's #/CODE/YEAR survives the redirect.
 */
@Controller
public class AppController {

    @Get("/app")
    public HttpResponse<?> app() {
        return HttpResponse.redirect(URI.create("/app/index.html"));
    }
}
