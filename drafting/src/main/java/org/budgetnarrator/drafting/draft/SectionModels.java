package org.budgetnarrator.drafting.draft;

import org.budgetnarrator.model.domain.AccountLine;
import org.budgetnarrator.model.domain.DepartmentYear;
import org.budgetnarrator.model.domain.IncomeLine;
import org.budgetnarrator.model.domain.Indicator;
import org.budgetnarrator.model.domain.Project;
import org.budgetnarrator.model.domain.ThreePublicLine;
import org.budgetnarrator.model.domain.VehicleHolding;
import org.budgetnarrator.model.domain.PublicTable;
import org.budgetnarrator.model.measure.ReportFigures;
import org.budgetnarrator.model.read.YearData;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What each section's template is given: facts made from the stored numbers, the words that follow from
 * them (增加/减少, 大于/小于), and the reasons recorded (or the gaps). The templates only arrange them.
 */
final class SectionModels {

    private static final List<String[]> INCOME_SOURCES = List.of(
            new String[]{"superior_subsidy", "上级补助收入"}, new String[]{"public_service_unit_income", "事业收入"},
            new String[]{"operating_income", "经营收入"}, new String[]{"subsidiary_remittance", "附属单位上缴收入"},
            new String[]{"other_income", "其他收入"});
    private static final List<String[]> FUNDS = List.of(
            new String[]{"general_public_budget_appropriation", "一般公共预算财政拨款收入"},
            new String[]{"government_fund_budget_appropriation", "政府性基金预算财政拨款收入"},
            new String[]{"state_capital_budget_appropriation", "国有资本经营预算财政拨款收入"});
    private static final List<String> PERSONNEL_CLASSES = List.of("301", "303");

    private final DraftContext ctx;
    private final YearData data;
    private final DepartmentYear y;
    /** Every total on the basis real reports state it (the printed tables first), shared with the audit. */
    private final ReportFigures figures;

    SectionModels(DraftContext ctx) {
        this.ctx = ctx;
        this.data = ctx.data();
        this.y = data.year();
        this.figures = new ReportFigures(data);
    }

    Map<String, Object> model(SectionKind section) {
        Map<String, Object> m = new HashMap<>();
        m.put("year", ctx.year(y.year()));
        m.put("prevYear", ctx.year(y.year() - 1));
        m.put("department", data.department().name());
        m.put("unit", ctx.unit());
        // A section is drafted when the data hold its own figure, as printed tables or as lines: a report that gives its
        // 收、支总计 and nothing else still has an opening sentence.
        boolean stated = switch (section) {
            case TOTALS -> figures.incomeGrandTotal() != null;
            case INCOME -> figures.incomeTotal() != null;
            case EXPENDITURE -> figures.expenditureTotal() != null;
            case FISCAL_TOTALS -> figures.fiscalGrandTotal() != null;
            case GENERAL_BUDGET -> figures.generalBudget() != null;
            case BASIC_EXPENDITURE -> figures.generalBasic() != null || figures.personnel() != null;
            default -> false;
        };
        m.put("hasAccounts", !data.functional().isEmpty() || stated);
        m.put("hasIncomes", !data.incomes().isEmpty() || stated);
        switch (section) {
            case TOTALS -> totals(m);
            case INCOME -> income(m);
            case EXPENDITURE -> expenditure(m);
            case FISCAL_TOTALS -> fiscalTotals(m);
            case GENERAL_BUDGET -> generalBudget(m);
            case BASIC_EXPENDITURE -> basic(m);
            case GOVERNMENT_FUND -> fund(m, AccountLine::governmentFund, "government_fund_budget_appropriation");
            case STATE_CAPITAL -> fund(m, AccountLine::stateCapital, "state_capital_budget_appropriation");
            case THREE_PUBLIC -> threePublic(m);
            case OFFICE_RUNNING_COST -> officeRunningCost(m);
            case PROCUREMENT -> procurement(m);
            case ASSETS -> assets(m);
            case PERFORMANCE -> performance(m);
            case INDICATOR_DEVIATIONS -> indicatorDeviations(m);
            case SELF_EVALUATION_DEVIATION -> selfEvaluation(m);
            case IMPROVEMENT_PLAN -> {
                put(m, "measures", ctx.measures("evaluation:department", "BUDGET"));
                put(m, "improvementPlan", y.improvementPlan());
                // No measure recorded and no plan entered: a promise the department never made is not written for it.
                if (!m.containsKey("measures") && !m.containsKey("improvementPlan")) {
                    m.put("missing", ctx.missing("evaluation:department", "改进措施及结果应用方案"));
                }
            }
            case BUDGET_GOAL -> budgetGoal(m);
            case BUDGET_FUNDS -> budgetFunds(m);
            case KEY_TASKS -> keyTasks(m);
            case TARGET_INDICATORS -> targetIndicators(m);
        }
        return m;
    }

    // --- totals

    /**
     * Whether a line is written: a source or item the data hold no figure for is left out, and one they state as zero
     * only where the style lists zero lines (as some reports print every line of the table).
     */
    private boolean written(BigDecimal amount) {
        return amount != null && (amount.signum() != 0 || !ctx.style().omitZeroLines());
    }

