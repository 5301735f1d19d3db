package org.budgetnarrator.api.graphql;

import graphql.schema.DataFetcher;
import org.budgetnarrator.api.security.Access;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.budgetnarrator.model.domain.Department;
import org.budgetnarrator.model.repo.DepartmentPages;
import org.budgetnarrator.model.repo.DepartmentRepository;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/** Query.department and Query.departments (and the connection's totalCount). */
@Singleton
public class QueryFetchers {

    private final DepartmentRepository departments;
    private final DepartmentPages pages;
    private final Executor executor;

    public QueryFetchers(DepartmentRepository departments, DepartmentPages pages,
                         @Named(TaskExecutors.BLOCKING) Executor executor) {
        this.departments = departments;
        this.pages = pages;
        this.executor = executor;
    }

    DataFetcher<CompletableFuture<Department>> department() {
        return env -> {
            Access.readPublished(env);
            String code = env.getArgument("code");
            return Blocking.run(() -> departments.findByCode(code).orElse(null), executor);
        };
    }

    DataFetcher<CompletableFuture<Connections.Page<Department>>> departments() {
        return env -> {
            Access.readPublished(env);
            int first = Connections.first(env.getArgument("first"));
            String after = Connections.decode("department", env.getArgument("after"));
            DepartmentPages.Filter filter = filter(env.getArgument("filter"));
            return Blocking.run(() -> {
                List<Department> items = first == 0 ? List.of() : pages.page(filter, after, first + 1);
                return Connections.page(items, first, after != null, "department", Department::code, filter);
            }, executor);
        };
    }

    DataFetcher<CompletableFuture<Long>> totalCount() {
        return env -> {
            Connections.Page<?> page = env.getSource();
            DepartmentPages.Filter filter = (DepartmentPages.Filter) page.source();
            return Blocking.run(() -> pages.count(filter), executor);
        };
    }

    static DepartmentPages.Filter filter(Map<String, Object> input) {
        if (input == null) {
            return DepartmentPages.Filter.NONE;
        }
        Object level = input.get("level");
        return new DepartmentPages.Filter((String) input.get("nameContains"), level == null ? null : level.toString(),
                (String) input.get("region"));
    }
}
