package org.budgetnarrator.drafting.audit;

import org.budgetnarrator.model.domain.AccountLine;
import org.budgetnarrator.model.domain.DepartmentYear;
import org.budgetnarrator.model.domain.IncomeLine;
import org.budgetnarrator.model.domain.Project;
import org.budgetnarrator.model.domain.PublishedRow;
import org.budgetnarrator.model.domain.ThreePublicLine;
import org.budgetnarrator.model.domain.VehicleHolding;
import org.budgetnarrator.model.imports.ImportFormat;
import org.budgetnarrator.model.measure.ReportFigures;
import org.budgetnarrator.model.domain.PublicTable;
import org.budgetnarrator.model.domain.PublicTable.Column;
import org.budgetnarrator.model.read.PublishedTables;
import org.budgetnarrator.model.read.YearData;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

import static org.budgetnarrator.drafting.audit.Figures.first;
import static org.budgetnarrator.drafting.audit.Figures.plus;

/**
 * The topics a department-year's narrative can speak of, each with the figures its data give. The
 * phrases are those of the published 情况说明 (财政部 部门决算公开 formats); a phrase that names a
 * figure the data do not hold is a blocker, so a claim after it is not wrongly tied to what came before.
 */
final class Lexicon {

    /** Year-end vehicle kinds the disclosure lists, stated as 0 when absent. */
    static final List<String> VEHICLE_KINDS = List.of("副省级及以上领导干部用车", "主要负责人用车", "机要通信用车", "应急保障用车",
            "执法执勤用车", "特种专业技术用车", "离退休干部服务用车", "其他用车");

    private static final Map<String, String> THREE_PUBLIC = Map.of(
            "TOTAL", "“三公”经费(?:财政拨款支出)?",
            "OVERSEAS_TRAVEL", "因公出国\\s*[（(]境[）)]\\s*费(?:用)?|出国\\s*[（(]境[）)]\\s*团组",
            "VEHICLE", "公务用车购置及运行(?:维护)?费",
            "VEHICLE_PURCHASE", "公务用车购置费",
            "VEHICLE_OPERATION", "公务用车运行(?:维护)?费(?:支出)?",
            // "公务接待2批次、26人次": the reception named by its count, not the 国内 part of it
            "RECEPTION", "公务接待费|(?<!国内)公务接待(?=\\s*\\d+\\s*批次)",
            "RECEPTION_FOREIGN", "外宾接待(?:支出)?|接待外宾",
            "RECEPTION_DOMESTIC", "国内公务接待(?:支出)?");

    private final YearData data;
    private final List<Topic> topics = new ArrayList<>();

    Lexicon(YearData data) {
        this.data = data;
        build();
    }

    List<Topic> topics() {
        return topics;
    }