    private void totals(Map<String, Object> m) {
        StyleProfile style = ctx.style();
        boolean year = style.totalsBasis() == StyleProfile.TotalsBasis.YEAR;
        // 收入总计 and 支出总计 balance in every 决算 (公开01); 本年收入合计 and 本年支出合计 do not.
        BigDecimal income = nz(year ? figures.incomeTotal() : figures.incomeGrandTotal());
        BigDecimal spent = nz(year ? figures.expenditureTotal() : figures.expenditureGrandTotal());
        BigDecimal incomeBefore = year ? figures.previousIncomeTotal() : figures.previousIncomeGrandTotal();
        BigDecimal spentBefore = year ? figures.previousExpenditureTotal() : figures.previousExpenditureGrandTotal();
        boolean equal = income.compareTo(spent) == 0;
        StyleProfile.TotalsPhrasing phrasing = style.totals();
        m.put("incomeName", year ? "收入合计" : "收入总计");
        m.put("expenditureName", year ? "支出合计" : "支出总计");
        m.put("bothName", year ? "收、支合计" : "收、支总计");
        if (phrasing == StyleProfile.TotalsPhrasing.INCOME_PARTS) {
            incomeParts(m);
            return;
        }
        // "均为" and a single figure for both sides only where the two are the same figure.
        boolean together = equal && phrasing != StyleProfile.TotalsPhrasing.APART;
        m.put("phrasing", together ? phrasing.name() : StyleProfile.TotalsPhrasing.APART.name());
        m.put("equal", equal);
        if (together) {
            m.put("bothTotal", ctx.money("total", "income", income));
        } else {
            m.put("incomeTotal", ctx.money("total", "income", income));
            m.put("expenditureTotal", ctx.money("total", "expenditure", spent));
        }
        if (style.changePairs() && movedAlike(income, incomeBefore, spent, spentBefore)) {
            m.put("paired", true);
            m.put("incomeChange", ctx.change("total:income", income, incomeBefore));
            m.put("expenditureChange", ctx.change("total:expenditure", spent, spentBefore));
            boolean needed = ctx.needsPreviousReason(income, incomeBefore) || ctx.needsPreviousReason(spent, spentBefore);
            put(m, "reasons", ctx.reasons("total", "PREVIOUS", needed, m.get("bothName") + "较上年变动的主要原因"));
            return;
        }
        boolean sameChange = equal && (incomeBefore == null ? spentBefore == null : spentBefore != null && incomeBefore.compareTo(spentBefore) == 0);
        if (sameChange) {
            m.put("each", style.changeEach());
            changeWithReasons(m, "total", income, incomeBefore, m.get("bothName") + "较上年变动的主要原因");
            return;
        }
        DraftContext.Change incomeChange = ctx.change("total:income", income, incomeBefore);
        DraftContext.Change spentChange = ctx.change("total:expenditure", spent, spentBefore);
        put(m, "incomeChange", incomeChange);
        put(m, "expenditureChange", spentChange);
        boolean needed = ctx.needsPreviousReason(income, incomeBefore) || ctx.needsPreviousReason(spent, spentBefore);
        if (incomeChange != null && !incomeChange.isFlat() || spentChange != null && !spentChange.isFlat()) {
            put(m, "reasons", ctx.reasons("total", "PREVIOUS", needed, m.get("bothName") + "较上年变动的主要原因"));
        }
    }

    /**
     * Whether two totals' changes can be stated as one pair under one word (各减少A和B，下降x%和y%): both known, both
     * moved the same way, and each has a rate or neither has (a rate from a zero last year is none).
     */
    private static boolean movedAlike(BigDecimal a, BigDecimal aBefore, BigDecimal b, BigDecimal bBefore) {
        if (aBefore == null || bBefore == null) {
            return false;
        }
        int aSign = a.compareTo(aBefore);
        return aSign != 0 && aSign == b.compareTo(bBefore) && (aBefore.signum() == 0) == (bBefore.signum() == 0);
    }

    /** 收入总计, then its parts: 年初结转和结余 and 本年收入合计, each with its change from last year. */
    private void incomeParts(Map<String, Object> m) {
        m.put("phrasing", StyleProfile.TotalsPhrasing.INCOME_PARTS.name());
        BigDecimal grand = nz(figures.incomeGrandTotal());
        m.put("incomeTotal", ctx.money("total", "income", grand));
        put(m, "change", ctx.change("total", grand, figures.previousIncomeGrandTotal()));
        BigDecimal carry = figures.carryForwardBegin();
        if (carry != null) {
            m.put("carry", ctx.money("income:carry_forward_begin", "amount", carry));
            BigDecimal before = figures.previousCarryForwardBegin();
            put(m, "carryChange", ctx.change("income:carry_forward_begin", carry, before));
        }
        BigDecimal year = figures.incomeTotal();
        if (year != null) {
            BigDecimal before = figures.previousIncomeTotal();
            m.put("yearIncome", ctx.money("income:total", "amount", year));
            DraftContext.Change change = ctx.change("income:total", year, before);
            put(m, "yearChange", change);
            if (change != null && !change.isFlat()) {
                put(m, "reasons", ctx.reasons("income:total", "PREVIOUS", ctx.needsPreviousReason(year, before),
                        "本年收入合计较上年变动的主要原因"));
            }
        }
    }

    private void changeWithReasons(Map<String, Object> m, String subject, BigDecimal now, BigDecimal before, String what) {
        DraftContext.Change change = ctx.change(subject, now, before);
        put(m, "change", change);
        if (change != null && !change.isFlat()) {
            put(m, "reasons", ctx.reasons(subject, "PREVIOUS", ctx.needsPreviousReason(now, before), what));
        }
    }

    private void income(Map<String, Object> m) {
        BigDecimal total = nz(figures.incomeTotal());
        m.put("totalStated", figures.incomeTotal() != null);
        m.put("total", ctx.money("income:total", "amount", total));
        put(m, "change", ctx.change("income:total", total, figures.previousIncomeTotal()));
        List<Map<String, Object>> lines = new ArrayList<>();
        BigDecimal appropriation = figures.fiscalIncome();
        List<Map<String, Object>> funds = new ArrayList<>();
        for (String[] fund : FUNDS) {
            BigDecimal amount = figures.blankReadsZero(data.income(fund[0]).map(IncomeLine::amount).orElse(null), PublicTable.T01);
            if (written(amount)) {
                Map<String, Object> l = line(fund[1], ctx.money("income:" + fund[0], "amount", amount),
                        ctx.style().funds() == StyleProfile.AppropriationFunds.APART ? ctx.percent("income:" + fund[0], "share", amount, total) : null);
                lineChange(l, "income:" + fund[0], amount, previousIncome(fund[0]));
                funds.add(l);
            }
        }
        if (ctx.style().funds() == StyleProfile.AppropriationFunds.APART) {
            lines.addAll(funds);
        } else if (written(appropriation)) {
            Map<String, Object> l = line("财政拨款收入", ctx.money("income:appropriation", "amount", appropriation),
                    ctx.percent("income:appropriation", "share", appropriation, total));
            lineChange(l, "income:appropriation", appropriation, figures.previousFiscalIncome());
            if (ctx.style().funds() == StyleProfile.AppropriationFunds.WITHIN && !funds.isEmpty()) {
                // The three budgets' appropriations 财政拨款收入 comprises, named after its share.
                l.put("funds", funds);
            }
            lines.add(l);
        }
        for (String[] source : INCOME_SOURCES) {
            BigDecimal amount = figures.blankReadsZero(data.income(source[0]).map(IncomeLine::amount).orElse(null), PublicTable.T01);
            if (written(amount)) {
                Map<String, Object> l = line(source[1], ctx.money("income:" + source[0], "amount", amount),
                        ctx.percent("income:" + source[0], "share", amount, total));
                lineChange(l, "income:" + source[0], amount, previousIncome(source[0]));
                lines.add(l);
            }
        }
        m.put("lines", lines);
        if (ctx.style().carryOvers()) {
            // What 收入总计 holds beside the year's income: stated after the sources, as some layouts do (此外…).
            List<Map<String, Object>> besides = new ArrayList<>();
            BigDecimal used = figures.nonFiscalSurplusUsed();
            if (written(used)) {
                besides.add(line("使用非财政拨款结余", ctx.money("income:non_fiscal_surplus_used", "amount", used), null));
            }
            BigDecimal carry = figures.carryForwardBegin();
            if (written(carry)) {
                besides.add(line("年初结转和结余", ctx.money("income:carry_forward_begin", "amount", carry), null));
            }
            m.put("besides", besides);
        }
    }

