package org.budgetnarrator.drafting.audit;

import org.budgetnarrator.model.domain.AccountLine;
import org.budgetnarrator.model.domain.DepartmentYear;
import org.budgetnarrator.model.domain.Indicator;
import org.budgetnarrator.model.domain.Project;
import org.budgetnarrator.model.domain.ThreePublicLine;
import org.budgetnarrator.model.domain.VehicleHolding;
import org.budgetnarrator.model.read.YearData;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The identities the stored tables must satisfy. A difference within 0.01 per summed term is reported as
 * ROUNDING (the tables' own note: 金额单位转换时可能存在尾数误差), beyond that as ERROR. Rule ids and
 * tolerances are listed in docs/audit-rules.md.
 */
final class TableRules {

    private static final Map<String, String> COLUMNS = Map.ofEntries(
            Map.entry("initialBudget", "年初预算数"), Map.entry("adjustedBudget", "全年预算数"), Map.entry("actual", "决算数"),
            Map.entry("basic", "基本支出"), Map.entry("personnel", "人员经费"), Map.entry("operating", "公用经费"),
            Map.entry("project", "项目支出"), Map.entry("remittance", "上缴上级支出"), Map.entry("business", "经营支出"),
            Map.entry("subsidiary", "对附属单位补助支出"), Map.entry("generalBudget", "一般公共预算财政拨款"),
            Map.entry("governmentFund", "政府性基金预算财政拨款"), Map.entry("stateCapital", "国有资本经营预算财政拨款"),
            Map.entry("budget", "预算数"), Map.entry("previousActual", "上年决算数"), Map.entry("tableBudget", "公开09表列预算数"));

    private final YearData data;
    private final List<Finding> findings = new ArrayList<>();

    TableRules(YearData data) {
        this.data = data;
    }

    List<Finding> run() {
        accountHierarchy();
        accountColumns();
        totalsBalance();
        fiscalAllocations();
        economicAgainstBasic();
        threePublic();
        procurement();
        previousYear();
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

    // T01: each parent account line = the sum of its children, column by column.
    private void accountHierarchy() {
        for (AccountLine parent : data.accounts()) {
            List<AccountLine> children = data.children(parent);
            if (children.isEmpty() || Boolean.TRUE.equals(parent.derived())) {
                continue;
            }
            String table = table(parent);
            for (Map.Entry<String, Function<AccountLine, BigDecimal>> column : columns().entrySet()) {
                BigDecimal printed = column.getValue().apply(parent);
                List<BigDecimal> parts = children.stream().map(column.getValue()).filter(Objects::nonNull).toList();
                if (printed == null || parts.isEmpty()) {
                    continue;
                }
                compareSum("T01", printed, YearData.sum(parts), parts.size(),
                        List.of(Subject.line(table, parent.code(), column.getKey())),
                        parent.code() + " " + parent.name() + "（" + COLUMNS.get(column.getKey()) + "）应等于下级科目之和",
                        parent.code() + " " + parent.name() + " (" + column.getKey() + ") should equal the sum of its children");
            }
        }
    }

    // T02: actual = basic + project + other columns; T03: basic = personnel + operating.
    private void accountColumns() {
        for (AccountLine line : data.functional()) {
            List<BigDecimal> parts = new ArrayList<>();
            for (BigDecimal p : new BigDecimal[]{line.basic(), line.project(), line.remittance(), line.business(), line.subsidiary()}) {
                if (p != null) {
                    parts.add(p);
                }
            }
            if (line.actual() != null && !parts.isEmpty() && line.actual().signum() != 0) {
                compareSum("T02", line.actual(), YearData.sum(parts), parts.size(),
                        List.of(Subject.line("支出决算表", line.code(), "actual")),
                        line.code() + " " + line.name() + "：本年支出合计应等于基本支出、项目支出等各列之和",
                        line.code() + " " + line.name() + ": the total should equal basic + project + other columns");
            }
            if (line.basic() != null && line.personnel() != null && line.operating() != null) {
                compareSum("T03", line.basic(), line.personnel().add(line.operating()), 2,
                        List.of(Subject.line("支出决算表", line.code(), "basic")),
                        line.code() + " " + line.name() + "：基本支出应等于人员经费与公用经费之和",
                        line.code() + " " + line.name() + ": basic expenditure should equal personnel + operating");
            }
        }
    }

    // T04: the two sides of 总计 balance: income of the year + carry-overs = expenditure + closing balances.
    private void totalsBalance() {
        if (data.incomes().isEmpty() || data.functional().isEmpty()) {
            return;
        }
        BigDecimal income = BigDecimal.ZERO;
        BigDecimal closing = BigDecimal.ZERO;
        int terms = 0;
        for (var line : data.incomes()) {
            switch (line.source()) {
                case "carry_forward_end", "surplus_distribution" -> closing = closing.add(line.amount());
                default -> income = income.add(line.amount());
            }
            terms++;
        }
        BigDecimal expenditure = data.functionalTotal(AccountLine::actual);
        if (expenditure == null) {
            return;
        }
        compareSum("T04", income, expenditure.add(closing), terms + 1, List.of(Subject.line("收入支出决算总表", "总计", "amount")),
                "收入支出决算总表两侧总计不平衡：收入方 " + Figures.show(income) + " 万元，支出方 " + Figures.show(expenditure.add(closing)) + " 万元",
                "The two sides of 总计 do not balance: income " + Figures.show(income) + ", expenditure " + Figures.show(expenditure.add(closing)));
    }

    // T05: financial appropriation income = financial appropriation expenditure (公开04 against 公开03/05).
    private void fiscalAllocations() {
        BigDecimal income = YearData.sum(data.incomes().stream().filter(i -> i.source().endsWith("_appropriation"))
                .map(i -> i.amount()).toList());
        BigDecimal spent = YearData.sum(List.of(nz(data.functionalTotal(AccountLine::generalBudget)),
                nz(data.functionalTotal(AccountLine::governmentFund)), nz(data.functionalTotal(AccountLine::stateCapital))));
        if (income == null || data.functionalTotal(AccountLine::generalBudget) == null) {
            return;
        }
        BigDecimal carry = data.income("carry_forward_begin").map(i -> i.amount()).orElse(BigDecimal.ZERO);
        BigDecimal closing = data.income("carry_forward_end").map(i -> i.amount()).orElse(BigDecimal.ZERO);
        compareSum("T05", income.add(carry), spent.add(closing), 3, List.of(Subject.line("财政拨款收入支出决算总表", "总计", "amount")),
                "财政拨款收入 " + Figures.show(income) + " 万元与财政拨款支出 " + Figures.show(spent) + " 万元不一致",
                "Financial appropriation income " + Figures.show(income) + " differs from appropriation spending " + Figures.show(spent));
    }

    // T06: the economic classification of basic expenditure (公开06) sums to the functional tables' basic expenditure.
    private void economicAgainstBasic() {
        BigDecimal economic = YearData.sum(data.economic().stream().filter(a -> a.level() == 1).map(AccountLine::actual).toList());
        BigDecimal basic = data.functionalTotal(AccountLine::basic);
        if (economic == null || basic == null) {
            return;
        }
        compareSum("T06", economic, basic, 2, List.of(Subject.line("一般公共预算财政拨款基本支出决算明细表", "合计", "actual")),
                "基本支出明细表合计 " + Figures.show(economic) + " 万元应等于支出决算表基本支出 " + Figures.show(basic) + " 万元",
                "The basic expenditure detail (" + Figures.show(economic) + ") should equal basic expenditure (" + Figures.show(basic) + ")");
    }

    // T07: "三公" total = its parts; vehicles = purchase + operation; reception = foreign + domestic; T08: the printed budget.
    private void threePublic() {
        check3("TOTAL", List.of("OVERSEAS_TRAVEL", "VEHICLE", "RECEPTION"));
        check3("VEHICLE", List.of("VEHICLE_PURCHASE", "VEHICLE_OPERATION"));
        check3("RECEPTION", List.of("RECEPTION_FOREIGN", "RECEPTION_DOMESTIC"));
        for (ThreePublicLine line : data.threePublic()) {
            if (line.tableBudget() != null && line.budget() != null && line.tableBudget().compareTo(line.budget()) != 0) {
                boolean copied = line.actual() != null && line.tableBudget().compareTo(line.actual()) == 0;
                add("T08", Severity.ERROR, List.of(Subject.line("财政拨款“三公”经费支出决算表", line.item(), "tableBudget")),
                        name3(line.item()) + "：公开09表列预算数 " + Figures.show(line.tableBudget()) + " 万元，说明中的全年预算为 "
                                + Figures.show(line.budget()) + " 万元" + (copied ? "；表中预算数与决算数相同，疑为以决算数误填预算数" : ""),
                        name3(line.item()) + ": the 公开09 table prints a budget of " + Figures.show(line.tableBudget())
                                + " while the narrative gives " + Figures.show(line.budget()) + (copied ? "; the table's budget repeats the actual" : ""),
                        Figures.show(line.budget()), Figures.show(line.tableBudget()));
            }
            if (line.budget() != null && line.actual() != null && line.actual().compareTo(line.budget()) > 0) {
                add("T09", Severity.WARNING, List.of(Subject.line("财政拨款“三公”经费支出决算表", line.item(), "actual")),
                        name3(line.item()) + "决算数 " + Figures.show(line.actual()) + " 万元超过全年预算 " + Figures.show(line.budget()) + " 万元",
                        name3(line.item()) + ": actual " + Figures.show(line.actual()) + " exceeds the budget " + Figures.show(line.budget()),
                        null, Figures.show(line.actual()));
            }
        }
    }

    private void check3(String total, List<String> parts) {
        var whole = data.threePublic(total);
        if (whole.isEmpty()) {
            return;
        }
        List<ThreePublicLine> lines = parts.stream().map(data::threePublic).flatMap(java.util.Optional::stream).toList();
        if (lines.isEmpty()) {
            return;
        }
        Map<String, Function<ThreePublicLine, BigDecimal>> columns = Map.of("budget", ThreePublicLine::budget,
                "actual", ThreePublicLine::actual, "previousActual", ThreePublicLine::previousActual, "tableBudget", ThreePublicLine::tableBudget);
        for (var column : columns.entrySet()) {
            BigDecimal printed = column.getValue().apply(whole.get());
            List<BigDecimal> values = lines.stream().map(column.getValue()).filter(Objects::nonNull).toList();
            if (printed == null || values.isEmpty()) {
                continue;
            }
            compareSum("T07", printed, YearData.sum(values), values.size(),
                    List.of(Subject.line("财政拨款“三公”经费支出决算表", total, column.getKey())),
                    name3(total) + "（" + COLUMNS.get(column.getKey()) + "）应等于其各项之和",
                    name3(total) + " (" + column.getKey() + ") should equal the sum of its parts");
        }
    }

    // T10: procurement parts = total; SME ≤ total; micro firms ≤ SMEs (small and micro firms are part of SMEs).
    private void procurement() {
        DepartmentYear y = data.year();
        List<BigDecimal> parts = new ArrayList<>();
        for (BigDecimal p : new BigDecimal[]{y.procurementGoods(), y.procurementWorks(), y.procurementServices()}) {
            if (p != null) {
                parts.add(p);
            }
        }
        if (y.procurementTotal() != null && !parts.isEmpty()) {
            compareSum("T10", y.procurementTotal(), YearData.sum(parts), parts.size(), List.of(Subject.line("政府采购", "合计", "procurementTotal")),
                    "政府采购支出总额应等于货物、工程、服务支出之和", "Procurement total should equal goods + works + services");
        }
        if (y.procurementSme() != null && y.procurementMicro() != null && y.procurementMicro().compareTo(y.procurementSme()) > 0) {
            add("T11", Severity.ERROR, List.of(Subject.line("政府采购", "中小企业", "procurementMicro")),
                    "授予小微企业合同金额 " + Figures.show(y.procurementMicro()) + " 万元大于授予中小企业合同金额 "
                            + Figures.show(y.procurementSme()) + " 万元；小微企业合同是中小企业合同的一部分",
                    "Contracts awarded to micro firms (" + Figures.show(y.procurementMicro()) + ") exceed those awarded to SMEs ("
                            + Figures.show(y.procurementSme()) + "), of which they are a part",
                    "≤ " + Figures.show(y.procurementSme()), Figures.show(y.procurementMicro()));
        }
        if (y.procurementSme() != null && y.procurementTotal() != null && y.procurementSme().compareTo(y.procurementTotal()) > 0) {
            add("T11", Severity.ERROR, List.of(Subject.line("政府采购", "中小企业", "procurementSme")),
                    "授予中小企业合同金额大于政府采购支出总额", "Contracts awarded to SMEs exceed the procurement total",
                    "≤ " + Figures.show(y.procurementTotal()), Figures.show(y.procurementSme()));
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
        BigDecimal total = data.functionalTotal(AccountLine::actual);
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

    private static Map<String, Function<AccountLine, BigDecimal>> columns() {
        Map<String, Function<AccountLine, BigDecimal>> c = new java.util.LinkedHashMap<>();
        c.put("initialBudget", AccountLine::initialBudget);
        c.put("adjustedBudget", AccountLine::adjustedBudget);
        c.put("actual", AccountLine::actual);
        c.put("basic", AccountLine::basic);
        c.put("personnel", AccountLine::personnel);
        c.put("operating", AccountLine::operating);
        c.put("project", AccountLine::project);
        c.put("generalBudget", AccountLine::generalBudget);
        c.put("governmentFund", AccountLine::governmentFund);
        c.put("stateCapital", AccountLine::stateCapital);
        return c;
    }

    private static String table(AccountLine line) {
        return "ECONOMIC".equals(line.classification()) ? "一般公共预算财政拨款基本支出决算明细表" : "支出决算表";
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
