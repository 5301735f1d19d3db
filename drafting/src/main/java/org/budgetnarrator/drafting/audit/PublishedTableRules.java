package org.budgetnarrator.drafting.audit;

import org.budgetnarrator.model.domain.PublicTable;
import org.budgetnarrator.model.domain.PublicTable.Column;
import org.budgetnarrator.model.domain.PublicTable.Period;
import org.budgetnarrator.model.domain.PublishedRow;
import org.budgetnarrator.model.imports.DocumentValidator;
import org.budgetnarrator.model.read.PublishedTables;
import org.budgetnarrator.model.read.YearData;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static org.budgetnarrator.drafting.audit.Figures.first;
import static org.budgetnarrator.drafting.audit.Figures.plus;

/**
 * The identities of the public tables as printed (../shared/PUBLIC-TABLES.md): within a table (a parent line is the
 * sum of its children, a row's total the sum of its columns, 01's and 04's totals), across tables (02's 合计 is 01's
 * 本年收入合计, 04's 一般公共预算 column is 05, 05's 基本支出 is 06 …), and the 三公 and procurement parts. Each is
 * checked only where the report printed both sides: a blank cell is not a zero that could be wrong. A difference
 * within the rounding of the printed cells (one unit of the last printed digit per summed term) is ROUNDING, beyond
 * it ERROR. Rule ids are listed in docs/audit-rules.md.
 */
final class PublishedTableRules {

    /** 经济分类 类 of 人员经费 (工资福利支出, 对个人和家庭的补助); the others are 公用经费. */
    private static final Set<String> PERSONNEL_CLASSES = Set.of("301", "303");
    private static final List<String> INCOME_SOURCES = List.of("general_public_budget_appropriation", "government_fund_budget_appropriation",
            "state_capital_budget_appropriation", "superior_subsidy", "public_service_unit_income", "operating_income",
            "subsidiary_remittance", "other_income");
    private static final List<String> APPROPRIATIONS = INCOME_SOURCES.subList(0, 3);

    private final PublishedTables t;
    private final String stage;
    /** One unit of the last printed digit, in 万元: 0.01 万元, or 0.01 元 where the report prints 元. */
    private final BigDecimal unit;
    private final List<Finding> findings = new ArrayList<>();

    PublishedTableRules(YearData data) {
        this.t = data.tables();
        this.stage = data.year().stage();
        this.unit = "元".equals(data.year().moneyUnit()) ? new BigDecimal("0.000001") : new BigDecimal("0.01");
    }

    List<Finding> run() {
        for (PublicTable table : List.of(PublicTable.T02, PublicTable.T03, PublicTable.T05, PublicTable.T06, PublicTable.T07, PublicTable.T08)) {
            hierarchy(table);
        }
        rowColumns();
        summaryTable();
        fiscalTable();
        crossTables();
        threePublic();
        procurement();
        unpublished();
        return findings;
    }

    /** The nine tables every 部门决算 publishes (财政部 部门决算公开 formats). */
    private static final List<PublicTable> NINE = List.of(PublicTable.T01, PublicTable.T02, PublicTable.T03, PublicTable.T04,
            PublicTable.T05, PublicTable.T06, PublicTable.T07, PublicTable.T08, PublicTable.T09);

    /**
     * T24: a final account publishes all nine tables; one without figures (no 政府性基金, no 三公) is still printed,
     * empty, with a note that says why. Checked where the report's tables were recorded as printed (a report read from
     * its publication, or imported with its layout): a table neither laid out nor holding a row was left out.
     */
    private void unpublished() {
        if (!"FINAL_ACCOUNTS".equals(stage) || NINE.stream().noneMatch(table -> t.layout(table).isPresent())) {
            return;
        }
        for (PublicTable table : NINE) {
            if (t.layout(table).isEmpty() && !t.has(table)) {
                add("T24", Severity.ERROR, Subject.line(table.number() + " " + table.title(), "table", "table"),
                        "报告未公开" + table.title() + "（" + table.number() + "）：部门决算应公开全部九张表，没有数据的表也应以空表公开并说明原因",
                        "The report leaves out " + table.number() + " " + table.title() + ": all nine tables are published, an empty one with a note",
                        table.title(), null);
            }
        }
    }