    private void expenditure(Map<String, Object> m) {
        BigDecimal total = nz(figures.expenditureTotal());
        m.put("totalStated", figures.expenditureTotal() != null);
        m.put("total", ctx.money("expenditure:total", "amount", total));
        put(m, "change", ctx.change("expenditure:total", total, figures.previousExpenditureTotal()));
        List<Map<String, Object>> lines = new ArrayList<>();
        Object[][] columns = {{"基本支出", "basic", (Function<AccountLine, BigDecimal>) AccountLine::basic},
                {"项目支出", "project", (Function<AccountLine, BigDecimal>) AccountLine::project},
                {"上缴上级支出", "remittance", (Function<AccountLine, BigDecimal>) AccountLine::remittance},
                {"经营支出", "business", (Function<AccountLine, BigDecimal>) AccountLine::business},
                {"对附属单位补助支出", "subsidiary", (Function<AccountLine, BigDecimal>) AccountLine::subsidiary}};
        for (Object[] column : columns) {
            @SuppressWarnings("unchecked")
            BigDecimal amount = switch ((String) column[1]) {
                case "basic" -> figures.basic();
                case "project" -> figures.project();
                default -> figures.blankReadsZero(data.functionalTotal((Function<AccountLine, BigDecimal>) column[2]), PublicTable.T03);
            };
            if (!written(amount)) {
                continue;
            }
            String subject = "expenditure:" + column[1];
            Map<String, Object> l = line((String) column[0], ctx.money(subject, "amount", amount), ctx.percent(subject, "share", amount, total));
            lineChange(l, subject, amount, switch ((String) column[1]) {
                case "basic" -> figures.previousBasic();
                case "project" -> figures.previousProject();
                default -> null;
            });
            lines.add(l);
        }
        m.put("lines", lines);
        if (ctx.style().carryOvers()) {
            // What 支出总计 holds beside the year's spending: 结余分配 and 年末结转和结余, the latter with its change.
            BigDecimal distribution = figures.surplusDistribution();
            if (written(distribution)) {
                m.put("distribution", ctx.money("expenditure:surplus_distribution", "amount", distribution));
            }
            BigDecimal end = figures.carryForwardEnd();
            if (end != null) {
                m.put("carryEnd", ctx.money("expenditure:carry_forward_end", "amount", end));
                put(m, "carryEndChange", ctx.change("expenditure:carry_forward_end", end, figures.previousCarryForwardEnd()));
            }
        }
    }

    private void fiscalTotals(Map<String, Object> m) {
        BigDecimal income = nz(figures.fiscalGrandTotal());
        BigDecimal spent = nz(figures.fiscalExpenditureGrandTotal());
        boolean equal = income.compareTo(spent) == 0;
        StyleProfile.TotalsPhrasing phrasing = ctx.style().fiscalTotals();
        m.put("equal", equal);
        // One figure for both totals only where they are the same figure; 均为 and 各 only where the style writes them.
        m.put("together", equal && (phrasing == StyleProfile.TotalsPhrasing.TOGETHER_EQUAL || phrasing == StyleProfile.TotalsPhrasing.TOGETHER));
        m.put("equalWord", phrasing == StyleProfile.TotalsPhrasing.TOGETHER_EQUAL);
        m.put("each", equal && ctx.style().changeEach());
        m.put("incomeTotal", ctx.money("total:fiscal", "income", income));
        m.put("expenditureTotal", ctx.money("total:fiscal", "expenditure", spent));
        changeWithReasons(m, "total:fiscal", income, figures.previousFiscalGrandTotal(), "财政拨款收、支总计较上年变动的主要原因");
        List<Map<String, Object>> sources = new ArrayList<>();
        String[][] kinds = {{"general_public_budget_appropriation", "一般公共预算财政拨款收入"},
                {"government_fund_budget_appropriation", "政府性基金预算财政拨款收入"},
                {"state_capital_budget_appropriation", "国有资本经营预算财政拨款收入"}};
        for (String[] kind : kinds) {
            Optional<IncomeLine> line = data.income(kind[0]);
            BigDecimal amount = figures.blankReadsZero(line.map(IncomeLine::amount).orElse(null), PublicTable.T04);
            if (!written(amount)) {
                continue;
            }
            BigDecimal before = line.map(IncomeLine::previousAmount).orElse(amount.signum() == 0 ? BigDecimal.ZERO : null);
            String subject = "income:" + kind[0];
            Map<String, Object> s = new HashMap<>();
            s.put("name", kind[1]);
            s.put("amount", ctx.money(subject, "amount", amount));
            DraftContext.Change change = ctx.change(subject, amount, before);
            put(s, "change", change);
            if (change != null && !change.isFlat()) {
                put(s, "reasons", ctx.reasons(subject, "PREVIOUS", ctx.needsPreviousReason(amount, before),
                        kind[1] + "较上年变动的主要原因"));
            }
            sources.add(s);
        }
        m.put("sources", sources);
    }

