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

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;

/** API tokens for scripts (Authorization: Bearer nrt_…): looked up by hash, on the blocking executor. */
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
        if (token == null || !token.startsWith("nrt_")) {
            return Flux.empty();
        }
        return Mono.fromCallable(() -> users.byToken(token).map(u -> Authentication.build(u.username(), List.of(u.role()),
                        u.departmentCode() == null ? Map.of() : Map.<String, Object>of(Access.DEPARTMENT, u.departmentCode()))).orElse(null))
                .subscribeOn(Schedulers.fromExecutorService(executor));
    }
}