    // T01: a 类 is the sum of its 款, a 款 of its 项, 合计 of the 类, column by column, where both are printed.
    private void hierarchy(PublicTable table) {
        List<PublishedRow> rows = t.rows(table);
        Map<String, PublishedRow> accounts = new LinkedHashMap<>();
        rows.stream().filter(PublishedRow::isAccount).forEach(r -> accounts.put(r.key(), r));
        for (PublishedRow parent : accounts.values()) {
            List<PublishedRow> children = accounts.values().stream()
                    .filter(c -> parent.key().equals(DocumentValidator.parentOf(c.key(), true))).toList();
            sumOfRows("T01", table, parent, children, parent.key() + " " + name(parent) + "（%s）应等于其下级科目之和",
                    parent.key() + " " + name(parent) + " (%s) should equal the sum of its children");
        }
        List<PublishedRow> classes = accounts.values().stream().filter(r -> r.key().length() == 3).toList();
        if (table == PublicTable.T06) {
            List<PublishedRow> personnel = classes.stream().filter(r -> PERSONNEL_CLASSES.contains(r.key())).toList();
            List<PublishedRow> operating = classes.stream().filter(r -> !PERSONNEL_CLASSES.contains(r.key())).toList();
            t.row(table, "personnel_total").ifPresent(r -> sumOfRows("T01", table, r, personnel,
                    "人员经费合计（%s）应等于工资福利支出与对个人和家庭的补助之和", "人员经费合计 (%s) should equal 301 + 303"));
            t.row(table, "operating_total").ifPresent(r -> sumOfRows("T01", table, r, operating,
                    "公用经费合计（%s）应等于商品和服务支出等公用经费各类之和", "公用经费合计 (%s) should equal the operating classes"));
            t.row(table, "total").ifPresent(total -> {
                List<PublishedRow> halves = new ArrayList<>();
                t.row(table, "personnel_total").ifPresent(halves::add);
                t.row(table, "operating_total").ifPresent(halves::add);
                sumOfRows("T01", table, total, halves.isEmpty() ? classes : halves, "合计（%s）应等于人员经费与公用经费之和",
                        "合计 (%s) should equal personnel + operating");
            });
        } else {
            // A column the report prints only for some levels (Shanghai's 公开05 gives 年初预算 per 项 in the narrative, not
            // per 类) sums at the shallowest level it is printed for.
            t.row(table, "total").ifPresent(total -> {
                for (Column column : table.columns()) {
                    List<PublishedRow> level = classes;
                    for (int length : new int[]{3, 5, 7}) {
                        List<PublishedRow> candidates = accounts.values().stream().filter(r -> r.key().length() == length).toList();
                        if (candidates.stream().anyMatch(r -> r.cell(column) != null)) {
                            level = candidates;
                            break;
                        }
                    }
                    sumOfRows("T01", table, total, level, List.of(column), "合计（%s）应等于各类之和", "合计 (%s) should equal the sum of the classes");
                }
            });
        }
    }

    private void sumOfRows(String rule, PublicTable table, PublishedRow whole, List<PublishedRow> parts, String zh, String en) {
        sumOfRows(rule, table, whole, parts, table.columns(), zh, en);
    }

    private void sumOfRows(String rule, PublicTable table, PublishedRow whole, List<PublishedRow> parts, List<Column> columns, String zh,
                           String en) {
        if (parts.isEmpty()) {
            return;
        }
        for (Column column : columns) {
            BigDecimal printed = whole.cell(column);
            List<BigDecimal> values = parts.stream().map(p -> p.cell(column)).filter(Objects::nonNull).toList();
            if (printed == null || values.isEmpty()) {
                continue;
            }
            compareSum(rule, printed, sum(values), values.size(), subject(table, whole.key(), column),
                    String.format(zh, label(table, column)), String.format(en, column.key()));
        }
    }

