package org.budgetnarrator.api.graphql;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import jakarta.inject.Singleton;
import org.budgetnarrator.model.domain.AccountLine;
import org.budgetnarrator.model.measure.Measures;
import org.budgetnarrator.model.domain.DepartmentYear;
import org.budgetnarrator.model.domain.IncomeLine;
import org.budgetnarrator.model.domain.ThreePublicLine;
import org.budgetnarrator.model.imports.ImportFormat;

import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Computed fields of account, income and "三公" lines: rates and changes, from stored figures only. */
@Singleton
public class LineFetchers {

    private static final String[] LEVELS = {null, "CLASS", "SECTION", "ITEM"};

    // --- AccountLine

    DataFetcher<String> accountLevel() {
        return env -> LEVELS[line(env).level()];
    }

    DataFetcher<Boolean> derived() {
        return env -> Boolean.TRUE.equals(line(env).derived());
    }

    DataFetcher<AccountLine> parent() {
        return env -> line(env).parentCode() == null ? null : scope(env).byCode(line(env).classification(), line(env).parentCode());
    }

    DataFetcher<List<AccountLine>> children() {
        return env -> scope(env).children(line(env));
    }

    DataFetcher<Object> accountExecutionRate() {
        return env -> Rates.shown(Measures.executionRate(line(env).actual(), line(env).adjustedBudget(), line(env).initialBudget()), env);
    }

    DataFetcher<Object> completionOfInitialBudget() {
        return env -> Rates.shown(Measures.completionOfInitialBudget(line(env).actual(), line(env).initialBudget()), env);
    }

    DataFetcher<Object> share() {
        return env -> Rates.percent(line(env).actual(), scope(env).total(line(env).classification()), env);
    }

    DataFetcher<CompletableFuture<BigDecimal>> previousActual() {
        return env -> previous(env, line(env));
    }

    DataFetcher<CompletableFuture<BigDecimal>> accountYoyChange() {
        return env -> previous(env, line(env)).thenApply(before -> Rates.change(line(env).actual(), before));
    }

    DataFetcher<CompletableFuture<Object>> accountYoyRate() {
        return env -> previous(env, line(env)).thenApply(before ->
                Rates.shown(Measures.changeRate(line(env).actual(), before), env));
    }

    /**
     * Last year's actual of the same line: from the stored previous department-year when there is one,
     * else the figure this year's source states.
     */
    private CompletableFuture<BigDecimal> previous(DataFetchingEnvironment env, AccountLine line) {
        DepartmentYear year = scope(env).year();
        return env.<DepartmentYear, List<AccountLine>>getDataLoader(Loaders.PREVIOUS_ACCOUNTS).load(year).thenApply(lines -> {
            if (lines.isEmpty()) {
                return line.previousActual();
            }
            return lines.stream()
                    .filter(l -> l.classification().equals(line.classification()) && l.code().equals(line.code()))
                    .map(AccountLine::actual).findFirst().orElse(line.previousActual());
        });
    }

    private static AccountLine line(DataFetchingEnvironment env) {
        return env.getSource();
    }

    private static AccountScope scope(DataFetchingEnvironment env) {
        return env.getLocalContext();
    }

    // --- IncomeLine

    DataFetcher<String> incomeName() {
        return env -> ImportFormat.INCOMES.field("source").orElseThrow().choices().get(env.<IncomeLine>getSource().source());
    }

    DataFetcher<BigDecimal> incomeYoyChange() {
        return env -> Rates.change(env.<IncomeLine>getSource().amount(), env.<IncomeLine>getSource().previousAmount());
    }

    DataFetcher<Object> incomeYoyRate() {
        return env -> {
            IncomeLine l = env.getSource();
            return Rates.shown(Measures.changeRate(l.amount(), l.previousAmount()), env);
        };
    }

    DataFetcher<Object> incomeShare() {
        return env -> {
            IncomeLine l = env.getSource();
            if (IncomeScope.NOT_INCOME_OF_YEAR.contains(l.source())) {
                return null;
            }
            IncomeScope scope = env.getLocalContext();
            return Rates.percent(l.amount(), scope.total(), env);
        };
    }

    // --- ThreePublicLine

    DataFetcher<String> threePublicName() {
        return env -> ImportFormat.THREE_PUBLIC.field("item").orElseThrow().choices().get(env.<ThreePublicLine>getSource().item());
    }

    DataFetcher<Object> completionRate() {
        return env -> Rates.percent(env.<ThreePublicLine>getSource().actual(), env.<ThreePublicLine>getSource().budget(), env);
    }

    DataFetcher<BigDecimal> threePublicYoyChange() {
        return env -> Rates.change(env.<ThreePublicLine>getSource().actual(), env.<ThreePublicLine>getSource().previousActual());
    }

    DataFetcher<Object> threePublicYoyRate() {
        return env -> {
            ThreePublicLine l = env.getSource();
            return Rates.shown(Measures.changeRate(l.actual(), l.previousActual()), env);
        };
    }
}
