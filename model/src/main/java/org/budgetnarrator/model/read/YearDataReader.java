package org.budgetnarrator.model.read;

import jakarta.inject.Singleton;
import org.budgetnarrator.model.domain.AccountLine;
import org.budgetnarrator.model.domain.Department;
import org.budgetnarrator.model.domain.DepartmentYear;
import org.budgetnarrator.model.repo.BudgetUnitRepository;
import org.budgetnarrator.model.repo.ChildRows;
import org.budgetnarrator.model.repo.DataNoteRepository;
import org.budgetnarrator.model.repo.DepartmentRepository;
import org.budgetnarrator.model.repo.IncomeLineRepository;
import org.budgetnarrator.model.repo.LineReasonRepository;
import org.budgetnarrator.model.repo.StoredDocumentRepository;
import org.budgetnarrator.model.repo.ThreePublicLineRepository;
import org.budgetnarrator.model.repo.VehicleHoldingRepository;

import java.util.List;
import java.util.Optional;

/** Reads a whole {@link YearData}: one statement per table. */
@Singleton
public class YearDataReader {

    private final DepartmentRepository departments;
    private final IncomeLineRepository incomes;
    private final ThreePublicLineRepository threePublic;
    private final VehicleHoldingRepository vehicles;
    private final StoredDocumentRepository documents;
    private final DataNoteRepository notes;
    private final LineReasonRepository reasons;
    private final ChildRows children;
    private final BudgetUnitRepository units;

    public YearDataReader(DepartmentRepository departments, IncomeLineRepository incomes, ThreePublicLineRepository threePublic,
                          VehicleHoldingRepository vehicles, StoredDocumentRepository documents, DataNoteRepository notes,
                          LineReasonRepository reasons, ChildRows children, BudgetUnitRepository units) {
        this.departments = departments;
        this.incomes = incomes;
        this.threePublic = threePublic;
        this.vehicles = vehicles;
        this.documents = documents;
        this.notes = notes;
        this.reasons = reasons;
        this.children = children;
        this.units = units;
    }

    public Optional<YearData> read(String departmentCode, int fiscalYear) {
        return departments.findByCode(departmentCode).flatMap(d -> read(d, fiscalYear));
    }

    public Optional<YearData> read(Department department, int fiscalYear) {
        List<DepartmentYear> all = children.years(List.of(department.id()));
        Optional<DepartmentYear> year = all.stream().filter(y -> y.year() == fiscalYear).findFirst();
        if (year.isEmpty()) {
            return Optional.empty();
        }
        DepartmentYear previous = all.stream().filter(y -> y.year() == fiscalYear - 1).findFirst().orElse(null);
        List<Long> id = List.of(year.get().id());
        List<AccountLine> previousAccounts = previous == null ? List.of()
                : children.accounts(List.of(previous.id()));
        List<org.budgetnarrator.model.domain.Indicator> allIndicators = new java.util.ArrayList<>(
                children.yearIndicators(id));
        var projectList = children.projects(id);
        if (!projectList.isEmpty()) {
            allIndicators.addAll(children.projectIndicators(projectList.stream().map(p -> p.id()).toList()));
        }
        return Optional.of(new YearData(department, year.get(), previous,
                incomes.findByDepartmentYearIdInOrderBySeq(id), children.accounts(id), previousAccounts,
                threePublic.findByDepartmentYearIdInOrderBySeq(id), vehicles.findByDepartmentYearIdInOrderBySeq(id), projectList,
                allIndicators, reasons.findByDepartmentYearIdInOrderBySeq(id), documents.findByDepartmentYearIdInOrderBySeq(id),
                notes.findByDepartmentYearIdInOrderBySeq(id),
                previous == null ? List.of() : reasons.findByDepartmentYearIdInOrderBySeq(List.of(previous.id())),
                new PublishedTables(children.published(id), children.layouts(id)),
                units.findByDepartmentIdInOrderBySeq(List.of(department.id()))));
    }
}