    // T02: a row's total is the sum of the columns that compose it; T03: 基本支出 = 人员经费 + 公用经费.
    private void rowColumns() {
        for (PublishedRow row : t.rows(PublicTable.T02)) {
            BigDecimal fiscal = row.cell(Column.FISCAL);
            List<Column> parts = fiscal != null || (row.cell(Column.GENERAL) == null && row.cell(Column.FUND) == null
                    && row.cell(Column.STATE_CAPITAL) == null)
                    ? List.of(Column.FISCAL, Column.SUPERIOR_SUBSIDY, Column.SERVICE_INCOME, Column.OPERATING_INCOME,
                    Column.SUBSIDIARY_REMITTANCE, Column.OTHER_INCOME)
                    : List.of(Column.GENERAL, Column.FUND, Column.STATE_CAPITAL, Column.SUPERIOR_SUBSIDY, Column.SERVICE_INCOME,
                    Column.OPERATING_INCOME, Column.SUBSIDIARY_REMITTANCE, Column.OTHER_INCOME);
            columnsSum(PublicTable.T02, row, Column.TOTAL, parts, "本年收入合计应等于各收入来源之和");
            columnsSum(PublicTable.T02, row, Column.FISCAL, List.of(Column.GENERAL, Column.FUND, Column.STATE_CAPITAL),
                    "财政拨款收入应等于三项财政拨款之和");
        }
        for (PublishedRow row : t.rows(PublicTable.T03)) {
            columnsSum(PublicTable.T03, row, Column.TOTAL, List.of(Column.BASIC, Column.PROJECT, Column.REMITTANCE, Column.BUSINESS,
                    Column.SUBSIDIARY), "本年支出合计应等于基本支出、项目支出等各列之和");
        }
        for (PublishedRow row : t.rows(PublicTable.T04)) {
            if (row.side() == PublicTable.Side.EXPENDITURE) {
                columnsSum(PublicTable.T04, row, Column.TOTAL, List.of(Column.GENERAL, Column.FUND, Column.STATE_CAPITAL),
                        "合计应等于三项财政拨款之和");
            }
        }
        for (PublicTable table : List.of(PublicTable.T05, PublicTable.T07, PublicTable.T08)) {
            for (PublishedRow row : t.rows(table)) {
                columnsSum(table, row, Column.TOTAL, List.of(Column.BASIC, Column.PROJECT), "本年支出应等于基本支出与项目支出之和");
                carryOver(table, row);
            }
        }
        for (PublishedRow row : t.rows(PublicTable.T05)) {
            BigDecimal basic = row.cell(Column.BASIC);
            BigDecimal personnel = row.cell(Column.PERSONNEL);
            BigDecimal operating = row.cell(Column.OPERATING);
            if (basic != null && personnel != null && operating != null) {
                compareSum("T03", basic, personnel.add(operating), 2, subject(PublicTable.T05, row.key(), Column.BASIC),
                        row.key() + " " + name(row) + "：基本支出应等于人员经费与公用经费之和",
                        row.key() + " " + name(row) + ": basic expenditure should equal personnel + operating");
            }
        }
    }

    private void columnsSum(PublicTable table, PublishedRow row, Column whole, List<Column> parts, String zh) {
        BigDecimal printed = row.cell(whole);
        List<BigDecimal> values = parts.stream().map(row::cell).filter(Objects::nonNull).toList();
        if (printed == null || values.isEmpty()) {
            return;
        }
        compareSum("T02", printed, sum(values), values.size(), subject(table, row.key(), whole),
                table.number() + " " + rowName(row) + "：" + zh,
                table.number() + " " + row.key() + ": " + whole.key() + " should equal the sum of " + String.join(" + ",
                        parts.stream().map(Column::key).toList()));
    }

    /** 年初结转和结余 + 本年收入 = 本年支出 + 年末结转和结余, where a fund table prints all four. */
    private void carryOver(PublicTable table, PublishedRow row) {
        BigDecimal begin = row.cell(Column.CARRY_BEGIN);
        BigDecimal income = row.cell(Column.INCOME);
        BigDecimal spent = row.cell(Column.TOTAL);
        BigDecimal end = row.cell(Column.CARRY_END);
        if (begin == null || income == null || spent == null || end == null) {
            return;
        }
        compareSum("T02", end, begin.add(income).subtract(spent), 3, subject(table, row.key(), Column.CARRY_END),
                table.number() + " " + rowName(row) + "：年末结转和结余应等于年初结转和结余加本年收入减本年支出",
                table.number() + " " + row.key() + ": the closing balance should equal opening + income − spending");
    }

