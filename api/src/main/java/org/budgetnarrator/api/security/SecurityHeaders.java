package org.budgetnarrator.api.security;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

/**
 * Headers that keep the pages from being framed (clickjacking), sniffed into another type, or made to run scripts
 * from elsewhere, on every answer, errors included (this filter runs outside the security filter).
 * <ul>
 * <li>/app/: the officers' page loads only its own modules and styles and talks only to this server.</li>
 * <li>/graphiql: GraphiQL's scripts and styles from webjars and its page's from /graphiql-page/ (no inline script or
 * style: React and CodeMirror set styles through the DOM, which the policy allows).</li>
 * <li>everything else (JSON, downloads): no content may load at all.</li>
 * </ul>
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class SecurityHeaders implements Ordered {

    static final String APP_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    static final String GRAPHIQL_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; "
            + "frame-ancestors 'none'";
    static final String DEFAULT_POLICY = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    @ResponseFilter
    public void headers(HttpRequest<?> request, MutableHttpResponse<?> response) {
        String path = request.getPath();
        response.getHeaders().set("Content-Security-Policy", policy(path));
        response.getHeaders().set("X-Frame-Options", "DENY");
        response.getHeaders().set("X-Content-Type-Options", "nosniff");
        response.getHeaders().set("Referrer-Policy", "no-referrer");
    }

    static String policy(String path) {
        if (path.equals("/app") || path.startsWith("/app/")) {
            return APP_POLICY;
        }
        if (path.equals("/graphiql") || path.startsWith("/graphiql/")) {
            return GRAPHIQL_POLICY;
        }
        return DEFAULT_POLICY;
    }

    @Override
    public int getOrder() {
        // Before the security filter, so that its 401 and 403 answers get the headers too.
        return ServerFilterPhase.FIRST.order();
    }
}
