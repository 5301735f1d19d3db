package org.budgetnarrator.api.graphql;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import io.micronaut.configuration.graphql.DefaultGraphQLInvocation;
import io.micronaut.configuration.graphql.GraphQLExecutionInputCustomizer;
import io.micronaut.configuration.graphql.GraphQLInvocation;
import io.micronaut.configuration.graphql.GraphQLInvocationData;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.budgetnarrator.drafting.audit.Deadline;
import org.dataloader.DataLoaderRegistry;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Runs each GraphQL operation on the blocking executor rather than the event loop: the data fetchers and
 * DataLoader batches read the database with blocking JDBC, and batches run in the thread that dispatches
 * them, which keeps the number of statements per request fixed.
 */
@Singleton
@Replaces(DefaultGraphQLInvocation.class)
public class BlockingGraphQLInvocation implements GraphQLInvocation {

    private final GraphQL graphQL;
    private final GraphQLExecutionInputCustomizer customizer;
    private final BeanProvider<DataLoaderRegistry> registries;
    private final Executor executor;
    private final boolean publicRead;
    private final Limits limits;

    public BlockingGraphQLInvocation(GraphQL graphQL, GraphQLExecutionInputCustomizer customizer,
                                     BeanProvider<DataLoaderRegistry> registries, @Named(TaskExecutors.BLOCKING) Executor executor,
                                     @io.micronaut.context.annotation.Value("${narrator.security.public-read:false}") boolean publicRead,
                                     Limits limits) {
        this.graphQL = graphQL;
        this.customizer = customizer;
        this.registries = registries;
        this.executor = executor;
        this.publicRead = publicRead;
        this.limits = limits;
    }

    @Override
    public Publisher<ExecutionResult> invoke(GraphQLInvocationData data, HttpRequest httpRequest,
                                             MutableHttpResponse<String> httpResponse) {
        ExecutionInput input = ExecutionInput.newExecutionInput()
                .query(data.getQuery())
                .operationName(data.getOperationName())
                .variables(data.getVariables())
                .dataLoaderRegistry(registries.get())
                .graphQLContext(context -> {
                    // Who is asking, for the access checks of the fetchers (org.budgetnarrator.api.security.Access).
                    httpRequest.getUserPrincipal(io.micronaut.security.authentication.Authentication.class)
                            .ifPresent(a -> context.put(org.budgetnarrator.api.security.Access.AUTHENTICATION, a));
                    context.put(org.budgetnarrator.api.security.Access.PUBLIC_READ, publicRead);
                    // The request's time limit, from now: the fields' long computations stop at it (AuditFetchers).
                    context.put(Deadline.class, limits.deadline());
                })
                .build();
        return Flux.from(customizer.customize(input, httpRequest, httpResponse))
                .flatMap(customized -> Mono.fromFuture(() -> CompletableFuture
                        .supplyAsync(() -> graphQL.executeAsync(customized), executor)
                        .thenCompose(result -> result)));
    }
}