    // T04: 公开01 — 本年收入合计 = Σ sources; 总计 = 合计 + 使用非财政拨款结余 + 年初结转和结余; the same on the
    // expenditure side; the two 总计 balance.
    private void summaryTable() {
        PublicTable t01 = PublicTable.T01;
        BigDecimal sources = sumOf(t01, INCOME_SOURCES, Column.AMOUNT);
        int sourceTerms = count(t01, INCOME_SOURCES, Column.AMOUNT);
        BigDecimal incomeTotal = cell(t01, "income_total", Column.AMOUNT);
        if (incomeTotal != null && sources != null) {
            compareSum("T04", incomeTotal, sources, sourceTerms, subject(t01, "income_total", Column.AMOUNT),
                    "收入支出决算总表本年收入合计应等于各项收入之和", "本年收入合计 should equal the sum of the income sources");
        }
        BigDecimal classes = sum(t.rows(t01).stream().filter(PublishedRow::isAccount).map(r -> r.cell(Column.AMOUNT))
                .filter(Objects::nonNull).toList());
        BigDecimal expenditureTotal = cell(t01, "expenditure_total", Column.AMOUNT);
        if (expenditureTotal != null && classes != null) {
            compareSum("T04", expenditureTotal, classes, (int) t.rows(t01).stream().filter(PublishedRow::isAccount).count(),
                    subject(t01, "expenditure_total", Column.AMOUNT),
                    "收入支出决算总表本年支出合计应等于各类支出之和", "本年支出合计 should equal the sum of the classes");
        }
        BigDecimal income = first(incomeTotal, sources);
        BigDecimal spent = first(expenditureTotal, classes, total(PublicTable.T03));
        BigDecimal incomeSide = plus(income, cell(t01, "non_fiscal_surplus_used", Column.AMOUNT), cell(t01, "carry_forward_begin", Column.AMOUNT));
        BigDecimal spendingSide = plus(spent, cell(t01, "surplus_distribution", Column.AMOUNT), cell(t01, "carry_forward_end", Column.AMOUNT));
        BigDecimal incomeGrand = cell(t01, "income_grand_total", Column.AMOUNT);
        BigDecimal spendingGrand = cell(t01, "expenditure_grand_total", Column.AMOUNT);
        if (incomeGrand != null && incomeSide != null) {
            compareSum("T04", incomeGrand, incomeSide, 3, subject(t01, "income_grand_total", Column.AMOUNT),
                    "收入总计应等于本年收入合计、使用非财政拨款结余与年初结转和结余之和",
                    "收入总计 should equal 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余");
        }
        if (spendingGrand != null && spendingSide != null) {
            compareSum("T04", spendingGrand, spendingSide, 3, subject(t01, "expenditure_grand_total", Column.AMOUNT),
                    "支出总计应等于本年支出合计、结余分配与年末结转和结余之和", "支出总计 should equal 本年支出合计 + 结余分配 + 年末结转和结余");
        }
        BigDecimal left = first(incomeGrand, incomeSide);
        BigDecimal right = first(spendingGrand, spendingSide);
        if (left != null && right != null && (incomeGrand != null || t.has(t01))) {
            compareSum("T04", left, right, Math.max(2, sourceTerms + 2), subject(t01, "income_grand_total", Column.AMOUNT),
                    "收入支出决算总表两侧总计不平衡：收入方 " + Figures.show(left) + " 万元，支出方 " + Figures.show(right) + " 万元",
                    "The two sides of 总计 do not balance: income " + Figures.show(left) + ", expenditure " + Figures.show(right));
        }
    }