    private void generalBudget(Map<String, Object> m) {
        BigDecimal gb = nz(figures.generalBudget());
        BigDecimal total = nz(figures.expenditureTotal());
        m.put("amount", ctx.money("expenditure:generalBudget", "amount", gb));
        put(m, "share", ctx.percent("expenditure:generalBudget", "share", gb, total));
        changeWithReasons(m, "expenditure:generalBudget", gb, figures.previousGeneralBudget(),
                "一般公共预算财政拨款支出较上年变动的主要原因");
        m.put("amount2", ctx.money("expenditure:generalBudget", "amount", gb));
        List<Map<String, Object>> classes = new ArrayList<>();
        for (AccountLine c : data.functional()) {
            if (c.level() != 1 || c.generalBudget() == null && c.actual() == null) {
                continue;
            }
            BigDecimal amount = c.generalBudget() != null ? c.generalBudget() : c.actual();
            if (amount.signum() == 0) {
                continue;
            }
            Map<String, Object> cm = new HashMap<>();
            cm.put("code", c.code());
            cm.put("name", c.name().endsWith("支出") ? c.name().substring(0, c.name().length() - 2) + "（类）支出" : c.name() + "（类）");
            cm.put("amount", ctx.money("account:" + c.code(), "generalBudget", amount));
            put(cm, "share", ctx.percent("account:" + c.code(), "share", amount, gb));
            // What a 类 mainly covers is its own 项 lines with spending, named as stored, not a city's stock phrase.
            List<String> uses = data.functional().stream()
                    .filter(a -> a.level() == 3 && a.code().startsWith(c.code()) && nz(ReportFigures.generalBudgetActual(a)).signum() != 0)
                    .sorted((a, b) -> a.code().compareTo(b.code())).map(AccountLine::name).distinct().toList();
            if (!uses.isEmpty()) {
                cm.put("uses", String.join("、", uses));
            }
            classes.add(cm);
        }
        classes.sort((a, b) -> ((String) a.get("code")).compareTo((String) b.get("code")));
        m.put("classes", classes);
        List<AccountLine> items = data.functional().stream().filter(a -> a.level() == 3)
                .filter(a -> nz(a.initialBudget()).signum() != 0 || nz(a.generalBudget() != null ? a.generalBudget() : a.actual()).signum() != 0)
                .sorted((a, b) -> a.code().compareTo(b.code())).toList();
        BigDecimal initial = figures.generalBudgetInitial();
        BigDecimal adjusted = figures.generalBudgetAdjusted();
        if (initial != null || adjusted != null) {
            if (initial != null) {
                m.put("initial", ctx.money("expenditure:generalBudget", "initialBudget", initial));
            }
            if (adjusted != null) {
                m.put("adjusted", ctx.money("expenditure:generalBudget", "adjustedBudget", adjusted));
            }
            m.put("amount3", ctx.money("expenditure:generalBudget", "amount", gb));
            // Completion is stated against the budget the year ended with where the table prints one (a zero 年初预算
            // has no completion rate), else against the 年初预算.
            BigDecimal against = adjusted != null ? adjusted : initial;
            m.put("completionOf", adjusted != null ? "全年预算" : "年初预算");
            put(m, "completion", ctx.percent("expenditure:generalBudget", "completion", gb, against));
            int cmp = gb.compareTo(against);
            if (cmp != 0) {
                // Asked for by the 项 lines below; said of the whole only where the officer recorded it.
                m.put("budgetCompare", cmp > 0 ? "大于" : "小于");
                put(m, "budgetReasons", ctx.reasons("expenditure:generalBudget", "BUDGET", false, ""));
            }
        }
        List<Map<String, Object>> itemModels = new ArrayList<>();
        for (AccountLine item : items) {
            String subject = "account:" + item.code();
            BigDecimal actual = nz(item.generalBudget() != null ? item.generalBudget() : item.actual());
            Map<String, Object> im = new HashMap<>();
            im.put("path", path(item));
            im.put("actual", ctx.money(subject, "actual", actual));
            BigDecimal budget = item.initialBudget() != null ? item.initialBudget() : item.adjustedBudget();
            if (budget != null) {
                String budgetName = item.initialBudget() != null ? "年初预算" : "全年预算";
                im.put("budgetName", budgetName);
                im.put("budget", ctx.money(subject, item.initialBudget() != null ? "initialBudget" : "adjustedBudget", budget));
                int cmp = actual.compareTo(budget);
                im.put("equal", cmp == 0);
                im.put("compare", cmp > 0 ? "大于" : "小于");
                put(im, "completion", ctx.percent(subject, "completion", actual, budget));
                if (cmp != 0) {
                    put(im, "reasons", ctx.reasons(subject, "BUDGET", ctx.needsBudgetReason(actual, budget),
                            item.name() + "决算数" + (cmp > 0 ? "大于" : "小于") + budgetName + "数的主要原因"));
                }
            }
            itemModels.add(im);
        }
        m.put("items", itemModels);
    }

    private String path(AccountLine item) {
        if (!ctx.style().spellPath()) {
            return item.name();
        }
        String section = data.functional(item.parentCode()).map(AccountLine::name).orElse("");
        String clazz = data.functional(item.code().substring(0, 3)).map(AccountLine::name).orElse("");
        return clazz + "（类）" + section + "（款）" + item.name() + "（项）";
    }

    private void basic(Map<String, Object> m) {
        // 六 speaks of the general budget's basic spending (公开05/06); a department-year without 公开05 of its only 基本支出.
        BigDecimal basic = nz(ReportFigures.first(figures.generalBasic(), figures.basic()));
        m.put("basic", ctx.money("expenditure:basic", "amount", basic));
        List<AccountLine> economic = data.economic();
        BigDecimal personnel;
        BigDecimal operating;
        List<String> personnelItems = new ArrayList<>();
        List<String> operatingItems = new ArrayList<>();
        if (!economic.isEmpty() || figures.personnel() != null) {
            personnel = nz(figures.personnel());
            operating = nz(figures.operating());
            for (AccountLine a : economic) {
                if (a.level() == 2 && a.actual() != null && a.actual().signum() != 0) {
                    (PERSONNEL_CLASSES.contains(a.code().substring(0, 3)) ? personnelItems : operatingItems).add(a.name());
                }
            }
        } else {
            personnel = nz(data.functionalTotal(AccountLine::personnel));
            operating = nz(data.functionalTotal(AccountLine::operating));
        }
        m.put("personnel", ctx.money("economic:personnel", "amount", personnel));
        m.put("operating", ctx.money("economic:operating", "amount", operating));
        m.put("personnelItems", String.join("、", personnelItems));
        m.put("operatingItems", String.join("、", operatingItems));
    }

    private void fund(Map<String, Object> m, Function<AccountLine, BigDecimal> column, String income) {
        boolean government = income.startsWith("government");
        // The fund's figures are stated when its own table, 公开04, its income line or the spending lines are there; a
        // department-year that holds none of them says nothing of the fund, so "无" would be a claim the data do not make.
        boolean stated = data.income(income).isPresent() || data.tables().has(PublicTable.T04)
                || data.tables().has(government ? PublicTable.T07 : PublicTable.T08) || !data.functional().isEmpty();
        if (!stated) {
            m.put("missing", ctx.missing(government ? "governmentFund" : "stateCapital",
                    (government ? "政府性基金" : "国有资本经营") + "预算财政拨款收入支出数据未录入"));
            m.put("none", false);
            return;
        }
        BigDecimal in = data.income(income).map(IncomeLine::amount).orElse(BigDecimal.ZERO);
        BigDecimal spent = nz(data.functionalTotal(column));
        m.put("none", in.signum() == 0 && spent.signum() == 0);
        m.put("income", ctx.money("income:" + income, "amount", in));
        m.put("expenditure", ctx.money("expenditure:" + (income.startsWith("government") ? "governmentFund" : "stateCapital"), "amount", spent));
    }

