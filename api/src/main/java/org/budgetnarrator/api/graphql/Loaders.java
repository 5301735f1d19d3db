package org.budgetnarrator.api.graphql;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Prototype;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import org.budgetnarrator.model.domain.AccountLine;
import org.budgetnarrator.model.domain.BudgetUnit;
import org.budgetnarrator.model.domain.DataNote;
import org.budgetnarrator.model.domain.Department;
import org.budgetnarrator.model.domain.DepartmentYear;
import org.budgetnarrator.model.domain.IncomeLine;
import org.budgetnarrator.model.domain.Indicator;
import org.budgetnarrator.model.domain.Project;
import org.budgetnarrator.model.domain.PublishedRow;
import org.budgetnarrator.model.domain.TableLayout;
import org.budgetnarrator.model.domain.StoredDocument;
import org.budgetnarrator.model.domain.ThreePublicLine;
import org.budgetnarrator.model.domain.VehicleHolding;
import org.budgetnarrator.model.repo.BudgetUnitRepository;
import org.budgetnarrator.model.repo.ChildRows;
import org.budgetnarrator.model.repo.DataNoteRepository;
import org.budgetnarrator.model.repo.DepartmentRepository;
import org.budgetnarrator.model.repo.IncomeLineRepository;
import org.budgetnarrator.model.repo.StoredDocumentRepository;
import org.budgetnarrator.model.repo.ThreePublicLineRepository;
import org.budgetnarrator.model.repo.VehicleHoldingRepository;
import org.dataloader.DataLoader;
import org.dataloader.DataLoaderFactory;
import org.dataloader.DataLoaderRegistry;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * The per-request DataLoaders: every nested list is read for all its parents in one statement, so a
 * nested query costs the same number of statements over 5 departments as over 100. The batch
 * functions run JDBC on the blocking executor, never on the event loop.
 */
@Factory
public class Loaders {

    public static final String DEPARTMENT = "department";
    public static final String UNITS = "budgetUnits";
    public static final String YEARS = "years";
    public static final String PREVIOUS_YEAR = "previousYear";
    public static final String PREVIOUS_ACCOUNTS = "previousAccounts";
    public static final String INCOMES = "incomes";
    public static final String ACCOUNTS = "accounts";
    public static final String THREE_PUBLIC = "threePublic";
    public static final String VEHICLES = "vehicles";
    public static final String PROJECTS = "projects";
    public static final String YEAR_INDICATORS = "yearIndicators";
    public static final String PROJECT_INDICATORS = "projectIndicators";
    public static final String DOCUMENTS = "documents";
    public static final String NOTES = "notes";
    public static final String PUBLISHED = "publishedRows";
    public static final String LAYOUTS = "tableLayouts";

    private final Executor executor;
    private final DepartmentRepository departments;
    private final BudgetUnitRepository units;
    private final IncomeLineRepository incomes;
    private final ThreePublicLineRepository threePublic;
    private final VehicleHoldingRepository vehicles;
    private final StoredDocumentRepository documents;
    private final DataNoteRepository notes;
    private final ChildRows children;

    public Loaders(@Named(TaskExecutors.BLOCKING) Executor executor, DepartmentRepository departments,
                   BudgetUnitRepository units, IncomeLineRepository incomes, ThreePublicLineRepository threePublic,
                   VehicleHoldingRepository vehicles, StoredDocumentRepository documents, DataNoteRepository notes,
                   ChildRows children) {
        this.executor = executor;
        this.departments = departments;
        this.units = units;
        this.incomes = incomes;
        this.threePublic = threePublic;
        this.vehicles = vehicles;
        this.documents = documents;
        this.notes = notes;
        this.children = children;
    }