    // T05: 公开04 — 本年收入合计 = Σ funds; 总计 = 合计 + 年初财政拨款结转和结余 on each side; the sides balance. Without
    // 公开04 and without any carry-over, appropriation income = appropriation spending (05 + 07 + 08).
    private void fiscalTable() {
        PublicTable t04 = PublicTable.T04;
        if (!t.has(t04)) {
            boolean carries = nonZero(cell(PublicTable.T01, "carry_forward_begin", Column.AMOUNT))
                    || nonZero(cell(PublicTable.T01, "carry_forward_end", Column.AMOUNT))
                    || nonZero(cell(PublicTable.T01, "non_fiscal_surplus_used", Column.AMOUNT));
            BigDecimal income = sumOf(PublicTable.T01, APPROPRIATIONS, Column.AMOUNT);
            BigDecimal spent = plus(total(PublicTable.T05), total(PublicTable.T07), total(PublicTable.T08));
            if (!carries && income != null && total(PublicTable.T05) != null) {
                compareSum("T05", income, spent, 3, subject(PublicTable.T01, "general_public_budget_appropriation", Column.AMOUNT),
                        "财政拨款收入 " + Figures.show(income) + " 万元与财政拨款支出 " + Figures.show(spent) + " 万元不一致",
                        "Financial appropriation income " + Figures.show(income) + " differs from appropriation spending " + Figures.show(spent));
            }
            return;
        }
        BigDecimal funds = sumOf(t04, APPROPRIATIONS, Column.AMOUNT);
        BigDecimal incomeTotal = cell(t04, "income_total", Column.AMOUNT);
        if (incomeTotal != null && funds != null) {
            compareSum("T05", incomeTotal, funds, 3, subject(t04, "income_total", Column.AMOUNT),
                    "财政拨款收入支出决算总表本年收入合计应等于三项财政拨款之和", "公开04 本年收入合计 should equal the three funds");
        }
        List<String> byFund = List.of("carry_forward_begin_general", "carry_forward_begin_fund", "carry_forward_begin_state_capital");
        BigDecimal begin = cell(t04, "carry_forward_begin", Column.AMOUNT);
        BigDecimal beginFunds = sumOf(t04, byFund, Column.AMOUNT);
        if (begin != null && beginFunds != null) {
            compareSum("T05", begin, beginFunds, 3, subject(t04, "carry_forward_begin", Column.AMOUNT),
                    "年初财政拨款结转和结余应等于各项资金之和", "公开04 年初结转和结余 should equal its funds");
        }
        BigDecimal incomeGrand = cell(t04, "income_grand_total", Column.AMOUNT);
        BigDecimal incomeSide = plus(first(incomeTotal, funds), first(begin, beginFunds));
        if (incomeGrand != null && incomeSide != null) {
            compareSum("T05", incomeGrand, incomeSide, 2, subject(t04, "income_grand_total", Column.AMOUNT),
                    "财政拨款收入总计应等于本年收入合计与年初财政拨款结转和结余之和", "公开04 收入总计 should equal income + opening balances");
        }
        List<PublishedRow> classes = t.rows(t04).stream().filter(PublishedRow::isAccount).filter(r -> r.key().length() == 3).toList();
        t.row(t04, "expenditure_total").ifPresent(total -> sumOfRows("T05", t04, total, classes, "本年支出合计（%s）应等于各类支出之和",
                "本年支出合计 (%s) should equal the classes"));
        for (Column column : List.of(Column.TOTAL, Column.GENERAL, Column.FUND, Column.STATE_CAPITAL)) {
            BigDecimal grand = cell(t04, "expenditure_grand_total", column);
            BigDecimal side = plus(cell(t04, "expenditure_total", column), cell(t04, "carry_forward_end", column));
            if (grand != null && side != null) {
                compareSum("T05", grand, side, 2, subject(t04, "expenditure_grand_total", column),
                        "支出总计（" + label(t04, column) + "）应等于本年支出合计与年末财政拨款结转和结余之和",
                        "公开04 支出总计 (" + column.key() + ") should equal spending + closing balances");
            }
        }
        BigDecimal spendingGrand = cell(t04, "expenditure_grand_total", Column.TOTAL);
        if (incomeGrand != null && spendingGrand != null) {
            compareSum("T05", incomeGrand, spendingGrand, 2, subject(t04, "income_grand_total", Column.AMOUNT),
                    "财政拨款收入支出决算总表两侧总计不平衡：收入方 " + Figures.show(incomeGrand) + " 万元，支出方 " + Figures.show(spendingGrand) + " 万元",
                    "The two sides of 公开04 do not balance");
        }
    }

