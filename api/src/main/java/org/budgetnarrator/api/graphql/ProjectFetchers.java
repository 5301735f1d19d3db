package org.budgetnarrator.api.graphql;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import jakarta.inject.Singleton;
import org.budgetnarrator.model.domain.Indicator;
import org.budgetnarrator.model.domain.Project;
import org.budgetnarrator.model.measure.Measures;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Project's computed and nested fields. */
@Singleton
public class ProjectFetchers {

    DataFetcher<Project> parent() {
        return env -> scope(env) == null ? null : scope(env).parentOf(project(env));
    }

    DataFetcher<List<Project>> subprojects() {
        return env -> scope(env) == null ? List.of() : scope(env).childrenOf(project(env));
    }

    /** 执行率 (Measures.executionRate). */
    DataFetcher<Object> executionRate() {
        return env -> {
            Project p = project(env);
            return Rates.shown(Measures.executionRate(p.executed(), p.adjustedBudget(), p.initialBudget()), env);
        };
    }

    DataFetcher<List<Map<String, Object>>> spendingPlan() {
        return env -> {
            Project p = project(env);
            List<Map<String, Object>> plan = new ArrayList<>();
            add(plan, 3, p.planMarch());
            add(plan, 6, p.planJune());
            add(plan, 10, p.planOctober());
            add(plan, 12, p.planDecember());
            return plan;
        };
    }

    private static void add(List<Map<String, Object>> plan, int month, BigDecimal percent) {
        if (percent != null) {
            plan.add(Map.of("month", month, "percent", percent));
        }
    }

    DataFetcher<CompletableFuture<List<Indicator>>> indicators() {
        return env -> env.<Long, List<Indicator>>getDataLoader(Loaders.PROJECT_INDICATORS).load(project(env).id());
    }

    DataFetcher<BigDecimal> initialBudgetTotal() {
        return env -> {
            Connections.Page<?> page = env.getSource();
            @SuppressWarnings("unchecked")
            List<Project> matching = (List<Project>) page.source();
            BigDecimal sum = null;
            for (Project p : matching) {
                if (p.initialBudget() != null) {
                    sum = sum == null ? p.initialBudget() : sum.add(p.initialBudget());
                }
            }
            return sum;
        };
    }

    DataFetcher<Integer> totalCount() {
        return env -> ((List<?>) env.<Connections.Page<?>>getSource().source()).size();
    }

    private static Project project(DataFetchingEnvironment env) {
        return env.getSource();
    }

    private static ProjectScope scope(DataFetchingEnvironment env) {
        return env.getLocalContext() instanceof ProjectScope s ? s : null;
    }
}
