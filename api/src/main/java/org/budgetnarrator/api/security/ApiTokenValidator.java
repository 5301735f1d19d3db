package org.budgetnarrator.api.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.validator.TokenValidator;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.budgetnarrator.model.store.UserStore;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutorService;

/**
 * API tokens for scripts (Authorization: Bearer nrt_…): looked up by hash on the blocking executor, on every
 * request, with their user: a revoked or expired token, or one whose user is disabled, is refused; the role and
 * department are the user's as stored now.
 */
@Singleton
public class ApiTokenValidator implements TokenValidator<HttpRequest<?>> {

    private final UserStore users;
    private final ExecutorService executor;

    public ApiTokenValidator(UserStore users, @Named(TaskExecutors.BLOCKING) ExecutorService executor) {
        this.users = users;
        this.executor = executor;
    }

    @Override
    public Publisher<Authentication> validateToken(String token, @Nullable HttpRequest<?> request) {
        // 32 random bytes in base64url after the prefix: anything longer is not ours and is not hashed.
        if (token == null || !token.startsWith("nrt_") || token.length() > 100) {
            return Flux.empty();
        }
        return Mono.fromCallable(() -> owner(token)
                        .filter(owner -> owner.token().active(Instant.now()) && !owner.user().disabled() && owner.user().role() != null)
                        .map(owner -> Caller.authentication(owner.user(), Caller.Via.API_TOKEN))
                        .orElse(null))
                .subscribeOn(Schedulers.fromExecutorService(executor));
    }

    private Optional<UserStore.TokenOwner> owner(String token) {
        try {
            return users.byToken(token);
        } catch (RuntimeException e) {
            throw new SignInCheckUnavailableException(e);
        }
    }
}
