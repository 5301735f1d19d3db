package org.budgetnarrator.api.graphql;

import graphql.schema.DataFetcher;
import jakarta.inject.Singleton;
import org.budgetnarrator.model.domain.BudgetUnit;
import org.budgetnarrator.model.domain.Department;
import org.budgetnarrator.model.domain.DepartmentYear;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Department's nested fields, each through a DataLoader. */
@Singleton
public class DepartmentFetchers {

    DataFetcher<CompletableFuture<List<BudgetUnit>>> budgetUnits() {
        return env -> env.<Long, List<BudgetUnit>>getDataLoader(Loaders.UNITS).load(env.<Department>getSource().id());
    }

    DataFetcher<CompletableFuture<List<DepartmentYear>>> departmentYears() {
        return env -> env.<Long, List<DepartmentYear>>getDataLoader(Loaders.YEARS).load(env.<Department>getSource().id());
    }

    DataFetcher<CompletableFuture<List<Integer>>> years() {
        return env -> departmentYears().get(env).thenApply(years -> years.stream().map(DepartmentYear::year).toList());
    }

    DataFetcher<CompletableFuture<DepartmentYear>> year() {
        return env -> {
            int year = env.getArgument("year");
            return departmentYears().get(env).thenApply(years ->
                    years.stream().filter(y -> y.year() == year).findFirst().orElse(null));
        };
    }
}