    private void threePublic(Map<String, Object> m) {
        Optional<ThreePublicLine> total = data.threePublic("TOTAL");
        // No 三公 figures entered is not 无三公经费: the gap is shown rather than a claim of none.
        if (data.threePublic().isEmpty() && !data.tables().has(PublicTable.T09)) {
            m.put("missing", ctx.missing("threePublic", "财政拨款“三公”经费支出数据未录入"));
        }
        // "无" where the data state the whole as zero: a 合计 of nothing spent against nothing budgeted.
        // or where 公开09 is printed with nothing in it: a printed table's blank cell reads as zero (ReportFigures).
        boolean printedEmpty = data.tables().has(PublicTable.T09) && data.tables().rows(PublicTable.T09).stream()
                .allMatch(r -> r.cells().values().stream().allMatch(v -> figures.blankReadsZero(v, PublicTable.T09).signum() == 0));
        m.put("none", printedEmpty || total.isPresent() && nz(total.get().actual()).signum() == 0 && nz(total.get().budget()).signum() == 0
                && data.threePublic().stream().allMatch(l -> nz(l.actual()).signum() == 0));
        if (total.isPresent()) {
            m.put("total", threePublicItem(total.get(), "“三公”经费财政拨款支出"));
        }
        List<Map<String, Object>> items = new ArrayList<>();
        data.threePublic("OVERSEAS_TRAVEL").ifPresent(l -> items.add(threePublicItem(l, "因公出国（境）费")));
        Optional<ThreePublicLine> vehicle = data.threePublic("VEHICLE").or(() -> data.threePublic("VEHICLE_OPERATION"));
        vehicle.ifPresent(l -> {
            // Named as the line the figures are: a report that gives only 公务用车运行维护费 bought no vehicle it states.
            Map<String, Object> v = threePublicItem(l, l.item().equals("VEHICLE") ? "公务用车购置及运行维护费" : "公务用车运行维护费");
            List<Map<String, Object>> parts = new ArrayList<>();
            for (String[] part : new String[][]{{"VEHICLE_PURCHASE", "公务用车购置费"}, {"VEHICLE_OPERATION", "公务用车运行维护费"}}) {
                data.threePublic(part[0]).filter(p -> !l.item().equals(part[0]))
                        .filter(p -> nz(p.actual()).signum() != 0 || nz(p.budget()).signum() != 0)
                        .ifPresent(p -> parts.add(Map.of("name", part[1], "actual", ctx.money("threePublic:" + part[0], "actual", p.actual()))));
            }
            v.put("parts", parts);
            Integer held = data.threePublic("VEHICLE_OPERATION").map(ThreePublicLine::vehicles).orElse(l.vehicles());
            if (held != null) {
                v.put("vehicles", ctx.count("threePublic:" + l.item(), "vehicles", held));
            }
            items.add(v);
        });
        data.threePublic("RECEPTION").ifPresent(l -> {
            Map<String, Object> r = threePublicItem(l, "公务接待费");
            List<Map<String, Object>> parts = new ArrayList<>();
            for (String[] part : new String[][]{{"RECEPTION_FOREIGN", "外宾接待支出", "来访团组"}, {"RECEPTION_DOMESTIC", "国内公务接待支出", "国内来访团组"}}) {
                data.threePublic(part[0]).filter(p -> nz(p.actual()).signum() != 0).ifPresent(p -> {
                    Map<String, Object> pm = new HashMap<>();
                    pm.put("name", part[1]);
                    pm.put("groupsName", part[2]);
                    pm.put("actual", ctx.money("threePublic:" + part[0], "actual", p.actual()));
                    if (p.groups() != null) {
                        pm.put("groups", ctx.count("threePublic:" + part[0], "groups", p.groups()));
                    }
                    if (p.persons() != null) {
                        pm.put("persons", ctx.count("threePublic:" + part[0], "persons", p.persons()));
                    }
                    parts.add(pm);
                });
            }
            r.put("parts", parts);
            items.add(r);
        });
        m.put("items", items);
        BigDecimal whole = total.map(l -> nz(l.actual())).orElse(BigDecimal.ZERO);
        itemized(items, whole);
        m.put("spent", whole.signum() != 0);
    }

    /** A part of a 三公 item as the itemized layout names it: its line and its name. */
    private record ItemPart(String item, String name) {
    }

    private static final List<ItemPart> VEHICLE_PARTS = List.of(new ItemPart("VEHICLE_PURCHASE", "公务用车购置支出"),
            new ItemPart("VEHICLE_OPERATION", "公务用车运行维护支出"));
    private static final List<ItemPart> RECEPTION_PARTS = List.of(new ItemPart("RECEPTION_DOMESTIC", "国内公务接待支出"),
            new ItemPart("RECEPTION_FOREIGN", "外宾接待支出"));
    /** The stages of whole-process performance management, in the order a report states them. */
    private static final Map<String, String> PERFORMANCE_STAGES = orderedPairs("targets", "编报绩效目标", "tracked", "绩效跟踪评价",
            "self_evaluated", "绩效自评", "department_evaluated", "开展部门评价", "fiscal_evaluated", "开展财政评价");
    private static final Map<String, String> PERFORMANCE_GRADES = orderedPairs("grade_excellent", "优", "grade_good", "良",
            "grade_pass", "合格", "grade_fail", "不合格");

