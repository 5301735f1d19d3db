package org.budgetnarrator.drafting.audit;

import org.budgetnarrator.model.domain.AccountLine;
import org.budgetnarrator.model.domain.DepartmentYear;
import org.budgetnarrator.model.domain.Indicator;
import org.budgetnarrator.model.domain.Project;
import org.budgetnarrator.model.domain.VehicleHolding;
import org.budgetnarrator.model.measure.ReportFigures;
import org.budgetnarrator.model.read.YearData;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The identities of the figures stored beside the tables (last year's totals, the budget split of a
 * self-evaluation, initial budgets, vehicles, scores). A difference within 0.01 per summed term is reported as
 * ROUNDING (the tables' own note: 金额单位转换时可能存在尾数误差), beyond that as ERROR. Rule ids and
 * tolerances are listed in docs/audit-rules.md; the tables' own identities are {@link PublishedTableRules}.
 */
final class TableRules {

    private final YearData data;
    private final List<Finding> findings = new ArrayList<>();

    TableRules(YearData data) {
        this.data = data;
    }

    List<Finding> run() {
        // T01–T11, the identities of the tables themselves, are checked on the tables as printed (PublishedTableRules).
        previousYear();
        projectLevels();
        initialBudgets();
        vehicles();
        summary();
        keyTasks();
        selfEvaluationTotal();
        emptyYear();
        adjustments();
        officeRunningCost();
        return findings;
    }

    // T23: a 一级 project's amounts are the sums of its 二级 projects', column by column.
    private void projectLevels() {
        for (Project parent : data.projects()) {
            List<Project> children = data.projects().stream().filter(c -> c.parentCode() != null
                    && (c.parentCode().equals(parent.code()) || c.parentCode().equals(parent.name()))).toList();
            if (children.isEmpty()) {
                continue;
            }
            Map<String, java.util.function.Function<Project, BigDecimal>> columns = new java.util.LinkedHashMap<>();
            columns.put("initialBudget", Project::initialBudget);
            columns.put("adjustedBudget", Project::adjustedBudget);
            columns.put("executed", Project::executed);
            Map<String, String> names = Map.of("initialBudget", "年初预算数", "adjustedBudget", "全年预算数", "executed", "执行数");
            for (var column : columns.entrySet()) {
                BigDecimal printed = column.getValue().apply(parent);
                List<BigDecimal> parts = children.stream().map(column.getValue()).filter(Objects::nonNull).toList();
                if (printed == null || parts.isEmpty()) {
                    continue;
                }
                String key = parent.code() != null ? parent.code() : parent.name();
                compareSum("T23", printed, YearData.sum(parts), parts.size(), List.of(Subject.line("项目", key, column.getKey())),
                        "一级项目“" + parent.name() + "”" + names.get(column.getKey()) + "应等于其二级项目之和",
                        "The 一级 project " + parent.name() + " (" + column.getKey() + ") should equal the sum of its 二级 projects");
            }
        }
    }

    // T12: last year's general-budget spending cannot exceed last year's total spending.
    private void previousYear() {
        DepartmentYear y = data.year();
        if (y.previousGeneralBudgetExpenditure() != null && y.previousTotalExpenditure() != null
                && y.previousGeneralBudgetExpenditure().compareTo(y.previousTotalExpenditure()) > 0) {
            add("T12", Severity.ERROR, List.of(Subject.line("上年数", "一般公共预算财政拨款支出", "previousGeneralBudgetExpenditure")),
                    "上年一般公共预算财政拨款支出 " + Figures.show(y.previousGeneralBudgetExpenditure()) + " 万元大于上年支出总计 "
                            + Figures.show(y.previousTotalExpenditure()) + " 万元，两处上年数不能同时成立",
                    "Last year's general-budget spending (" + Figures.show(y.previousGeneralBudgetExpenditure())
                            + ") exceeds last year's total spending (" + Figures.show(y.previousTotalExpenditure()) + ")",
                    "≤ " + Figures.show(y.previousTotalExpenditure()), Figures.show(y.previousGeneralBudgetExpenditure()));
        }
    }

    // T13: the 项 lines' initial budgets sum to the stated initial budget.
    private void initialBudgets() {
        BigDecimal stated = data.year().initialBudget();
        List<BigDecimal> items = data.functional().stream().filter(a -> a.level() == 3).map(AccountLine::initialBudget)
                .filter(Objects::nonNull).toList();
        if (stated == null || items.isEmpty() || data.year().stage().equals("SELF_EVALUATION")) {
            return;
        }
        compareSum("T13", stated, YearData.sum(items), items.size(), List.of(Subject.line("一般公共预算财政拨款支出决算表", "合计", "initialBudget")),
                "各项年初预算之和 " + Figures.show(YearData.sum(items)) + " 万元与年初预算总额 " + Figures.show(stated) + " 万元不一致",
                "The 项 lines' initial budgets sum to " + Figures.show(YearData.sum(items)) + " against a stated " + Figures.show(stated));
    }

    // T14: vehicles held by kind add up to the 公务用车 holding.
    private void vehicles() {
        var vehicleLine = data.threePublic("VEHICLE_OPERATION").or(() -> data.threePublic("VEHICLE"));
        if (data.vehicles().isEmpty() || vehicleLine.isEmpty() || vehicleLine.get().vehicles() == null) {
            return;
        }
        int total = data.vehicles().stream().mapToInt(VehicleHolding::count).sum();
        if (total != vehicleLine.get().vehicles()) {
            add("T14", Severity.WARNING, List.of(Subject.line("国有资产占用", "车辆", "count")),
                    "车辆分类合计 " + total + " 辆与公务用车保有量 " + vehicleLine.get().vehicles() + " 辆不一致",
                    "Vehicles by kind (" + total + ") differ from the official vehicles held (" + vehicleLine.get().vehicles() + ")",
                    String.valueOf(vehicleLine.get().vehicles()), String.valueOf(total));
        }
    }

    // T15: budget split by nature and by source add up (self-evaluation and budget stage).
    private void summary() {
        DepartmentYear y = data.year();
        List<BigDecimal> nature = nonNull(y.basicExpenditure(), y.projectExpenditure(), y.businessExpenditure());
        BigDecimal whole = y.executed() != null ? y.executed() : null;
        if (whole != null && nature.size() >= 2) {
            compareSum("T15", whole, YearData.sum(nature), nature.size(), List.of(Subject.line("年度概况", "执行数", "executed")),
                    "全年执行数 " + Figures.show(whole) + " 万元应等于基本支出、项目支出、经营支出之和 " + Figures.show(YearData.sum(nature)) + " 万元",
                    "Executed " + Figures.show(whole) + " should equal basic + project + business " + Figures.show(YearData.sum(nature)));
        } else if (whole == null && nature.size() >= 2 && (y.fundFiscalAppropriation() != null || y.fundOther() != null)) {
            List<BigDecimal> sources = nonNull(y.fundFiscalAppropriation(), y.fundOther());
            compareSum("T15", YearData.sum(sources), YearData.sum(nature), nature.size() + sources.size(),
                    List.of(Subject.line("年度概况", "预算", "fundFiscalAppropriation")),
                    "按收入来源的预算合计应等于按支出性质的预算合计", "The budget by source should equal the budget by nature");
        }
        List<BigDecimal> sources = nonNull(y.fundGeneralBudget(), y.fundGovernmentFund(), y.fundSpecialAccount(), y.fundOther());
        if (y.adjustedBudget() != null && sources.size() >= 2) {
            compareSum("T16", y.adjustedBudget(), YearData.sum(sources), sources.size(), List.of(Subject.line("年度概况", "全年预算数", "adjustedBudget")),
                    "全年预算数 " + Figures.show(y.adjustedBudget()) + " 万元应等于各资金来源之和 " + Figures.show(YearData.sum(sources)) + " 万元",
                    "The adjusted budget should equal the sum of its sources");
        }
        if (y.basicExpenditure() != null && data.functionalTotal(AccountLine::basic) != null) {
            compareSum("T17", y.basicExpenditure(), data.functionalTotal(AccountLine::basic), 2, List.of(Subject.line("年度概况", "基本支出", "basicExpenditure")),
                    "年度概况基本支出 " + Figures.show(y.basicExpenditure()) + " 万元与支出决算表基本支出 " + Figures.show(data.functionalTotal(AccountLine::basic)) + " 万元不一致",
                    "Summary basic expenditure differs from the expenditure table's");
        }
    }

    // T18: the key tasks' total (often in 元) = the project expenditure of the budget (after unit conversion).
    private void keyTasks() {
        List<BigDecimal> tasks = data.projects().stream().filter(p -> "年度重点工作任务".equals(p.category()))
                .map(Project::initialBudget).filter(Objects::nonNull).toList();
        BigDecimal projectSpending = data.year().projectExpenditure();
        if (tasks.isEmpty() || projectSpending == null) {
            return;
        }
        compareSum("T18", projectSpending, YearData.sum(tasks), tasks.size(), List.of(Subject.line("年度重点工作任务", "合计", "initialBudget")),
                "重点工作任务资金合计 " + Figures.show(YearData.sum(tasks)) + " 万元与项目支出 " + Figures.show(projectSpending) + " 万元不一致",
                "Key tasks total " + Figures.show(YearData.sum(tasks)) + " against project expenditure " + Figures.show(projectSpending));
    }

    // T19: a self-evaluation's total = budget execution score + the indicators' scores.
    private void selfEvaluationTotal() {
        DepartmentYear y = data.year();
        List<Indicator> scored = data.departmentIndicators().stream().filter(i -> i.score() != null).toList();
        if (y.totalScore() == null || scored.isEmpty()) {
            return;
        }
        BigDecimal sum = YearData.sum(scored.stream().map(Indicator::score).toList());
        if (y.budgetExecutionScore() != null) {
            sum = sum.add(y.budgetExecutionScore());
        }
        compareSum("T19", y.totalScore(), sum, 1, List.of(Subject.line("绩效自评表", "总分", "totalScore")),
                "自评总分 " + Figures.show(y.totalScore()) + " 与各项得分之和 " + Figures.show(sum) + " 不一致",
                "The self-evaluation total " + Figures.show(y.totalScore()) + " differs from the sum of its scores " + Figures.show(sum));
    }

    // T20: a final account whose income and expenditure are zero (V33-111).
    private void emptyYear() {
        if (!"FINAL_ACCOUNTS".equals(data.year().stage())) {
            return;
        }
        // 公开01's printed 支出总计 where the report prints it (a report read without its 公开03 has no spending lines)
        BigDecimal total = Figures.first(new ReportFigures(data).expenditureGrandTotal(), data.functionalTotal(AccountLine::actual));
        if (total == null || total.signum() == 0) {
            add("T20", Severity.WARNING, List.of(Subject.line("收入支出决算总表", "总计", "amount")),
                    "部门决算的收入支出总计为零或缺失", "The final account's totals are zero or missing", null, Figures.show(total));
        }
    }

    // T21: a budget adjusted by more than 30% during the year (R013): worth explaining.
    private void adjustments() {
        for (AccountLine line : data.functional()) {
            if (line.level() == 3 && line.initialBudget() != null && line.adjustedBudget() != null && line.initialBudget().signum() > 0) {
                BigDecimal rate = Figures.percent(line.adjustedBudget().subtract(line.initialBudget()).abs(), line.initialBudget());
                if (rate.compareTo(BigDecimal.valueOf(30)) > 0) {
                    add("T21", Severity.WARNING, List.of(Subject.line("支出决算表", line.code(), "adjustedBudget")),
                            line.code() + " " + line.name() + "：全年预算 " + Figures.show(line.adjustedBudget()) + " 万元较年初预算 "
                                    + Figures.show(line.initialBudget()) + " 万元调整 " + Figures.showPercent(rate) + "，超过30%，宜说明调整原因",
                            line.code() + " " + line.name() + ": the budget was adjusted by " + Figures.showPercent(rate) + " (over 30%)",
                            null, Figures.showPercent(rate));
                }
            }
        }
    }

    // T22: for an administrative unit, 机关运行经费 is the operating part (公用经费) of general-budget basic spending.
    private void officeRunningCost() {
        BigDecimal office = data.year().officeRunningCost();
        BigDecimal operating = YearData.sum(data.economic().stream()
                .filter(a -> a.level() == 1 && !a.code().equals("301") && !a.code().equals("303")).map(AccountLine::actual).toList());
        if (office == null || operating == null) {
            return;
        }
        if (office.compareTo(operating) != 0) {
            add("T22", Severity.WARNING, List.of(Subject.line("机关运行经费", "合计", "officeRunningCost")),
                    "机关运行经费 " + Figures.show(office) + " 万元与公用经费 " + Figures.show(operating) + " 万元不一致；行政单位二者通常相同，事业单位请核对口径",
                    "Office running costs " + Figures.show(office) + " differ from operating expenditure " + Figures.show(operating),
                    Figures.show(operating), Figures.show(office));
        }
    }

    private void compareSum(String rule, BigDecimal printed, BigDecimal sum, int terms, List<Subject> subjects, String zh, String en) {
        switch (Figures.compareSum(printed, sum, terms)) {
            case EQUAL -> {
            }
            case ROUNDING -> add(rule, Severity.ROUNDING, subjects,
                    zh + "：列示 " + Figures.show(printed) + "，合计 " + Figures.show(sum) + "，相差 " + Figures.show(printed.subtract(sum).abs())
                            + "，属尾数误差",
                    en + ": printed " + Figures.show(printed) + ", sum " + Figures.show(sum) + " (a rounding difference)",
                    Figures.show(sum), Figures.show(printed));
            case DIFFERENT -> add(rule, Severity.ERROR, subjects,
                    zh + "：列示 " + Figures.show(printed) + "，合计 " + Figures.show(sum),
                    en + ": printed " + Figures.show(printed) + ", sum " + Figures.show(sum),
                    Figures.show(sum), Figures.show(printed));
        }
    }

    private void add(String rule, Severity severity, List<Subject> subjects, String zh, String en, String expected, String found) {
        findings.add(new Finding(rule, severity, zh, en, subjects, expected, found));
    }

    static String name3(String item) {
        return org.budgetnarrator.model.imports.ImportFormat.THREE_PUBLIC.field("item").orElseThrow().choices().getOrDefault(item, item);
    }

    private static BigDecimal nz(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }

    private static List<BigDecimal> nonNull(BigDecimal... values) {
        List<BigDecimal> out = new ArrayList<>();
        for (BigDecimal v : values) {
            if (v != null) {
                out.add(v);
            }
        }
        return out;
    }
}
