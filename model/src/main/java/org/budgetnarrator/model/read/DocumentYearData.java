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
import org.budgetnarrator.model.domain.PublicTable;
import org.budgetnarrator.model.domain.PublishedRow;
import org.budgetnarrator.model.domain.TableLayout;
import org.budgetnarrator.model.domain.StoredDocument;
import org.budgetnarrator.model.domain.ThreePublicLine;
import org.budgetnarrator.model.domain.VehicleHolding;
import org.budgetnarrator.model.imports.BoundDocument;
import org.budgetnarrator.model.imports.BoundRow;
import org.budgetnarrator.model.imports.DocumentValidator;
import org.budgetnarrator.model.imports.ImportFormat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A checked import document as {@link YearData}, without a database: what {@code narrator audit FILE}
 * and the tests audit. Ids are numbered from 1 in file order; there is no previous year.
 */
public final class DocumentYearData {

    private DocumentYearData() {
    }

    public static YearData of(BoundDocument doc) {
        if (doc.hasErrors()) {
            throw new IllegalArgumentException("the document has errors: " + doc.problems());
        }
        BoundRow d = doc.single(ImportFormat.DEPARTMENT);
        Department department = new Department(1L, d.text("code"), d.text("name"), d.text("level"), d.text("region"),
                integer(d, "staffCount"), d.text("duties"));
        BoundRow top = doc.single(ImportFormat.DOCUMENT);
        BoundRow s = doc.single(ImportFormat.SUMMARY);
        DepartmentYear year = new DepartmentYear(1L, 1L, integer(top, "year"), top.text("stage"),
                top.text("moneyUnit") == null ? "万元" : top.text("moneyUnit"), doc.fileName(), "",
                m(s, "initialBudget"), m(s, "adjustedBudget"), m(s, "executed"), m(s, "basicExpenditure"), m(s, "projectExpenditure"),
                m(s, "businessExpenditure"), m(s, "fundFiscalAppropriation"), m(s, "fundGeneralBudget"), m(s, "fundGovernmentFund"),
                m(s, "fundSpecialAccount"), m(s, "fundOther"), integer(s, "subUnitCount"), m(s, "previousTotalIncome"),
                m(s, "previousTotalExpenditure"), m(s, "previousFiscalIncome"), m(s, "previousFiscalExpenditure"),
                m(s, "previousGeneralBudgetExpenditure"), m(s, "officeRunningCost"), m(s, "previousOfficeRunningCost"),
                m(s, "procurementTotal"), m(s, "procurementGoods"), m(s, "procurementWorks"), m(s, "procurementServices"),
                m(s, "procurementSme"), m(s, "procurementMicro"), integer(s, "equipmentOver1m"), integer(s, "evaluatedProjects"),
                m(s, "evaluatedAmount"), m(s, "evaluatedShare"), m(s, "budgetExecutionWeight"),
                m(s, "budgetExecutionScore"), m(s, "totalScore"), s.text("overallGoal"), s.text("overallOutcome"),
                s.text("deviationAnalysis"), s.text("improvementPlan"));
        long id = 1;
        List<IncomeLine> incomes = new ArrayList<>();
        for (BoundRow r : doc.rows(ImportFormat.INCOMES)) {
            incomes.add(new IncomeLine(id, 1L, (int) id++, r.text("source"), m(r, "amount"), m(r, "previousAmount")));
        }
        List<AccountLine> accounts = new ArrayList<>();
        for (BoundRow r : doc.rows(ImportFormat.ACCOUNTS)) {
            accounts.add(account(id++, "FUNCTIONAL", r));
        }
        for (BoundRow r : doc.rows(ImportFormat.ECONOMIC_ACCOUNTS)) {
            accounts.add(account(id++, "ECONOMIC", r));
        }
        List<ThreePublicLine> three = new ArrayList<>();
        for (BoundRow r : doc.rows(ImportFormat.THREE_PUBLIC)) {
            three.add(new ThreePublicLine(id, 1L, (int) id++, r.text("item"), m(r, "budget"), m(r, "actual"), m(r, "previousActual"),
                    m(r, "tableBudget"), integer(r, "groups"), integer(r, "persons"), integer(r, "vehicles")));
        }
        List<VehicleHolding> vehicles = new ArrayList<>();
        for (BoundRow r : doc.rows(ImportFormat.VEHICLES)) {
            vehicles.add(new VehicleHolding(id, 1L, (int) id++, r.text("kind"), integer(r, "count")));
        }
        List<Project> projects = new ArrayList<>();
        long firstProject = id;
        for (BoundRow r : doc.rows(ImportFormat.PROJECTS)) {
            projects.add(new Project(id, 1L, (int) id++, r.text("code"), r.text("name"), r.text("moneyUnit"), r.text("supervisor"),
                    r.text("implementingUnit"), r.text("category"), r.text("type"), integer(r, "level"), r.text("parentCode"),
                    r.text("purpose"), m(r, "initialBudget"), m(r, "adjustedBudget"), m(r, "executed"), m(r, "fundCurrentYear"),
                    m(r, "fundCarryOver"), m(r, "fundOther"), m(r, "planMarch"), m(r, "planJune"), m(r, "planOctober"),
                    m(r, "planDecember"), r.text("goal"), r.text("outcome"), m(r, "score"), r.text("deviationAnalysis"),
                    r.text("improvementPlan")));
        }
        List<Indicator> indicators = new ArrayList<>();
        for (BoundRow r : doc.rows(ImportFormat.INDICATORS)) {
            Long project = r.parent() == null ? null : firstProject + r.parent();
            indicators.add(new Indicator(id, 1L, project, (int) id++, r.text("level1"), r.text("level2"), r.text("name"),
                    r.text("description"), r.text("periodTarget"), r.text("target"), r.text("actual"), m(r, "weight"),
                    m(r, "score"), r.text("basis"), r.text("deviationNote")));
        }
        List<LineReason> reasons = new ArrayList<>();
        for (BoundRow r : doc.rows(ImportFormat.REASONS)) {
            reasons.add(new LineReason(id, 1L, (int) id++, r.text("subject"), r.text("aspect"), r.text("code"), r.text("note")));
        }
        List<StoredDocument> documents = new ArrayList<>();
        for (BoundRow r : doc.rows(ImportFormat.DOCUMENTS)) {
            documents.add(new StoredDocument(id, 1L, (int) id++, r.text("kind"), r.text("title"), r.text("text")));
        }
        List<DataNote> notes = new ArrayList<>();
        for (BoundRow r : doc.rows(ImportFormat.NOTES)) {
            notes.add(new DataNote(id, 1L, (int) id++, r.text("subject"), r.text("text")));
        }
        List<BudgetUnit> units = new ArrayList<>();
        int unitSeq = 0;
        for (BoundRow r : doc.rows(ImportFormat.BUDGET_UNITS)) {
            units.add(new BudgetUnit(id++, 1L, unitSeq++, r.text("name"), r.text("kind")));
        }
        return new YearData(department, year, null, incomes, accounts, List.of(), three, vehicles, projects, indicators,
                reasons, documents, notes, List.of(), tables(doc), units);
    }