    private void build() {
        DepartmentYear y = data.year();
        PublishedTables t = data.tables();
        boolean hasAccounts = !data.functional().isEmpty();
        boolean hasIncomes = !data.incomes().isEmpty();
        // Each figure on its own basis (ReportFigures owns them for the audit and the drafts alike).
        ReportFigures r = new ReportFigures(data);
        BigDecimal incomeTotal = r.incomeTotal();
        BigDecimal incomeGrand = r.incomeGrandTotal();
        BigDecimal expenditure = r.expenditureTotal();
        BigDecimal fiscalIncome = r.fiscalIncome();
        BigDecimal fiscalGrand = r.fiscalGrandTotal();
        BigDecimal generalBudget = r.generalBudget();
        BigDecimal projectTotal = r.project();

        topics.add(Topic.of("total:fiscal", "财政拨款收入支出决算总表", "财政拨款收、支总计", "财政拨款收、?支总计|财政拨款收入支出(?:决算)?总计")
                .amount(fiscalGrand).previous(r.previousFiscalGrandTotal())
                .build());
        topics.add(Topic.of("total", "收入支出决算总表", "收、支总计", "收、?支(?:决算)?总计|收入支出(?:决算)?总计")
                .amount(incomeGrand).previous(r.previousIncomeGrandTotal())
                .build());
        topics.add(Topic.of("total:income", "收入支出决算总表", "收入总计", "(?<!财政拨款)收入总计")
                .amount(incomeGrand).previous(r.previousIncomeGrandTotal())
                .build());
        // "财政拨款收入总计 X 万元，支出总计 X 万元": the bare 支出总计 continues its sentence's subject (by the identity of
        // the two 总计 it equals the 收入总计 named before it), so it is no topic of its own; only joined to the 收入总计 of
        // 公开01 ("收入总计和支出总计各增加 A 万元和 B 万元") is it 公开01's 支出总计, a topic of a pair.
        topics.add(Topic.of("total:expenditure", "收入支出决算总表", "支出总计", "(?<=(?<!财政拨款)收入总计[和、及与])支出总计")
                .amount(r.expenditureGrandTotal()).previous(r.previousExpenditureGrandTotal())
                .build());
        topics.add(Topic.of("total:fiscalIncome", "财政拨款收入支出决算总表", "财政拨款收入总计", "财政拨款收入总计")
                .amount(fiscalGrand).previous(r.previousFiscalGrandTotal())
                .build());
        topics.add(Topic.of("total:fiscalExpenditure", "财政拨款收入支出决算总表", "财政拨款支出总计", "财政拨款支出总计")
                .amount(r.fiscalExpenditureGrandTotal()).previous(r.previousFiscalExpenditureGrandTotal())
                .build());
        topics.add(Topic.of("income:total", "收入决算表", "收入合计", "本年收入合计|收入合计")
                .amount(incomeTotal).previous(r.previousIncomeTotal()).build());
        topics.add(Topic.of("expenditure:total", "支出决算表", "支出合计", "本年支出合计|支出合计")
                .amount(expenditure).previous(r.previousExpenditureTotal()).build());

        // Income by source.
        topics.add(Topic.of("income:appropriation", "收入决算表", "财政拨款收入", "财政拨款收入")
                .amount(fiscalIncome).previous(r.previousFiscalIncome())
                .shareBase(incomeTotal).build());
        for (Map.Entry<String, String> source : ImportFormat.INCOMES.field("source").orElseThrow().choices().entrySet()) {
            Optional<IncomeLine> line = data.income(source.getKey());
            // A fund's own 年初/年末结转和结余 ("政府性基金预算财政拨款年初结转和结余 X 万元，…年末结转和结余 Y 万元") is 公开07's or 08's,
            // not 公开01's: within a sentence that names a fund, the bare terms are not 公开01's lines.
            String phrase = source.getKey().startsWith("carry_forward") || source.getKey().equals("surplus_distribution")
                    ? "(?<!(?:政府性基金|国有资本经营)预算财政拨款[^。]{0,60})" + Pattern.quote(source.getValue()) : Pattern.quote(source.getValue());
            topics.add(Topic.of("income:" + source.getKey(), "收入决算表", source.getValue(), phrase)
                    .amount(line.map(IncomeLine::amount).orElse(hasIncomes ? BigDecimal.ZERO : null))
                    .previous(line.map(IncomeLine::previousAmount).orElse(null))
                    .shareBase(incomeTotal).build());
        }

        // Expenditure by nature: all sources (公开03), and the general budget's (公开05, 06) apart.
        Function<Function<AccountLine, BigDecimal>, BigDecimal> total = c -> hasAccounts ? nz(data.functionalTotal(c)) : null;
        BigDecimal basic = r.basic();
        topics.add(Topic.of("expenditure:basic", "支出决算表", "基本支出", "基本支出")
                .amount(basic).previous(r.previousBasic()).shareBase(expenditure).build());
        BigDecimal generalBasic = r.generalBasic();
        // Without 公开05's split, a department-year given in format 1 speaks of one 基本支出 (its basis unknown): it is
        // checked as before, against the expenditure table's.
        topics.add(Topic.of("expenditure:generalBasic", "一般公共预算财政拨款基本支出决算明细表", "一般公共预算财政拨款基本支出",
                        "一般公共预算财政拨款基本支出")
                .amount(first(generalBasic, basic)).shareBase(generalBudget).build());
        topics.add(Topic.of("expenditure:project", "支出决算表", "项目支出", "项目支出")
                .amount(projectTotal).previous(r.previousProject()).shareBase(expenditure).build());
        topics.add(Topic.of("expenditure:remittance", "支出决算表", "上缴上级支出", "上缴上级支出")
                .amount(total.apply(AccountLine::remittance)).shareBase(expenditure).build());
        topics.add(Topic.of("expenditure:business", "支出决算表", "经营支出", "经营支出")
                .amount(total.apply(AccountLine::business)).shareBase(expenditure).build());
        topics.add(Topic.of("expenditure:subsidiary", "支出决算表", "对附属单位补助支出", "对附属单位补助支出")
                .amount(total.apply(AccountLine::subsidiary)).shareBase(expenditure).build());
        BigDecimal initialTotal = r.generalBudgetInitial();
        topics.add(Topic.of("expenditure:generalBudget", "一般公共预算财政拨款支出决算表", "一般公共预算财政拨款支出",
                        "一般公共预算财政拨款支出(?!决算)")
                .amount(generalBudget).previous(r.previousGeneralBudget())
                .initial(initialTotal).budget(r.generalBudgetAdjusted())
                .shareBase(expenditure).build());
        topics.add(Topic.of("expenditure:governmentFund", "政府性基金预算财政拨款收入支出决算表", "政府性基金预算财政拨款支出",
                "政府性基金预算财政拨款支出").amount(first(r.tableTotal(PublicTable.T07, Column.TOTAL), total.apply(AccountLine::governmentFund))).build());
        topics.add(Topic.of("expenditure:stateCapital", "国有资本经营预算财政拨款支出决算表", "国有资本经营预算财政拨款支出",
                "国有资本经营预算财政拨款支出").amount(first(r.tableTotal(PublicTable.T08, Column.TOTAL), total.apply(AccountLine::stateCapital))).build());

        // Economic classification: personnel = 301 + 303, operating = the rest (公开06), the printed 合计 rows first.
        if (!data.economic().isEmpty() || t.has(PublicTable.T06)) {
            BigDecimal personnel = r.personnel();
            BigDecimal operating = r.operating();
            topics.add(Topic.of("economic:personnel", "一般公共预算财政拨款基本支出决算明细表", "人员经费", "人员经费(?:合计)?")
                    .amount(personnel).build());
            topics.add(Topic.of("economic:operating", "一般公共预算财政拨款基本支出决算明细表", "公用经费", "公用经费(?:合计)?")
                    .amount(operating).build());
        }

        // 类 lines, named with or without "（类）" before 支出.
        for (AccountLine line : data.functional()) {
            if (line.level() != 1) {
                continue;
            }
            String name = line.name();
            String regex = name.endsWith("支出")
                    ? Pattern.quote(name.substring(0, name.length() - 2)) + "\\s*(?:[（(]类[）)]\\s*)?支出(?:\\s*[（(]类[）)])?"
                    : Pattern.quote(name) + "(?:\\s*[（(]类[）)])?";
            // 五(二) speaks of the general budget's spending by 类 (公开05); a report without 公开05 of the line's total.
            topics.add(Topic.of("account:" + line.code(), "一般公共预算财政拨款支出决算表", name, regex)
                    .amount(generalBudgetActual(line)).initial(line.initialBudget()).budget(line.adjustedBudget())
                    .shareBase(generalBudget != null ? generalBudget : expenditure).build());
        }

        // "三公" items with their counts.
        // Items the 三公 table prints with every cell blank have no line: they state zeros, and are topics as well.
        List<ThreePublicLine> threePublic = new ArrayList<>(data.threePublic());
        for (PublishedRow printed : t.rows(PublicTable.T09)) {
            if (threePublic.stream().noneMatch(l -> printed.key().equals(l.item()))) {
                threePublic.add(new ThreePublicLine(null, null, null, printed.key(), null, null, null, null, null, null, null));
            }
        }
        for (ThreePublicLine line : threePublic) {
            String regex = THREE_PUBLIC.get(line.item());
            if (regex == null) {
                continue;
            }
            // "完成预算的0%" of a budget the 三公 table leaves blank is a rate of no budget (财政局 2024). The printed 预算数
            // may be the year's initial or its adjusted budget, so a stated 年初预算 is checked against it only where the
            // table prints the item with its 预算数 blank: no budget of either kind.
            BigDecimal budget = r.blankReadsZero(line.budget(), PublicTable.T09, line.item());
            topics.add(Topic.of("threePublic:" + line.item(), "财政拨款“三公”经费支出决算表",
                            line.item().equals("TOTAL") ? "“三公”经费" : TableRules.name3(line.item()), regex)
                    .amount(r.blankReadsZero(line.actual(), PublicTable.T09, line.item()))
                    .budget(budget).initial(line.budget() == null && line.tableBudget() == null ? budget : null)
                    .previous(line.previousActual())
                    .groups(line.groups()).persons(line.persons()).count(line.vehicles()).build());
        }

        topics.add(Topic.of("officeRunningCost", "机关运行经费", "机关运行经费", "机关运行经费(?:支出)?")
                .amount(y.officeRunningCost()).previous(y.previousOfficeRunningCost()).build());

        // Procurement; the goods/works/services SME shares are not stored: their phrases block.
        topics.add(Topic.blocker("procurement:smeByKind", "(?:货物|工程|服务)采购授予中小企业合同金额"));
        topics.add(Topic.of("procurement:total", "政府采购", "政府采购支出总额", "政府采购支出总额").amount(y.procurementTotal()).build());
        topics.add(Topic.of("procurement:goods", "政府采购", "政府采购货物支出", "政府采购货物支出").amount(y.procurementGoods()).build());
        topics.add(Topic.of("procurement:works", "政府采购", "政府采购工程支出", "政府采购工程支出").amount(y.procurementWorks()).build());
        topics.add(Topic.of("procurement:services", "政府采购", "政府采购服务支出", "政府采购服务支出").amount(y.procurementServices()).build());
        topics.add(Topic.of("procurement:sme", "政府采购", "授予中小企业合同金额", "授予中小企业合同金额")
                .amount(y.procurementSme()).shareBase(y.procurementTotal()).build());
        topics.add(Topic.of("procurement:micro", "政府采购", "授予小微企业合同金额", "授予小微企业合同金额")
                .amount(y.procurementMicro()).shareBase(y.procurementSme()).build());

        // Assets.
        if (!data.vehicles().isEmpty()) {
            int all = data.vehicles().stream().mapToInt(VehicleHolding::count).sum();
            topics.add(Topic.of("vehicles", "国有资产占用", "车辆", "共有车辆").count(all).build());
            for (String kind : VEHICLE_KINDS) {
                int n = data.vehicles().stream().filter(v -> v.kind().equals(kind)).mapToInt(VehicleHolding::count).sum();
                topics.add(Topic.of("vehicles:" + kind, "国有资产占用", kind, Pattern.quote(kind)).count(n).build());
            }
        }
        topics.add(Topic.of("equipmentOver1m", "国有资产占用", "单位价值100万元以上设备",
                        "(?:单位价值|单价)\\s*100\\s*万元\\s*(?:[（(]含[）)])?\\s*以上(?:的)?(?:专用)?设备(?:\\s*[（(]不含车辆[）)])?")
                .count(y.equipmentOver1m()).build());

        // Performance: the projects self-evaluated, and each project by name.
        long evaluated = data.projects().stream().filter(p -> p.executed() != null).count();
        if (evaluated > 0) {
            topics.add(Topic.of("projects", "项目", "绩效自评项目", "(?:共)?涉及项目")
                    .count((int) evaluated).amount(projectTotal).shareBase(projectTotal).build());
        }
        for (Project p : data.projects()) {
            String stem = p.name().replaceAll("(经费|费)$", "");
            String regex = Pattern.quote(p.name()) + "(?:项目)?" + (stem.equals(p.name()) ? "" : "|" + Pattern.quote(stem) + "项目");
            BigDecimal budget = p.adjustedBudget() != null ? p.adjustedBudget() : p.initialBudget();
            topics.add(Topic.of("project:" + (p.code() != null ? p.code() : p.name()), "项目", p.name(), regex)
                    .amount(p.executed()).budget(budget).initial(p.initialBudget()).build());
        }

        // The self-evaluation table's headers.
        topics.add(Topic.of("evaluation:basic", "绩效自评表", "基本支出总额", "基本支出总额")
                .amount(hasAccounts ? total.apply(AccountLine::basic) : y.basicExpenditure()).build());
        topics.add(Topic.of("evaluation:project", "绩效自评表", "项目支出总额", "项目支出总额")
                .amount(hasAccounts ? projectTotal : y.projectExpenditure()).build());
        topics.add(Topic.of("evaluation:department", "绩效自评表", "部门整体支出总额", "部门整体支出总额")
                .amount(y.executed()).budget(y.adjustedBudget()).build());
    }

    /** A line's general-budget spending (公开05) where printed, else its total. */
    static BigDecimal generalBudgetActual(AccountLine line) {
        return ReportFigures.generalBudgetActual(line);
    }

    static boolean closing(String source) {
        return ReportFigures.closing(source);
    }

    private static BigDecimal nz(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }
}