    // X01–X08: the same figure printed in two tables.
    private void crossTables() {
        same("X01", PublicTable.T02, "total", Column.TOTAL, PublicTable.T01, "income_total", Column.AMOUNT, "收入决算表合计", "本年收入合计");
        same("X02", PublicTable.T03, "total", Column.TOTAL, PublicTable.T01, "expenditure_total", Column.AMOUNT, "支出决算表合计", "本年支出合计");
        for (PublishedRow row : t.rows(PublicTable.T01)) {
            if (row.isAccount()) {
                same("X03", PublicTable.T01, row.key(), Column.AMOUNT, PublicTable.T03, row.key(), Column.TOTAL, rowName(row), "支出决算表");
            }
        }
        for (String fund : APPROPRIATIONS) {
            same("X04", PublicTable.T04, fund, Column.AMOUNT, PublicTable.T01, fund, Column.AMOUNT,
                    PublicTable.T01.namedRow(fund).orElseThrow().label(), "收入支出决算总表");
        }
        for (PublishedRow row : t.rows(PublicTable.T04)) {
            if (!row.isAccount() && !row.key().equals("expenditure_total")) {
                continue;
            }
            String key = row.isAccount() ? row.key() : "total";
            same("X05", PublicTable.T04, row.key(), Column.GENERAL, PublicTable.T05, key, Column.TOTAL, rowName(row) + "一般公共预算财政拨款",
                    "一般公共预算财政拨款支出决算表");
            same("X06", PublicTable.T04, row.key(), Column.FUND, PublicTable.T07, key, Column.TOTAL, rowName(row) + "政府性基金预算财政拨款",
                    "政府性基金预算财政拨款收入支出决算表");
            same("X07", PublicTable.T04, row.key(), Column.STATE_CAPITAL, PublicTable.T08, key, Column.TOTAL,
                    rowName(row) + "国有资本经营预算财政拨款", "国有资本经营预算财政拨款支出决算表");
        }
        // T06: 05's 基本支出 is 06's 人员经费 + 公用经费 (both 一般公共预算财政拨款 only).
        BigDecimal basic = first(cell(PublicTable.T05, "total", Column.BASIC), classSum(PublicTable.T05, Column.BASIC));
        BigDecimal detail = first(cell(PublicTable.T06, "total", Column.AMOUNT),
                plus(cell(PublicTable.T06, "personnel_total", Column.AMOUNT), cell(PublicTable.T06, "operating_total", Column.AMOUNT)),
                classSum(PublicTable.T06, Column.AMOUNT));
        if (basic != null && detail != null) {
            compareSum("T06", detail, basic, 2, List.of(subject(PublicTable.T06, "total", Column.AMOUNT),
                            subject(PublicTable.T05, "total", Column.BASIC)),
                    "基本支出明细表合计 " + Figures.show(detail) + " 万元应等于一般公共预算财政拨款基本支出 " + Figures.show(basic) + " 万元",
                    "The basic expenditure detail (" + Figures.show(detail) + ") should equal general-budget basic expenditure (" + Figures.show(basic) + ")");
        }
        same("X08", PublicTable.T05, "total", Column.PERSONNEL, PublicTable.T06, "personnel_total", Column.AMOUNT, "人员经费", "基本支出明细表");
        same("X08", PublicTable.T05, "total", Column.OPERATING, PublicTable.T06, "operating_total", Column.AMOUNT, "公用经费", "基本支出明细表");
    }

    private void same(String rule, PublicTable a, String rowA, Column colA, PublicTable b, String rowB, Column colB, String what, String other) {
        BigDecimal x = cell(a, rowA, colA);
        BigDecimal y = cell(b, rowB, colB);
        if (x == null || y == null) {
            return;
        }
        compareSum(rule, x, y, 1, List.of(subject(a, rowA, colA), subject(b, rowB, colB)),
                a.number() + " " + what + " " + Figures.show(x) + " 万元与" + b.number() + " " + other + " " + Figures.show(y) + " 万元应一致",
                a.number() + " " + rowA + "/" + colA.key() + " (" + Figures.show(x) + ") should equal " + b.number() + " " + rowB + "/"
                        + colB.key() + " (" + Figures.show(y) + ")");
    }

