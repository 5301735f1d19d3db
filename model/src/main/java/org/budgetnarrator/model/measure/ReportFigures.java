package org.budgetnarrator.model.measure;

import org.budgetnarrator.model.domain.AccountLine;
import org.budgetnarrator.model.domain.DepartmentYear;
import org.budgetnarrator.model.domain.IncomeLine;
import org.budgetnarrator.model.domain.PublicTable;
import org.budgetnarrator.model.domain.PublicTable.Column;
import org.budgetnarrator.model.read.PublishedTables;
import org.budgetnarrator.model.read.YearData;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The totals a report speaks of, each on its own basis, owned here for the audit and the drafts alike: 本年收入合计
 * (the year's income) is not 收入总计 (with the carry-overs), 财政拨款 (公开04, all three funds) is not 一般公共预算
 * 财政拨款 (公开05), 基本支出 of all sources (公开03) is not that of the general budget (公开05/06). A total the report
 * prints is the report's figure; only where none is printed is it summed from the lines, and null when neither is
 * there. Last year's figures come from the rows the report states for last year, else from the stored last year.
 */
public final class ReportFigures {

    private static final List<String> PERSONNEL = List.of("301", "303");

    private final YearData data;
    private final PublishedTables t;
    private final DepartmentYear y;

    private final BigDecimal incomeTotal;
    private final BigDecimal incomeGrandTotal;
    private final BigDecimal expenditureTotal;
    private final BigDecimal fiscalIncome;
    private final BigDecimal fiscalGrandTotal;
    private final BigDecimal generalBudget;

    public ReportFigures(YearData data) {
        this.data = data;
        this.t = data.tables();
        this.y = data.year();
        BigDecimal sources = data.incomes().isEmpty() ? null : YearData.sum(data.incomes().stream()
                .filter(i -> !closing(i.source()) && !i.source().equals("carry_forward_begin")
                        && !i.source().equals("non_fiscal_surplus_used")).map(IncomeLine::amount).toList());
        incomeTotal = first(t.cell(PublicTable.T01, "income_total", Column.AMOUNT), sources);
        incomeGrandTotal = first(t.cell(PublicTable.T01, "income_grand_total", Column.AMOUNT),
                plus(incomeTotal, t.cell(PublicTable.T01, "carry_forward_begin", Column.AMOUNT),
                        t.cell(PublicTable.T01, "non_fiscal_surplus_used", Column.AMOUNT)));
        expenditureTotal = first(t.cell(PublicTable.T01, "expenditure_total", Column.AMOUNT), tableTotal(PublicTable.T03, Column.TOTAL),
                data.functionalTotal(AccountLine::actual));
        BigDecimal appropriation = data.incomes().isEmpty() ? null : zeroIfNull(YearData.sum(data.incomes().stream()
                .filter(i -> i.source().endsWith("_appropriation")).map(IncomeLine::amount).toList()));
        // 公开02's 财政拨款收入 合计 is the same figure as 公开04's 本年收入合计, where only 公开02 is given.
        fiscalIncome = first(t.cell(PublicTable.T04, "income_total", Column.AMOUNT), t.cell(PublicTable.T02, "total", Column.FISCAL),
                appropriation);
        fiscalGrandTotal = first(t.cell(PublicTable.T04, "income_grand_total", Column.AMOUNT),
                plus(fiscalIncome, t.cell(PublicTable.T04, "carry_forward_begin", Column.AMOUNT)));
        generalBudget = first(tableTotal(PublicTable.T05, Column.TOTAL), data.functionalTotal(AccountLine::generalBudget));
    }

    /** 本年收入合计: the year's income, without the carry-overs. */
    public BigDecimal incomeTotal() {
        return incomeTotal;
    }

    /** 收入总计: the year's income, the opening carry-over and the non-fiscal surplus used. */
    public BigDecimal incomeGrandTotal() {
        return incomeGrandTotal;
    }

    /** 本年支出合计 (公开01, else 公开03's 合计, else the lines). */
    public BigDecimal expenditureTotal() {
        return expenditureTotal;
    }

    /** 支出总计 as printed, else equal to 收入总计 (the two 总计 balance). */
    public BigDecimal expenditureGrandTotal() {
        return first(t.cell(PublicTable.T01, "expenditure_grand_total", Column.AMOUNT), incomeGrandTotal);
    }

    /** 财政拨款收入 of all three funds (公开04's 本年收入合计). */
    public BigDecimal fiscalIncome() {
        return fiscalIncome;
    }

    /** 财政拨款收入总计 (公开04): the year's appropriations and their opening carry-over. */
    public BigDecimal fiscalGrandTotal() {
        return fiscalGrandTotal;
    }

    /** 财政拨款支出总计 as printed, else equal to the income side. */
    public BigDecimal fiscalExpenditureGrandTotal() {
        return first(t.cell(PublicTable.T04, "expenditure_grand_total", Column.TOTAL), fiscalGrandTotal);
    }

    /** 一般公共预算财政拨款支出 (公开05's 合计, else the lines' general-budget spending). */
    public BigDecimal generalBudget() {
        return generalBudget;
    }

    /** 基本支出 of all sources (公开03's 合计, else the lines), null where neither 公开03 nor expenditure lines are there. */
    public BigDecimal basic() {
        return spending(Column.BASIC, AccountLine::basic);
    }

    /** 项目支出 of all sources (公开03's 合计, else the lines), null where neither 公开03 nor expenditure lines are there. */
    public BigDecimal project() {
        return spending(Column.PROJECT, AccountLine::project);
    }

    private BigDecimal spending(Column column, java.util.function.Function<AccountLine, BigDecimal> of) {
        BigDecimal printed = tableTotal(PublicTable.T03, column);
        if (printed != null) {
            return printed;
        }
        if (data.functional().isEmpty()) {
            // A printed 公开03 whose cell is blank states a zero; without it and without lines nothing is known.
            return t.has(PublicTable.T03) ? BigDecimal.ZERO : null;
        }
        BigDecimal summed = data.functionalTotal(of);
        if (summed == null && !t.tables().isEmpty()) {
            // A report that prints its tables but not 公开03 (a page left out) states no 基本支出 or 项目支出 of all
            // sources where its lines do not: unknown, not zero (公开05's are the general budget's only).
            return null;
        }
        return zeroIfNull(summed);
    }

    /** 年初结转和结余 (公开01, else the stored line), null where neither is there. */
    public BigDecimal carryForwardBegin() {
        return closingOrOpening("carry_forward_begin");
    }

    /** 使用非财政拨款结余 (公开01, else the stored line). */
    public BigDecimal nonFiscalSurplusUsed() {
        return closingOrOpening("non_fiscal_surplus_used");
    }

    /** 年末结转和结余 (公开01, else the stored line). */
    public BigDecimal carryForwardEnd() {
        return closingOrOpening("carry_forward_end");
    }

    /** 结余分配 (公开01, else the stored line). */
    public BigDecimal surplusDistribution() {
        return closingOrOpening("surplus_distribution");
    }

    private BigDecimal closingOrOpening(String row) {
        return blankReadsZero(first(t.cell(PublicTable.T01, row, Column.AMOUNT),
                data.income(row).map(IncomeLine::amount).orElse(null)), PublicTable.T01, row);
    }

    /** 一般公共预算财政拨款基本支出 (公开05's, else 公开06's 合计, else 人员 + 公用 as printed); null where none is printed. */
    public BigDecimal generalBasic() {
        return first(tableTotal(PublicTable.T05, Column.BASIC), t.cell(PublicTable.T06, "total", Column.AMOUNT),
                plus(t.cell(PublicTable.T06, "personnel_total", Column.AMOUNT), t.cell(PublicTable.T06, "operating_total", Column.AMOUNT)));
    }

    /** 人员经费 (公开06: 301 + 303), null where 公开06 is neither printed nor stored as lines. */
    public BigDecimal personnel() {
        return economic(PERSONNEL::contains, "personnel_total");
    }

    /** 公用经费 (公开06: the classes other than 301 and 303). */
    public BigDecimal operating() {
        return economic(c -> !PERSONNEL.contains(c), "operating_total");
    }

    private BigDecimal economic(Predicate<String> classes, String printedRow) {
        if (data.economic().isEmpty() && !t.has(PublicTable.T06)) {
            return null;
        }
        return first(t.cell(PublicTable.T06, printedRow, Column.AMOUNT), zeroIfNull(YearData.sum(data.economic().stream()
                .filter(a -> a.level() == 1 && classes.test(a.code())).map(AccountLine::actual).toList())));
    }

    /** 一般公共预算财政拨款支出's 年初预算: 公开05's, else the year's, else the 项 lines'. */
    public BigDecimal generalBudgetInitial() {
        return first(t.cell(PublicTable.T05, "total", Column.INITIAL_BUDGET), y.initialBudget(),
                YearData.sum(data.functional().stream().filter(a -> a.level() == 3).map(AccountLine::initialBudget).toList()));
    }

    /** 一般公共预算财政拨款支出's 全年预算 as 公开05 prints it. */
    public BigDecimal generalBudgetAdjusted() {
        return t.cell(PublicTable.T05, "total", Column.ADJUSTED_BUDGET);
    }

    // --- last year, as the report states it, else as stored

    public BigDecimal previousIncomeGrandTotal() {
        return first(t.previous(PublicTable.T01, "income_grand_total", Column.AMOUNT), y.previousTotalIncome());
    }

    /** Last year's 支出总计 as stated, else equal to last year's 收入总计 (the two 总计 balance). */
    public BigDecimal previousExpenditureGrandTotal() {
        return first(t.previous(PublicTable.T01, "expenditure_grand_total", Column.AMOUNT), previousIncomeGrandTotal());
    }

    public BigDecimal previousCarryForwardBegin() {
        return first(t.previous(PublicTable.T01, "carry_forward_begin", Column.AMOUNT),
                data.income("carry_forward_begin").map(IncomeLine::previousAmount).orElse(null));
    }

    public BigDecimal previousCarryForwardEnd() {
        return first(t.previous(PublicTable.T01, "carry_forward_end", Column.AMOUNT),
                data.income("carry_forward_end").map(IncomeLine::previousAmount).orElse(null));
    }

    public BigDecimal previousIncomeTotal() {
        return first(t.previous(PublicTable.T01, "income_total", Column.AMOUNT), y.previousTotalIncome());
    }

    public BigDecimal previousExpenditureTotal() {
        return first(t.previous(PublicTable.T01, "expenditure_total", Column.AMOUNT), t.previous(PublicTable.T03, "total", Column.TOTAL),
                y.previousTotalExpenditure());
    }

    public BigDecimal previousFiscalGrandTotal() {
        return first(t.previous(PublicTable.T04, "income_grand_total", Column.AMOUNT), y.previousFiscalIncome());
    }

    public BigDecimal previousFiscalExpenditureGrandTotal() {
        return first(t.previous(PublicTable.T04, "expenditure_grand_total", Column.TOTAL), y.previousFiscalExpenditure());
    }

    public BigDecimal previousFiscalIncome() {
        return first(t.previous(PublicTable.T04, "income_total", Column.AMOUNT), t.previous(PublicTable.T02, "total", Column.FISCAL), previousOf(data.incomes().stream()
                .filter(i -> i.source().endsWith("_appropriation")).toList()));
    }

    public BigDecimal previousGeneralBudget() {
        return first(t.previous(PublicTable.T05, "total", Column.TOTAL), y.previousGeneralBudgetExpenditure());
    }

    public BigDecimal previousBasic() {
        return t.previous(PublicTable.T03, "total", Column.BASIC);
    }

    public BigDecimal previousProject() {
        return t.previous(PublicTable.T03, "total", Column.PROJECT);
    }

    // --- helpers

    /**
     * A figure as a printed table reads it: where the figure is absent but the table is printed, its cell was left
     * blank, and a blank cell of a printed public table is zero; without the table the figure is unknown (null).
     */
    public BigDecimal blankReadsZero(BigDecimal value, PublicTable table) {
        return value != null ? value : t.has(table) ? BigDecimal.ZERO : null;
    }

    /** The same for one row: zero where the table prints the row with the cell blank. */
    public BigDecimal blankReadsZero(BigDecimal value, PublicTable table, String row) {
        return value != null ? value : t.row(table, row).isPresent() ? BigDecimal.ZERO : null;
    }

    /** A table's printed 合计 in a column, else the sum of its 类 rows; null when neither is printed. */
    public BigDecimal tableTotal(PublicTable table, Column column) {
        BigDecimal printed = t.cell(table, "total", column);
        if (printed != null) {
            return printed;
        }
        return YearData.sum(t.rows(table).stream().filter(r -> r.isAccount() && r.key().length() == 3)
                .map(r -> r.cell(column)).filter(Objects::nonNull).toList());
    }

    /** A line's general-budget spending (公开05) where printed, else its total. */
    public static BigDecimal generalBudgetActual(AccountLine line) {
        return line.generalBudget() != null ? line.generalBudget() : line.actual();
    }

    /** 年末结转和结余 and 结余分配: the uses of the year's money that are not spending. */
    public static boolean closing(String source) {
        return source.equals("carry_forward_end") || source.equals("surplus_distribution");
    }

    /**
     * A budget-stage year's 部门预算支出 as its target declaration splits it by nature: 基本支出 + 项目支出 (+ 事业发展性支出
     * where stated); null when neither 基本支出 nor 项目支出 is stated.
     */
    public BigDecimal budgetByNature() {
        if (y.basicExpenditure() == null && y.projectExpenditure() == null) {
            return null;
        }
        return zeroIfNull(y.basicExpenditure()).add(zeroIfNull(y.projectExpenditure())).add(zeroIfNull(y.businessExpenditure()));
    }

    /** The projects' budgets (全年预算数, else 年初预算数) added up; null when no project states one. */
    public BigDecimal projectBudgets() {
        List<BigDecimal> budgets = data.projects().stream().map(p -> Measures.budget(p.adjustedBudget(), p.initialBudget()))
                .filter(Objects::nonNull).toList();
        return budgets.isEmpty() ? null : YearData.sum(budgets);
    }

    /** The projects' 当年财政拨款 added up; null when no project states it. */
    public BigDecimal projectCurrentYearFunds() {
        List<BigDecimal> funds = data.projects().stream().map(p -> p.fundCurrentYear()).filter(Objects::nonNull).toList();
        return funds.isEmpty() ? null : YearData.sum(funds);
    }

    /** The first figure given; null when none is (a printed figure before the one summed in its place). */
    public static BigDecimal first(BigDecimal... values) {
        for (BigDecimal v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    /** The sum, null when the first term is absent (the others count as zero when blank). */
    public static BigDecimal plus(BigDecimal first, BigDecimal... rest) {
        if (first == null) {
            return null;
        }
        BigDecimal out = first;
        for (BigDecimal v : rest) {
            if (v != null) {
                out = out.add(v);
            }
        }
        return out;
    }

    private static BigDecimal previousOf(List<IncomeLine> lines) {
        if (lines.isEmpty() || lines.stream().anyMatch(l -> l.previousAmount() == null)) {
            return null;
        }
        return YearData.sum(lines.stream().map(IncomeLine::previousAmount).toList());
    }

    private static BigDecimal zeroIfNull(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }
}