    /** The document's public tables, ids numbered in file order. */
    public static PublishedTables tables(BoundDocument doc) {
        List<PublishedRow> rows = new ArrayList<>();
        int seq = 0;
        for (BoundRow r : doc.rows(ImportFormat.PUBLISHED)) {
            Map<PublicTable.Column, BigDecimal> cells = new EnumMap<>(PublicTable.Column.class);
            for (PublicTable.Column column : PublicTable.Column.values()) {
                Object value = r.values().get(column.key());
                if (value instanceof BigDecimal d) {
                    cells.put(column, d);
                } else if (value instanceof Long count) {
                    cells.put(column, BigDecimal.valueOf(count));
                }
            }
            rows.add(new PublishedRow(seq + 1, 1L, seq++, PublicTable.valueOf(r.text("table")), r.text("row"),
                    r.text("period") == null ? PublicTable.Period.CURRENT : PublicTable.Period.valueOf(r.text("period")),
                    r.text("name"), integer(r, "lineNo"), cells));
        }
        List<TableLayout> layouts = new ArrayList<>();
        for (BoundRow r : doc.rows(ImportFormat.TABLE_LAYOUTS)) {
            layouts.add(new TableLayout(1L, PublicTable.valueOf(r.text("table")), r.text("label"), r.text("title"),
                    integer(r, "position"), r.text("note")));
        }
        return new PublishedTables(rows, layouts);
    }

    private static AccountLine account(long id, String classification, BoundRow r) {
        String code = r.text("code");
        return new AccountLine(id, 1L, (int) id, classification, code, r.text("name"),
                code.length() == 3 ? 1 : code.length() == 5 ? 2 : 3, DocumentValidator.parentOf(code, true),
                Boolean.TRUE.equals(r.values().get("derived")), m(r, "initialBudget"), m(r, "adjustedBudget"), m(r, "actual"),
                m(r, "basic"), m(r, "personnel"), m(r, "operating"), m(r, "project"), m(r, "remittance"), m(r, "business"),
                m(r, "subsidiary"), m(r, "generalBudget"), m(r, "governmentFund"), m(r, "stateCapital"), m(r, "previousActual"));
    }

    private static BigDecimal m(BoundRow r, String key) {
        return r.decimal(key);
    }

    private static Integer integer(BoundRow r, String key) {
        Long v = r.integer(key);
        return v == null ? null : v.intValue();
    }
}