    // T07: "三公" 合计 = its parts, 车辆 = 购置 + 运行, 接待 = 外宾 + 国内; T08: the printed budget against the narrative's;
    // T09: spent beyond the budget.
    private void threePublic() {
        parts3("TOTAL", List.of("OVERSEAS_TRAVEL", "VEHICLE", "RECEPTION"));
        parts3("VEHICLE", List.of("VEHICLE_PURCHASE", "VEHICLE_OPERATION"));
        parts3("RECEPTION", List.of("RECEPTION_FOREIGN", "RECEPTION_DOMESTIC"));
        for (PublishedRow row : t.rows(PublicTable.T09)) {
            if (!row.isAccount() && row.key().startsWith("trip_")) {
                continue;
            }
            BigDecimal printed = row.cell(Column.BUDGET);
            BigDecimal stated = row.cell(Column.ADJUSTED_BUDGET);
            BigDecimal actual = row.cell(Column.ACTUAL);
            String name = TableRules.name3(row.key());
            if (printed != null && stated != null && printed.compareTo(stated) != 0) {
                boolean copied = actual != null && printed.compareTo(actual) == 0;
                add("T08", Severity.ERROR, subject(PublicTable.T09, row.key(), Column.BUDGET),
                        name + "：公开09表列预算数 " + Figures.show(printed) + " 万元，说明中的全年预算为 " + Figures.show(stated) + " 万元"
                                + (copied ? "；表中预算数与决算数相同，疑为以决算数误填预算数" : ""),
                        name + ": the 公开09 table prints a budget of " + Figures.show(printed) + " while the narrative gives "
                                + Figures.show(stated) + (copied ? "; the table's budget repeats the actual" : ""),
                        Figures.show(stated), Figures.show(printed));
            }
            BigDecimal budget = first(stated, printed);
            if (budget != null && actual != null && actual.compareTo(budget) > 0) {
                add("T09", Severity.WARNING, subject(PublicTable.T09, row.key(), Column.ACTUAL),
                        name + "决算数 " + Figures.show(actual) + " 万元超过全年预算 " + Figures.show(budget) + " 万元",
                        name + ": actual " + Figures.show(actual) + " exceeds the budget " + Figures.show(budget), null, Figures.show(actual));
            }
        }
    }

    private void parts3(String whole, List<String> parts) {
        for (Period period : Period.values()) {
            PublishedRow total = (period == Period.CURRENT ? t.rows(PublicTable.T09) : t.previousRows(PublicTable.T09)).stream()
                    .filter(r -> r.key().equals(whole)).findFirst().orElse(null);
            if (total == null) {
                continue;
            }
            List<PublishedRow> rows = (period == Period.CURRENT ? t.rows(PublicTable.T09) : t.previousRows(PublicTable.T09)).stream()
                    .filter(r -> parts.contains(r.key())).toList();
            for (Column column : List.of(Column.BUDGET, Column.ADJUSTED_BUDGET, Column.ACTUAL)) {
                BigDecimal printed = total.cell(column);
                List<BigDecimal> values = rows.stream().map(r -> r.cell(column)).filter(Objects::nonNull).toList();
                if (printed == null || values.isEmpty()) {
                    continue;
                }
                String name = TableRules.name3(whole);
                compareSum("T07", printed, sum(values), values.size(), subject(PublicTable.T09, whole, column),
                        name + (period == Period.PREVIOUS ? "上年" : "") + "（" + label(PublicTable.T09, column) + "）应等于其各项之和",
                        name + (period == Period.PREVIOUS ? " last year" : "") + " (" + column.key() + ") should equal the sum of its parts");
            }
        }
    }

    // T10: procurement 合计 = goods + works + services, column by column; T11: SME contracts within the total, micro within SME.
    private void procurement() {
        PublicTable p = PublicTable.PROCUREMENT;
        t.row(p, "total").ifPresent(total -> sumOfRows("T10", p, total,
                t.rows(p).stream().filter(r -> List.of("goods", "works", "services").contains(r.key())).toList(),
                "政府采购合计（%s）应等于货物、工程、服务之和", "Procurement total (%s) should equal goods + works + services"));
        for (PublishedRow row : t.rows(p)) {
            BigDecimal amount = row.cell(Column.AMOUNT);
            BigDecimal sme = row.cell(Column.SME);
            BigDecimal micro = row.cell(Column.MICRO);
            String name = row.key().equals("total") ? "" : rowName(row);
            if (sme != null && micro != null && micro.compareTo(sme) > 0) {
                add("T11", Severity.ERROR, subject(p, row.key(), Column.MICRO),
                        name + "授予小微企业合同金额 " + Figures.show(micro) + " 万元大于授予中小企业合同金额 " + Figures.show(sme)
                                + " 万元；小微企业合同是中小企业合同的一部分",
                        "Contracts awarded to micro firms (" + Figures.show(micro) + ") exceed those awarded to SMEs (" + Figures.show(sme)
                                + "), of which they are a part", "≤ " + Figures.show(sme), Figures.show(micro));
            }
            if (sme != null && amount != null && sme.compareTo(amount) > 0) {
                // An SME figure summed from printed parts may exceed the total by their rounding.
                boolean rounding = sme.subtract(amount).compareTo(unit.multiply(BigDecimal.valueOf(2))) <= 0;
                add("T11", rounding ? Severity.ROUNDING : Severity.ERROR, List.of(subject(p, row.key(), Column.SME), subject(p, row.key(), Column.AMOUNT)),
                        name + "授予中小企业合同金额 " + Figures.show(sme) + " 万元大于政府采购金额 " + Figures.show(amount) + " 万元",
                        "Contracts awarded to SMEs (" + Figures.show(sme) + ") exceed the procurement amount (" + Figures.show(amount) + ")",
                        "≤ " + Figures.show(amount), Figures.show(sme));
            }
        }
    }