    private static Map<String, String> orderedPairs(String... keysAndNames) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < keysAndNames.length; i += 2) {
            out.put(keysAndNames[i], keysAndNames[i + 1]);
        }
        return Collections.unmodifiableMap(out);
    }

    /**
     * What a layout that itemizes 三公 (上海's 七) states beside the national wording: each item's share of the whole,
     * and every part the data hold, stated zeros included, since such a report lists each part whether spent or not.
     */
    private void itemized(List<Map<String, Object>> items, BigDecimal whole) {
        for (int i = 0; i < items.size(); i++) {
            Map<String, Object> item = items.get(i);
            ThreePublicLine line = itemLine(item);
            if (line == null) {
                continue;
            }
            String subject = "threePublic:" + line.item();
            if (whole.signum() != 0) {
                put(item, "share", ctx.percent(subject, "share", nz(line.actual()), whole));
            }
            // 零预算 has no completion rate: "完成预算的0%" of nothing is a slip the audit flags (W08).
            item.put("budgeted", line.budget() != null && line.budget().signum() != 0);
            List<Map<String, Object>> stated = new ArrayList<>();
            List<ItemPart> parts = line.item().startsWith("VEHICLE") ? VEHICLE_PARTS
                    : line.item().equals("RECEPTION") ? RECEPTION_PARTS : List.of();
            for (ItemPart part : parts) {
                String key = part.item();
                String name = part.name();
                data.threePublic(key).filter(p -> p.actual() != null).ifPresent(p -> {
                    Map<String, Object> pm = new HashMap<>();
                    pm.put("name", name);
                    pm.put("actual", ctx.money("threePublic:" + key, "actual", p.actual()));
                    if (p.persons() != null) {
                        pm.put("persons", ctx.count("threePublic:" + key, "persons", p.persons()));
                    }
                    stated.add(pm);
                });
                if (key.equals("RECEPTION_FOREIGN")) {
                    data.threePublic(key).filter(p -> groupsOf(p) != null || p.persons() != null).ifPresent(p -> {
                        put(item, "foreignBatches", groupsOf(p) == null ? null : ctx.count("threePublic:" + key, "groups", groupsOf(p)));
                        put(item, "foreignPersons", p.persons() == null ? null : ctx.count("threePublic:" + key, "persons", p.persons()));
                    });
                }
            }
            item.put("statedParts", stated);
        }
    }

    private ThreePublicLine itemLine(Map<String, Object> item) {
        return data.threePublic((String) item.get("item")).orElse(null);
    }

    private Map<String, Object> threePublicItem(ThreePublicLine line, String name) {
        String subject = "threePublic:" + line.item();
        Map<String, Object> m = new HashMap<>();
        m.put("name", name);
        m.put("item", line.item());
        // Receptions are counted in 批次 and 人次, trips abroad in 团组 and 人次.
        m.put("reception", line.item().startsWith("RECEPTION"));
        m.put("actual", ctx.money(subject, "actual", line.actual()));
        if (line.budget() != null) {
            m.put("budget", ctx.money(subject, "budget", line.budget()));
            put(m, "completion", ctx.percent(subject, "completion", nz(line.actual()), line.budget()));
            int cmp = nz(line.actual()).compareTo(line.budget());
            m.put("compare", cmp > 0 ? "大于" : cmp < 0 ? "小于" : "等于");
            if (cmp != 0) {
                put(m, "budgetReasons", ctx.reasons(subject, "BUDGET", ctx.needsBudgetReason(nz(line.actual()), line.budget()),
                        name + "决算数" + (cmp > 0 ? "大于" : "小于") + "全年预算数的主要原因"));
            }
        }
        DraftContext.Change change = ctx.change(subject, nz(line.actual()), line.previousActual());
        put(m, "change", change);
        if (change != null && !change.isFlat()) {
            put(m, "previousReasons", ctx.reasons(subject, "PREVIOUS", ctx.needsPreviousReason(nz(line.actual()), line.previousActual()),
                    name + "决算数较上年" + change.getWord() + "的主要原因"));
        }
        Integer groups = groupsOf(line);
        if (groups != null) {
            m.put("groups", ctx.count(subject, "groups", groups));
        }
        if (line.persons() != null) {
            m.put("persons", ctx.count(subject, "persons", line.persons()));
        }
        return m;
    }

    /** 团组 of trips abroad; 批次 of receptions, which 公开09 prints in a column of its own. */
    private Integer groupsOf(ThreePublicLine line) {
        if (line.groups() != null || !line.item().startsWith("RECEPTION")) {
            return line.groups();
        }
        BigDecimal batches = data.tables().cell(PublicTable.T09, line.item(), PublicTable.Column.BATCHES);
        return batches == null ? null : batches.intValue();
    }

    private void officeRunningCost(Map<String, Object> m) {
        m.put("none", y.officeRunningCost() == null);
        if (y.officeRunningCost() != null) {
            m.put("amount", ctx.money("officeRunningCost", "amount", y.officeRunningCost()));
            changeWithReasons(m, "officeRunningCost", y.officeRunningCost(), y.previousOfficeRunningCost(), "机关运行经费较上年变动的主要原因");
        }
    }

    private void procurement(Map<String, Object> m) {
        m.put("none", y.procurementTotal() == null);
        if (y.procurementTotal() == null) {
            return;
        }
        m.put("total", ctx.money("procurement:total", "amount", y.procurementTotal()));
        m.put("goods", ctx.money("procurement:goods", "amount", y.procurementGoods()));
        m.put("works", ctx.money("procurement:works", "amount", y.procurementWorks()));
        m.put("services", ctx.money("procurement:services", "amount", y.procurementServices()));
        if (y.procurementSme() != null) {
            m.put("sme", ctx.money("procurement:sme", "amount", y.procurementSme()));
            put(m, "smeShare", ctx.percent("procurement:sme", "share", y.procurementSme(), y.procurementTotal()));
        }
        if (y.procurementMicro() != null) {
            m.put("micro", ctx.money("procurement:micro", "amount", y.procurementMicro()));
            put(m, "microShare", ctx.percent("procurement:micro", "share", y.procurementMicro(), y.procurementSme()));
        }
        // 政府采购促进中小企业发展管理办法 (财库〔2020〕46号): the budgets reserved for SMEs and for micro firms and what
        // each group of projects awarded them, where the report states them.
        PublicTable p = PublicTable.PROCUREMENT;
        put(m, "reservedSmeBudget", procurementCell(p, "reserved_sme", PublicTable.Column.PLANNED));
        put(m, "reservedSmeAwarded", procurementCell(p, "reserved_sme", PublicTable.Column.SME));
        put(m, "reservedMicroBudget", procurementCell(p, "reserved_micro", PublicTable.Column.PLANNED));
        put(m, "reservedMicroAwarded", procurementCell(p, "reserved_micro", PublicTable.Column.MICRO));
        put(m, "otherSmeAwarded", procurementCell(p, "other_projects", PublicTable.Column.SME));
    }

    private Fact procurementCell(PublicTable table, String row, PublicTable.Column column) {
        BigDecimal v = data.tables().cell(table, row, column);
        return v == null ? null : ctx.money("procurement:" + row, column.key(), v);
    }

    /** 公务用车 by kind as the national 部门决算 template lists them (中央和国家机关公务用车管理办法's kinds). */
    private static final List<String> NATIONAL_VEHICLE_KINDS = List.of("副省级及以上领导干部用车", "主要负责人用车", "机要通信用车",
            "应急保障用车", "执法执勤用车", "特种专业技术用车", "离退休干部服务用车", "其他用车");

    private void assets(Map<String, Object> m) {
        m.put("hasVehicles", !data.vehicles().isEmpty());
        int all = data.vehicles().stream().mapToInt(VehicleHolding::count).sum();
        m.put("vehicles", ctx.count("vehicles", "count", all));
        List<Map<String, Object>> kinds = new ArrayList<>();
        // The kinds the data hold, in their order and under their names: regions classify vehicles differently (部级领导
        // 干部用车 in one, 副省级及以上领导干部用车 in another), and a list of one region's kinds beside another's names both.
        List<String> held = data.vehicles().stream().map(VehicleHolding::kind).distinct().toList();
        // The national classification lists every kind, held or not; a region's own classification is listed as stored.
        List<String> names = NATIONAL_VEHICLE_KINDS.containsAll(held) ? NATIONAL_VEHICLE_KINDS : held;
        for (String kind : names) {
            int n = data.vehicles().stream().filter(v -> v.kind().equals(kind)).mapToInt(VehicleHolding::count).sum();
            kinds.add(Map.of("name", kind, "count", ctx.count("vehicles:" + kind, "count", n)));
        }
        m.put("kinds", kinds);
        put(m, "equipment", y.equipmentOver1m() == null ? null : ctx.count("equipmentOver1m", "count", y.equipmentOver1m()));
    }

    /**
     * Whole-process performance management as the report's PERFORMANCE rows state it: the projects at each stage
     * (绩效目标 → 跟踪 → 自评 → 评价) with their budget amounts, the self-evaluations by grade, the problems found and
     * their rectification. Only the rows the data hold are written; nothing is counted from the project list, which a
     * report may not carry at all.
     */
    private void performanceManagement(Map<String, Object> m) {
        List<Map<String, Object>> stages = new ArrayList<>();
        for (Map.Entry<String, String> stage : PERFORMANCE_STAGES.entrySet()) {
            Fact count = performanceCount(stage.getKey());
            if (count == null) {
                continue;
            }
            Map<String, Object> s = new HashMap<>();
            s.put("name", stage.getValue());
            s.put("count", count);
            BigDecimal amount = data.tables().cell(PublicTable.PERFORMANCE, stage.getKey(), PublicTable.Column.AMOUNT);
            if (amount != null) {
                s.put("amount", ctx.money("performance:" + stage.getKey(), "amount", amount));
            }
            stages.add(s);
        }
        List<Map<String, Object>> grades = new ArrayList<>();
        for (Map.Entry<String, String> grade : PERFORMANCE_GRADES.entrySet()) {
            Fact count = performanceCount(grade.getKey());
            if (count != null) {
                grades.add(Map.of("name", grade.getValue(), "count", count));
            }
        }
        m.put("stages", stages);
        m.put("grades", grades);
        put(m, "problems", performanceCount("problems"));
        put(m, "rectified", performanceCount("problems_rectified"));
        put(m, "rectifying", performanceCount("problems_rectifying"));
        m.put("managed", !stages.isEmpty() || !grades.isEmpty() || m.containsKey("problems"));
    }

    /** A count the PERFORMANCE table states on a row; null where it states none. */
    private Fact performanceCount(String row) {
        BigDecimal count = data.tables().cell(PublicTable.PERFORMANCE, row, PublicTable.Column.COUNT);
        return count == null ? null : ctx.count("performance:" + row, "count", count.intValue());
    }

    private void performance(Map<String, Object> m) {
        performanceManagement(m);
        // Only projects with an executed amount have been self-evaluated (a budget-stage project has none).
        List<Project> all = data.projects().stream().filter(p -> p.executed() != null).toList();
        BigDecimal projectTotal = nz(data.functionalTotal(AccountLine::project));
        m.put("hasProjects", !all.isEmpty());
        m.put("count", ctx.count("projects", "count", all.size()));
        m.put("amount", ctx.money("projects", "amount", projectTotal));
        put(m, "share", ctx.percent("projects", "share", projectTotal, projectTotal));
        List<Map<String, Object>> evaluated = new ArrayList<>();
        List<Map<String, Object>> excluded = new ArrayList<>();
        for (Project p : all) {
            String subject = "project:" + (p.code() != null ? p.code() : p.name());
            BigDecimal budget = p.adjustedBudget() != null ? p.adjustedBudget() : p.initialBudget();
            Map<String, Object> pm = new HashMap<>();
            pm.put("name", p.name().replaceAll("(经费|费)$", ""));
            if (budget == null) {
                pm.put("executed", ctx.money(subject, "executed", p.executed()));
                excluded.add(pm);
                continue;
            }
            pm.put("budget", ctx.money(subject, "budget", budget));
            pm.put("executed", ctx.money(subject, "executed", p.executed()));
            put(pm, "completion", ctx.percent(subject, "completion", nz(p.executed()), budget));
            put(pm, "outcome", p.outcome() == null ? null : TextScans.stripTrailing(p.outcome(), "。；"));
            boolean needed = ctx.needsBudgetReason(nz(p.executed()), budget);
            String problems = ctx.reasons(subject, "BUDGET", needed, p.name() + "执行中发现的问题及原因");
            put(pm, "problems", problems);
            String measures = ctx.measures(subject, "BUDGET");
            if (measures == null && p.improvementPlan() != null) {
                measures = TextScans.stripTrailing(p.improvementPlan().replace("\n", ""), "。；");
            }
            put(pm, "measures", measures);
            evaluated.add(pm);
        }
        m.put("projects", evaluated);
        m.put("excluded", excluded);
    }

    private void indicatorDeviations(Map<String, Object> m) {
        List<Map<String, Object>> rows = new ArrayList<>();
        List<Indicator> indicators = new ArrayList<>(data.departmentIndicators());
        data.projects().forEach(p -> indicators.addAll(data.indicatorsOf(p)));
        List<String> unknown = new ArrayList<>();
        for (Indicator i : indicators) {
            if (i.actual() == null || i.actual().isBlank()) {
                // No actual entered is not "met": nothing may be said of its deviation.
                unknown.add(i.name());
                continue;
            }
            var evaluation = org.budgetnarrator.drafting.indicator.IndicatorEvaluator.evaluate(i,
                    org.budgetnarrator.drafting.indicator.ScoringProfiles.national());
            if (evaluation.status() != org.budgetnarrator.drafting.indicator.Status.NOT_MET) {
                continue;
            }
            String subject = "indicator:" + i.id();
            Map<String, Object> r = new HashMap<>();
            r.put("name", i.name());
            r.put("target", i.target());
            r.put("actual", i.actual());
            put(r, "reasons", ctx.reasons(subject, "BUDGET", true, i.name() + "未完成年度指标值的原因"));
            put(r, "measures", ctx.measures(subject, "BUDGET"));
            rows.add(r);
        }
        m.put("rows", rows);
        if (!unknown.isEmpty()) {
            m.put("unknown", ctx.missing("indicators", unknown.size() + "项指标的实际完成值未录入（" + String.join("、", unknown) + "）"));
        }
    }

    private void selfEvaluation(Map<String, Object> m) {
        BigDecimal executed = y.executed() != null ? y.executed() : data.functionalTotal(AccountLine::actual);
        BigDecimal budget = y.adjustedBudget() != null ? y.adjustedBudget() : y.initialBudget();
        if (executed != null && budget != null) {
            m.put("budget", ctx.money("evaluation:department", "budget", budget));
            m.put("executed", ctx.money("evaluation:department", "executed", executed));
            put(m, "completion", ctx.percent("evaluation:department", "completion", executed, budget));
            put(m, "reasons", ctx.reasons("evaluation:department", "BUDGET", ctx.needsBudgetReason(executed, budget),
                    "预算执行偏差的主要原因"));
            put(m, "measures", ctx.measures("evaluation:department", "BUDGET"));
        }
        put(m, "deviationAnalysis", y.deviationAnalysis());
        put(m, "improvementPlan", y.improvementPlan());
    }

    /** A line's change from last year, where the style states one and last year's figure is known. */
    private void lineChange(Map<String, Object> line, String subject, BigDecimal now, BigDecimal before) {
        if (ctx.style().lineChanges()) {
            put(line, "change", ctx.change(subject, now, before));
        }
    }

    /** Last year's figure of an income source: as 公开01 states it for last year, else the stored line's. */
    private BigDecimal previousIncome(String source) {
        return ReportFigures.first(data.tables().previous(PublicTable.T01, source, PublicTable.Column.AMOUNT),
                data.income(source).map(IncomeLine::previousAmount).orElse(null));
    }

    // --- a budget-stage year's targets: what the declaration states, nothing of execution

    private void budgetGoal(Map<String, Object> m) {
        String goal = y.overallGoal();
        if (goal != null && !goal.isBlank()) {
            m.put("goal", goal.strip());
        } else {
            m.put("missing", ctx.missing("summary:overallGoal", "年度总体绩效目标未录入"));
        }
    }

    private void budgetFunds(Map<String, Object> m) {
        BigDecimal total = figures.budgetByNature();
        if (total != null) {
            m.put("total", ctx.money("budget:total", "amount", total));
            List<Map<String, Object>> uses = new ArrayList<>();
            Object[][] natures = {{"基本支出", "basic", y.basicExpenditure()}, {"项目支出", "project", y.projectExpenditure()},
                    {"事业发展性支出", "business", y.businessExpenditure()}};
            for (Object[] n : natures) {
                BigDecimal amount = (BigDecimal) n[2];
                if (written(amount)) {
                    uses.add(line((String) n[0], ctx.money("budget:" + n[1], "amount", amount),
                            ctx.percent("budget:" + n[1], "share", amount, total)));
                }
            }
            m.put("uses", uses);
        }
        List<Map<String, Object>> sources = new ArrayList<>();
        Object[][] funds = {{"财政拨款", "fundFiscalAppropriation", y.fundFiscalAppropriation()},
                {"一般公共预算", "fundGeneralBudget", y.fundGeneralBudget()}, {"政府性基金预算", "fundGovernmentFund", y.fundGovernmentFund()},
                {"纳入专户管理的非税收入", "fundSpecialAccount", y.fundSpecialAccount()}, {"其他资金", "fundOther", y.fundOther()}};
        for (Object[] f : funds) {
            BigDecimal amount = (BigDecimal) f[2];
            if (written(amount)) {
                sources.add(line((String) f[0], ctx.money("budget:" + f[1], "amount", amount), null));
            }
        }
        m.put("sources", sources);
        BigDecimal projects = figures.projectBudgets();
        if (projects != null) {
            m.put("projectCount", ctx.count("projects", "count", (int) data.projects().stream()
                    .filter(p -> p.adjustedBudget() != null || p.initialBudget() != null).count()));
            m.put("projectTotal", ctx.money("projects", "budget", projects));
            BigDecimal current = figures.projectCurrentYearFunds();
            if (current != null && current.compareTo(projects) != 0) {
                m.put("projectCurrentYear", ctx.money("projects", "fundCurrentYear", current));
            } else if (current != null) {
                m.put("allCurrentYear", true);
            }
        }
        if (total == null && sources.isEmpty() && projects == null) {
            m.put("missing", ctx.missing("summary", "部门预算支出及其资金来源未录入"));
        }
    }

    private void keyTasks(Map<String, Object> m) {
        List<Map<String, Object>> tasks = new ArrayList<>();
        for (Project p : data.projects()) {
            String subject = "project:" + (p.code() != null ? p.code() : p.name());
            String unit = p.moneyUnit() != null ? p.moneyUnit() : ctx.unit();
            Map<String, Object> t = new HashMap<>();
            t.put("name", p.name());
            put(t, "code", p.code());
            t.put("unit", unit);
            BigDecimal budget = org.budgetnarrator.model.measure.Measures.budget(p.adjustedBudget(), p.initialBudget());
            if (budget != null) {
                t.put("budget", ctx.money(subject, "budget", budget, unit));
                if (p.fundCurrentYear() != null && p.fundCurrentYear().compareTo(budget) == 0) {
                    t.put("allCurrentYear", true);
                } else if (p.fundCurrentYear() != null) {
                    t.put("fundCurrentYear", ctx.money(subject, "fundCurrentYear", p.fundCurrentYear(), unit));
                }
            }
            String purpose = p.purpose() == null || p.purpose().isBlank() ? null : TextScans.stripTrailing(p.purpose().strip(), "。；");
            String goal = p.goal() == null || p.goal().isBlank() ? null : TextScans.stripTrailing(p.goal().strip(), "。；");
            put(t, "purpose", purpose);
            // Many declarations print the same sentence as 资金用途 and 绩效目标: it is said once.
            put(t, "goal", goal != null && goal.equals(purpose) ? null : goal);
            List<Map<String, Object>> plan = new ArrayList<>();
            Object[][] months = {{"3", "planMarch", p.planMarch()}, {"6", "planJune", p.planJune()},
                    {"10", "planOctober", p.planOctober()}, {"12", "planDecember", p.planDecember()}};
            for (Object[] month : months) {
                if (month[2] != null) {
                    plan.add(Map.of("month", month[0], "rate", ctx.statedPercent(subject, (String) month[1], (BigDecimal) month[2])));
                }
            }
            t.put("plan", plan);
            t.put("indicators", targets(data.indicatorsOf(p)));
            tasks.add(t);
        }
        m.put("tasks", tasks);
        if (tasks.isEmpty()) {
            m.put("missing", ctx.missing("projects", "年度重点工作任务及预算项目未录入"));
        }
    }

    private void targetIndicators(Map<String, Object> m) {
        List<Map<String, Object>> rows = targets(data.departmentIndicators());
        m.put("rows", rows);
        if (rows.isEmpty()) {
            m.put("missing", ctx.missing("indicators", "部门整体绩效指标未录入"));
        }
    }

    /** Indicators with their annual targets; a row the declaration fills with 无 (no such indicator) states nothing. */
    private List<Map<String, Object>> targets(List<Indicator> indicators) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Indicator i : indicators) {
            if (i.name() == null || i.name().isBlank() || i.name().strip().equals("无")) {
                continue;
            }
            Map<String, Object> r = new HashMap<>();
            r.put("name", i.name());
            put(r, "level1", i.level1());
            put(r, "level2", i.level2());
            if (i.target() != null && !i.target().isBlank()) {
                r.put("target", i.target().strip());
            } else {
                r.put("gap", ctx.missing("indicator:" + i.id(), i.name() + "的年度指标值未录入"));
            }
            rows.add(r);
        }
        return rows;
    }

    // --- helpers

    private static Map<String, Object> line(String name, Fact amount, Fact share) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("amount", amount);
        put(m, "share", share);
        return m;
    }

    private static void put(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }

    private static boolean closing(String source) {
        return source.equals("carry_forward_end") || source.equals("surplus_distribution");
    }

    private static BigDecimal nz(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }
}
