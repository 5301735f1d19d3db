package org.budgetnarrator.api.graphql;

import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import jakarta.inject.Singleton;
import org.budgetnarrator.model.domain.AccountLine;
import org.budgetnarrator.model.domain.DataNote;
import org.budgetnarrator.model.domain.Department;
import org.budgetnarrator.model.domain.DepartmentYear;
import org.budgetnarrator.model.domain.IncomeLine;
import org.budgetnarrator.model.domain.Indicator;
import org.budgetnarrator.model.domain.Project;
import org.budgetnarrator.model.domain.StoredDocument;
import org.budgetnarrator.model.domain.ThreePublicLine;
import org.budgetnarrator.model.domain.VehicleHolding;
import org.budgetnarrator.model.measure.Measures;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** DepartmentYear's nested fields, each through a DataLoader keyed by the department-year. */
@Singleton
public class YearFetchers {

    private static final Map<String, Integer> LEVELS = Map.of("CLASS", 1, "SECTION", 2, "ITEM", 3);

    DataFetcher<CompletableFuture<Department>> department() {
        return env -> env.<Long, Department>getDataLoader(Loaders.DEPARTMENT).load(year(env).departmentId());
    }

    DataFetcher<CompletableFuture<DepartmentYear>> previousYear() {
        return env -> env.<DepartmentYear, DepartmentYear>getDataLoader(Loaders.PREVIOUS_YEAR).load(year(env));
    }

    DataFetcher<DepartmentYear> summary() {
        return DataFetchingEnvironment::getSource;
    }

    DataFetcher<CompletableFuture<DataFetcherResult<List<IncomeLine>>>> incomes() {
        return env -> incomeLines(env).thenApply(lines ->
                DataFetcherResult.<List<IncomeLine>>newResult().data(lines).localContext(new IncomeScope(lines)).build());
    }

    DataFetcher<CompletableFuture<BigDecimal>> incomeTotal() {
        return env -> incomeLines(env).thenApply(lines -> new IncomeScope(lines).total());
    }

    private CompletableFuture<List<IncomeLine>> incomeLines(DataFetchingEnvironment env) {
        return env.<Long, List<IncomeLine>>getDataLoader(Loaders.INCOMES).load(year(env).id());
    }

    DataFetcher<CompletableFuture<DataFetcherResult<List<AccountLine>>>> accounts() {
        return env -> {
            String classification = env.getArgument("classification");
            String level = env.getArgument("level");
            DepartmentYear year = year(env);
            return env.<Long, List<AccountLine>>getDataLoader(Loaders.ACCOUNTS).load(year.id()).thenApply(lines -> {
                AccountScope scope = new AccountScope(year, lines);
                List<AccountLine> shown = scope.sorted(classification).stream()
                        .filter(l -> level == null || l.level().equals(LEVELS.get(level)))
                        .toList();
                return DataFetcherResult.<List<AccountLine>>newResult().data(shown).localContext(scope).build();
            });
        };
    }

    DataFetcher<CompletableFuture<DataFetcherResult<AccountLine>>> account() {
        return env -> {
            String code = env.getArgument("code");
            String classification = env.getArgument("classification");
            DepartmentYear year = year(env);
            return env.<Long, List<AccountLine>>getDataLoader(Loaders.ACCOUNTS).load(year.id()).thenApply(lines -> {
                AccountScope scope = new AccountScope(year, lines);
                return DataFetcherResult.<AccountLine>newResult()
                        .data(scope.byCode(classification == null ? "FUNCTIONAL" : classification, code))
                        .localContext(scope).build();
            });
        };
    }

    DataFetcher<CompletableFuture<List<ThreePublicLine>>> threePublic() {
        return env -> env.<Long, List<ThreePublicLine>>getDataLoader(Loaders.THREE_PUBLIC).load(year(env).id());
    }

    DataFetcher<CompletableFuture<List<VehicleHolding>>> vehicles() {
        return env -> env.<Long, List<VehicleHolding>>getDataLoader(Loaders.VEHICLES).load(year(env).id());
    }

    DataFetcher<CompletableFuture<DataFetcherResult<Connections.Page<Project>>>> projects() {
        return env -> {
            int first = Connections.first(env.getArgument("first"));
            String after = Connections.decode("project", env.getArgument("after"));
            Map<String, Object> filter = env.getArgument("filter");
            return env.<Long, List<Project>>getDataLoader(Loaders.PROJECTS).load(year(env).id()).thenApply(all -> {
                ProjectScope scope = new ProjectScope(all);
                List<Project> matching = all.stream().filter(p -> matches(p, filter)).toList();
                int start = 0;
                if (after != null) {
                    start = matching.size();
                    for (int i = 0; i < matching.size(); i++) {
                        if (String.valueOf(matching.get(i).seq()).equals(after)) {
                            start = i + 1;
                            break;
                        }
                    }
                }
                List<Project> rest = matching.subList(start, matching.size());
                List<Project> window = rest.subList(0, Math.min(rest.size(), first + 1));
                Connections.Page<Project> page = Connections.page(window, first, after != null, "project",
                        p -> String.valueOf(p.seq()), matching);
                return DataFetcherResult.<Connections.Page<Project>>newResult().data(page).localContext(scope).build();
            });
        };
    }

    private static boolean matches(Project p, Map<String, Object> filter) {
        if (filter == null) {
            return true;
        }
        String name = (String) filter.get("nameContains");
        String category = (String) filter.get("category");
        return (name == null || p.name().contains(name)) && (category == null || category.equals(p.category()));
    }

    DataFetcher<CompletableFuture<List<Indicator>>> indicators() {
        return env -> env.<Long, List<Indicator>>getDataLoader(Loaders.YEAR_INDICATORS).load(year(env).id());
    }

    DataFetcher<CompletableFuture<List<StoredDocument>>> documents() {
        return env -> env.<Long, List<StoredDocument>>getDataLoader(Loaders.DOCUMENTS).load(year(env).id());
    }

    DataFetcher<CompletableFuture<List<DataNote>>> notes() {
        return env -> env.<Long, List<DataNote>>getDataLoader(Loaders.NOTES).load(year(env).id());
    }

    DataFetcher<Object> executionRate() {
        return env -> Rates.shown(Measures.executionRate(year(env).executed(), year(env).adjustedBudget(), year(env).initialBudget()), env);
    }

    private static DepartmentYear year(DataFetchingEnvironment env) {
        return env.getSource();
    }
}