    private void compareSum(String rule, BigDecimal printed, BigDecimal sum, int terms, Subject subject, String zh, String en) {
        compareSum(rule, printed, sum, terms, List.of(subject), zh, en);
    }

    private void compareSum(String rule, BigDecimal printed, BigDecimal sum, int terms, List<Subject> subjects, String zh, String en) {
        BigDecimal diff = printed.subtract(sum).abs();
        if (diff.signum() == 0) {
            return;
        }
        boolean rounding = diff.compareTo(unit.multiply(BigDecimal.valueOf(Math.max(1, terms)))) <= 0;
        if (rounding) {
            add(rule, Severity.ROUNDING, subjects, zh + "：列示 " + Figures.show(printed) + "，合计 " + Figures.show(sum) + "，相差 "
                            + Figures.show(diff) + "，属尾数误差",
                    en + ": printed " + Figures.show(printed) + ", sum " + Figures.show(sum) + " (a rounding difference)",
                    Figures.show(sum), Figures.show(printed));
        } else {
            add(rule, Severity.ERROR, subjects, zh + "：列示 " + Figures.show(printed) + "，合计 " + Figures.show(sum),
                    en + ": printed " + Figures.show(printed) + ", sum " + Figures.show(sum), Figures.show(sum), Figures.show(printed));
        }
    }

    private void add(String rule, Severity severity, Subject subject, String zh, String en, String expected, String found) {
        add(rule, severity, List.of(subject), zh, en, expected, found);
    }

    private void add(String rule, Severity severity, List<Subject> subjects, String zh, String en, String expected, String found) {
        findings.add(new Finding(rule, severity, zh, en, subjects, expected, found));
    }

    private static Subject subject(PublicTable table, String row, Column column) {
        return Subject.line(table.number() + " " + table.title(), row, column.key());
    }

    private BigDecimal cell(PublicTable table, String row, Column column) {
        return t.cell(table, row, column);
    }

    /** A table's total: its printed 合计 row, else the sum of its 类 rows. */
    private BigDecimal total(PublicTable table) {
        return first(cell(table, "total", Column.TOTAL), classSum(table, Column.TOTAL));
    }

    private BigDecimal classSum(PublicTable table, Column column) {
        return sum(t.rows(table).stream().filter(r -> r.isAccount() && r.key().length() == 3).map(r -> r.cell(column))
                .filter(Objects::nonNull).toList());
    }

    private BigDecimal sumOf(PublicTable table, List<String> rows, Column column) {
        return sum(rows.stream().map(r -> cell(table, r, column)).filter(Objects::nonNull).toList());
    }

    private int count(PublicTable table, List<String> rows, Column column) {
        return (int) rows.stream().map(r -> cell(table, r, column)).filter(Objects::nonNull).count();
    }

    private static BigDecimal sum(List<BigDecimal> values) {
        return YearData.sum(values);
    }



    private static boolean nonZero(BigDecimal v) {
        return v != null && v.signum() != 0;
    }

    private static String name(PublishedRow row) {
        return row.name() == null ? "" : row.name();
    }

    private static String rowName(PublishedRow row) {
        if (row.name() != null) {
            return row.name();
        }
        return row.table().namedRow(row.key()).map(PublicTable.NamedRow::label).orElse(row.key());
    }

    private static String label(PublicTable table, Column column) {
        return column.label();
    }
}