    /** A new registry for every GraphQL request: loaders cache only within one request. */
    @Prototype
    @Bean
    public DataLoaderRegistry registry() {
        DataLoaderRegistry registry = new DataLoaderRegistry();
        registry.register(DEPARTMENT, DataLoaderFactory.<Long, Department>newMappedDataLoader(ids -> async(() ->
                one(departments.findByIdIn(ids), Department::id))));
        registry.register(UNITS, grouped(units::findByDepartmentIdInOrderBySeq, BudgetUnit::departmentId));
        registry.register(YEARS, grouped(children::years, DepartmentYear::departmentId));
        registry.register(PREVIOUS_YEAR, DataLoaderFactory.<DepartmentYear, DepartmentYear>newMappedDataLoader(keys ->
                async(() -> previousYears(keys))));
        registry.register(PREVIOUS_ACCOUNTS, DataLoaderFactory.<DepartmentYear, List<AccountLine>>newMappedDataLoader(keys ->
                async(() -> previousAccounts(keys))));
        registry.register(INCOMES, grouped(incomes::findByDepartmentYearIdInOrderBySeq, IncomeLine::departmentYearId));
        registry.register(ACCOUNTS, grouped(children::accounts, AccountLine::departmentYearId));
        registry.register(THREE_PUBLIC, grouped(threePublic::findByDepartmentYearIdInOrderBySeq, ThreePublicLine::departmentYearId));
        registry.register(VEHICLES, grouped(vehicles::findByDepartmentYearIdInOrderBySeq, VehicleHolding::departmentYearId));
        registry.register(PROJECTS, grouped(children::projects, Project::departmentYearId));
        registry.register(YEAR_INDICATORS, grouped(children::yearIndicators, Indicator::departmentYearId));
        registry.register(PROJECT_INDICATORS, grouped(children::projectIndicators, Indicator::projectId));
        registry.register(DOCUMENTS, grouped(documents::findByDepartmentYearIdInOrderBySeq, StoredDocument::departmentYearId));
        registry.register(NOTES, grouped(notes::findByDepartmentYearIdInOrderBySeq, DataNote::departmentYearId));
        registry.register(PUBLISHED, grouped(children::published, PublishedRow::departmentYearId));
        registry.register(LAYOUTS, grouped(children::layouts, TableLayout::departmentYearId));
        return registry;
    }

    private <V> DataLoader<Long, List<V>> grouped(Function<Collection<Long>, List<V>> fetch, Function<V, Long> parent) {
        return DataLoaderFactory.newMappedDataLoader((Set<Long> ids) -> async(() -> {
            Map<Long, List<V>> byParent = new HashMap<>();
            for (Long id : ids) {
                byParent.put(id, new ArrayList<>());
            }
            for (V row : fetch.apply(ids)) {
                byParent.computeIfAbsent(parent.apply(row), k -> new ArrayList<>()).add(row);
            }
            return byParent;
        }));
    }

    private Map<DepartmentYear, DepartmentYear> previousYears(Set<DepartmentYear> keys) {
        Map<Long, Map<Integer, DepartmentYear>> byDepartment = yearsOf(keys);
        Map<DepartmentYear, DepartmentYear> out = new HashMap<>();
        for (DepartmentYear key : keys) {
            DepartmentYear previous = byDepartment.getOrDefault(key.departmentId(), Map.of()).get(key.year() - 1);
            if (previous != null) {
                out.put(key, previous);
            }
        }
        return out;
    }

    private Map<DepartmentYear, List<AccountLine>> previousAccounts(Set<DepartmentYear> keys) {
        Map<DepartmentYear, DepartmentYear> previous = previousYears(keys);
        Map<Long, List<AccountLine>> lines = new HashMap<>();
        Set<Long> ids = new HashSet<>();
        previous.values().forEach(p -> ids.add(p.id()));
        if (!ids.isEmpty()) {
            for (AccountLine line : children.accounts(ids)) {
                lines.computeIfAbsent(line.departmentYearId(), k -> new ArrayList<>()).add(line);
            }
        }
        Map<DepartmentYear, List<AccountLine>> out = new HashMap<>();
        for (DepartmentYear key : keys) {
            DepartmentYear p = previous.get(key);
            out.put(key, p == null ? List.of() : lines.getOrDefault(p.id(), List.of()));
        }
        return out;
    }

    private Map<Long, Map<Integer, DepartmentYear>> yearsOf(Set<DepartmentYear> keys) {
        Set<Long> departmentIds = new HashSet<>();
        keys.forEach(k -> departmentIds.add(k.departmentId()));
        Map<Long, Map<Integer, DepartmentYear>> byDepartment = new HashMap<>();
        for (DepartmentYear y : children.years(departmentIds)) {
            byDepartment.computeIfAbsent(y.departmentId(), k -> new HashMap<>()).put(y.year(), y);
        }
        return byDepartment;
    }

    private static <V> Map<Long, V> one(List<V> rows, Function<V, Long> id) {
        Map<Long, V> out = new HashMap<>();
        rows.forEach(r -> out.put(id.apply(r), r));
        return out;
    }

    /**
     * Runs a batch in the thread that dispatches it: operations execute on the blocking executor
     * ({@link BlockingGraphQLInvocation}), so this JDBC never runs on the event loop, and running the batch in
     * place (not on yet another thread) keeps graphql-java's level-by-level dispatch exact: one statement per
     * nested list, however many parents.
     */
    private <T> CompletableFuture<T> async(java.util.function.Supplier<T> work) {
        try {
            return CompletableFuture.completedFuture(work.get());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
