package org.budgetnarrator.model.read;

import org.budgetnarrator.model.domain.AccountLine;
import org.budgetnarrator.model.domain.BudgetUnit;
import org.budgetnarrator.model.domain.DataNote;
import org.budgetnarrator.model.domain.Department;
import org.budgetnarrator.model.domain.DepartmentYear;
import org.budgetnarrator.model.domain.IncomeLine;
import org.budgetnarrator.model.domain.LineReason;
import org.budgetnarrator.model.domain.Indicator;
import org.budgetnarrator.model.domain.Project;
import org.budgetnarrator.model.domain.StoredDocument;
import org.budgetnarrator.model.domain.ThreePublicLine;
import org.budgetnarrator.model.domain.VehicleHolding;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Everything stored for one department-year, read at once: what the audit checks and what drafting
 * writes from. {@code previous}, {@code previousAccounts} and {@code previousReasons} are the stored
 * previous fiscal year's, when there is one. {@code tables} are the public tables as published, which own the
 * figures that {@code incomes} and {@code accounts} show per source and per account. {@code budgetUnits} are the units
 * the department's accounts consolidate (本级 and 二级), in stored order; empty where none are stored.
 */
public record YearData(Department department, DepartmentYear year, DepartmentYear previous,
                       List<IncomeLine> incomes, List<AccountLine> accounts, List<AccountLine> previousAccounts,
                       List<ThreePublicLine> threePublic, List<VehicleHolding> vehicles, List<Project> projects,
                       List<Indicator> indicators, List<LineReason> reasons, List<StoredDocument> documents,
                       List<DataNote> notes, List<LineReason> previousReasons, PublishedTables tables,
                       List<BudgetUnit> budgetUnits) {

    public YearData {
        budgetUnits = budgetUnits == null ? List.of() : List.copyOf(budgetUnits);
    }

    public List<AccountLine> functional() {
        return accounts.stream().filter(a -> "FUNCTIONAL".equals(a.classification())).toList();
    }

    public List<AccountLine> economic() {
        return accounts.stream().filter(a -> "ECONOMIC".equals(a.classification())).toList();
    }

    public Optional<AccountLine> functional(String code) {
        return functional().stream().filter(a -> a.code().equals(code)).findFirst();
    }

    public Optional<IncomeLine> income(String source) {
        return incomes.stream().filter(i -> i.source().equals(source)).findFirst();
    }

    public Optional<ThreePublicLine> threePublic(String item) {
        return threePublic.stream().filter(t -> t.item().equals(item)).findFirst();
    }

    public List<Indicator> departmentIndicators() {
        return indicators.stream().filter(i -> i.projectId() == null).toList();
    }

    public List<Indicator> indicatorsOf(Project project) {
        return indicators.stream().filter(i -> Objects.equals(i.projectId(), project.id())).toList();
    }

    /** The reasons recorded for one subject and aspect (BUDGET or PREVIOUS), in order. */
    public List<LineReason> reasons(String subject, String aspect) {
        return reasons.stream().filter(r -> subject.equals(r.subject()) && aspect.equals(r.aspect())).toList();
    }

    public List<AccountLine> children(AccountLine parent) {
        return accounts.stream().filter(a -> a.classification().equals(parent.classification())
                && parent.code().equals(a.parentCode())).toList();
    }

    /** The sum of a column over the functional 类 lines (the year's totals), null when no line has it. */
    public BigDecimal functionalTotal(Function<AccountLine, BigDecimal> column) {
        return sum(functional().stream().filter(a -> a.level() == 1).map(column).toList());
    }

    public static BigDecimal sum(List<BigDecimal> values) {
        BigDecimal sum = null;
        for (BigDecimal v : values) {
            if (v != null) {
                sum = sum == null ? v : sum.add(v);
            }
        }
        return sum;
    }
}
