package org.budgetnarrator.api.security;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.inject.ExecutableMethod;
import io.micronaut.management.endpoint.EndpointSensitivityProcessor;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.ConfigurationInterceptUrlMapRule;
import io.micronaut.security.rules.SecurityRuleResult;
import io.micronaut.security.rules.SensitiveEndpointRule;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * Management endpoints: a sensitive one (every endpoint but /health, see application.yml's {@code endpoints}) needs
 * an administrator, by JWT or API token. Checked before the URL map, whose {@code /**} rule leaves the rest of the
 * application's access to the GraphQL layer ({@link Access}) and would otherwise let anyone in.
 */
@Singleton
@Replaces(SensitiveEndpointRule.class)
public class ManagementAccess extends SensitiveEndpointRule {

    public static final String ADMIN = "ADMIN";

    public ManagementAccess(EndpointSensitivityProcessor endpointSensitivityProcessor) {
        super(endpointSensitivityProcessor);
    }

    @Override
    public int getOrder() {
        return ConfigurationInterceptUrlMapRule.ORDER - 1;
    }

    @Override
    protected Publisher<SecurityRuleResult> checkSensitiveAuthenticated(HttpRequest<?> request, Authentication authentication,
                                                                        ExecutableMethod<?, ?> method) {
        return Mono.just(isAdmin(authentication) ? SecurityRuleResult.ALLOWED : SecurityRuleResult.REJECTED);
    }

    static boolean isAdmin(Object principal) {
        return principal instanceof Authentication a && a.getRoles().contains(ADMIN);
    }
}
