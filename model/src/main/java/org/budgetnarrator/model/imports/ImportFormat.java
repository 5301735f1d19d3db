package org.budgetnarrator.model.imports;

import org.budgetnarrator.model.domain.PublicTable;

import java.util.List;

import static org.budgetnarrator.model.imports.Field.choice;
import static org.budgetnarrator.model.imports.Field.code;
import static org.budgetnarrator.model.imports.Field.decimal;
import static org.budgetnarrator.model.imports.Field.integer;
import static org.budgetnarrator.model.imports.Field.money;
import static org.budgetnarrator.model.imports.Field.text;

/**
 * The import format of one department-year, in one place: the JSON reader, the workbook reader, the
 * blank workbook, the exporter, the JSON Schema and the store all read these definitions, so that
 * none of them can drift from the others. docs/import-format.md describes the same format for people.
 */
public final class ImportFormat {

    /**
     * Version 2 holds the public tables as published ({@link #PUBLISHED}). Version 1 documents, which gave the
     * tables' figures as income and account lines, are still read: their lines are converted into the public
     * tables on import ({@link LegacyLines}), and a stored department-year is exported as version 2.
     */
    public static final String FORMAT_ID = "budget-narrator/department-year@2";
    public static final String FORMAT_ID_V1 = "budget-narrator/department-year@1";
    public static final List<String> FORMAT_IDS = List.of(FORMAT_ID, FORMAT_ID_V1);

    // Bounds on a whole document, checked before its content is read (an import is refused, never truncated).
    /** The most bytes a file (JSON or .xlsx) may have: far above any real department-year (the demo files are 10–80 kB). */
    public static final int MAX_DOCUMENT_BYTES = 16 * 1024 * 1024;
    /** The most bytes a workbook's parts may unpack to (a small .xlsx can inflate a thousandfold). */
    public static final long MAX_WORKBOOK_UNPACKED_BYTES = 64L * 1024 * 1024;
    /** The deepest JSON nesting read: the format itself nests 5 levels (document, projects, project, indicators, indicator). */
    public static final int MAX_NESTING = 16;
    /** The most characters of one number as written, in JSON or in a string: 18 + 6 digits fit many times over. */
    public static final int MAX_NUMBER_LENGTH = 100;
    /** The most characters of one JSON key; every key of the format is far shorter. */
    public static final int MAX_KEY_LENGTH = 200;
    /** The most characters of a file name, as stored with the department-year (source_name VARCHAR(500)). */
    public static final int MAX_FILE_NAME = 500;
    /** The most problems listed for one file; the rest are counted. */
    public static final int MAX_PROBLEMS = 1_000;

    // Text limits, in characters, each at most its column's VARCHAR (a test reads the migrations).
    /** Short labels: regions, categories, indicator levels (VARCHAR(100)). */
    static final int SHORT = 100;
    /** Project and indicator names, document titles (VARCHAR(300)). */
    static final int LONG_NAME = 300;
    /** An indicator's target or actual value as printed ("≥95%", "完成年度目标任务"). */
    static final int VALUE = 1_000;
    /** A paragraph: goals, outcomes, analyses, duties, notes; the longest in the demo data is under 1,100. */
    static final int PARAGRAPH = 20_000;
    /** A published narrative document kept verbatim; the demo's longest is 6,322. */
    static final int DOCUMENT_TEXT = 200_000;

    public static final String YUAN = "元";
    /** 1 万元 = 10^4 元. */
    public static final int YUAN_SHIFT = 4;

    public static final Field MONEY_UNIT = choice("moneyUnit", "金额单位", "万元", "万元", "元", "元");

    /** The document itself: which department-year, which stage, which unit. */
    public static final TableSpec DOCUMENT = new TableSpec("document", "年度", "department_year", true, List.of(
            text("format", "格式").max(SHORT).notStored(),
            integer("year", "年度").mandatory().column("fiscal_year"),
            choice("stage", "阶段",
                    "BUDGET", "部门预算",
                    "FINAL_ACCOUNTS", "部门决算",
                    "SELF_EVALUATION", "绩效自评").mandatory(),
            MONEY_UNIT),
            "本表填写年度、阶段和金额单位（默认万元）。", 1);

    public static final TableSpec DEPARTMENT = new TableSpec("department", "部门", "department", true, List.of(
            code("code", "部门编码").max(32).mandatory(),
            text("name", "部门名称").mandatory(),
            choice("level", "行政级别", "PROVINCIAL", "省级", "CITY", "市级", "COUNTY", "县级").mandatory()
                    .column("admin_level"),
            text("region", "地区").max(SHORT),
            integer("staffCount", "财政供养人员数"),
            text("duties", "部门主要职责").max(PARAGRAPH)),
            "本表填写部门基本信息。", 1);

    public static final TableSpec BUDGET_UNITS = new TableSpec("budgetUnits", "预算单位", "budget_unit", false, List.of(
            text("name", "单位名称").mandatory(),
            choice("kind", "单位类型", "本级", "本级", "二级", "二级预算单位")),
            "纳入部门决算编制范围的单位，每行一个。", 1_000);

    public static final TableSpec SUMMARY = new TableSpec("summary", "年度概况", "department_year", true, List.of(
            money("initialBudget", "年初预算数"),
            money("adjustedBudget", "全年预算数"),
            money("executed", "全年执行数"),
            money("basicExpenditure", "基本支出"),
            money("projectExpenditure", "项目支出"),
            money("businessExpenditure", "经营支出"),
            money("fundFiscalAppropriation", "财政拨款"),
            money("fundGeneralBudget", "一般公共预算"),
            money("fundGovernmentFund", "政府性基金拨款"),
            money("fundSpecialAccount", "纳入专户管理的非税收入拨款"),
            money("fundOther", "其他资金"),
            integer("subUnitCount", "下属二级单位数"),
            money("previousTotalIncome", "上年收入总计"),
            money("previousTotalExpenditure", "上年支出总计"),
            money("previousFiscalIncome", "上年财政拨款收入总计"),
            money("previousFiscalExpenditure", "上年财政拨款支出总计"),
            money("previousGeneralBudgetExpenditure", "上年一般公共预算财政拨款支出"),
            money("officeRunningCost", "机关运行经费"),
            money("previousOfficeRunningCost", "上年机关运行经费"),
            money("procurementTotal", "政府采购支出总额"),
            money("procurementGoods", "政府采购货物支出"),
            money("procurementWorks", "政府采购工程支出"),
            money("procurementServices", "政府采购服务支出"),
            money("procurementSme", "授予中小企业合同金额"),
            money("procurementMicro", "授予小微企业合同金额"),
            integer("equipmentOver1m", "单位价值100万元以上设备").column("equipment_over_1m"),
            integer("evaluatedProjects", "绩效自评项目数"),
            money("evaluatedAmount", "绩效自评项目金额"),
            decimal("evaluatedShare", "自评金额占项目支出比例%"),
            decimal("budgetExecutionWeight", "预算执行率分值"),
            decimal("budgetExecutionScore", "预算执行率得分"),
            decimal("totalScore", "自评总分"),
            text("overallGoal", "年度总体目标").max(PARAGRAPH),
            text("overallOutcome", "实际完成情况").max(PARAGRAPH),
            text("deviationAnalysis", "偏差大或目标未完成原因分析").max(PARAGRAPH),
            text("improvementPlan", "改进措施及结果应用方案").max(PARAGRAPH)),
            "不在各表中的年度数字与文字；没有的项目留空。", 1);

    public static final TableSpec INCOMES = new TableSpec("incomes", "收入", "income_line", false, List.of(
            choice("source", "收入来源",
                    "general_public_budget_appropriation", "一般公共预算财政拨款收入",
                    "government_fund_budget_appropriation", "政府性基金预算财政拨款收入",
                    "state_capital_budget_appropriation", "国有资本经营预算财政拨款收入",
                    "superior_subsidy", "上级补助收入",
                    "public_service_unit_income", "事业收入",
                    "operating_income", "经营收入",
                    "subsidiary_remittance", "附属单位上缴收入",
                    "other_income", "其他收入",
                    "carry_forward_begin", "年初结转和结余",
                    "non_fiscal_surplus_used", "使用非财政拨款结余",
                    "carry_forward_end", "年末结转和结余",
                    "surplus_distribution", "结余分配").mandatory(),
            money("amount", "金额").mandatory(),
            money("previousAmount", "上年金额")),
            "收入决算表（公开01/02）：每个收入来源一行。", 100);

    public static final TableSpec ACCOUNTS = new TableSpec("accounts", "功能分类支出", "account_line", false, List.of(
            code("code", "科目代码").max(16).mandatory(),
            text("name", "科目名称").mandatory(),
            money("initialBudget", "年初预算数"),
            money("adjustedBudget", "全年预算数"),
            money("actual", "决算数"),
            money("basic", "基本支出"),
            money("personnel", "人员经费"),
            money("operating", "公用经费"),
            money("project", "项目支出"),
            money("remittance", "上缴上级支出"),
            money("business", "经营支出"),
            money("subsidiary", "对附属单位补助支出"),
            money("generalBudget", "一般公共预算财政拨款"),
            money("governmentFund", "政府性基金预算财政拨款"),
            money("stateCapital", "国有资本经营预算财政拨款"),
            money("previousActual", "上年决算数")),
            "支出功能分类科目（类3位/款5位/项7位），每个科目一行；缺少的类、款按下级合计生成。", 2_000);

    public static final TableSpec ECONOMIC_ACCOUNTS = new TableSpec("economicAccounts", "经济分类支出", "account_line", false,
            List.of(
                    code("code", "科目代码").max(16).mandatory(),
                    text("name", "科目名称").mandatory(),
                    money("initialBudget", "年初预算数"),
                    money("actual", "决算数")),
            "支出经济分类科目（类3位/款5位，公开06），每个科目一行。", 1_000);

    public static final TableSpec THREE_PUBLIC = new TableSpec("threePublic", "三公经费", "three_public_line", false, List.of(
            choice("item", "项目",
                    "TOTAL", "合计",
                    "OVERSEAS_TRAVEL", "因公出国（境）费",
                    "VEHICLE", "公务用车购置及运行维护费",
                    "VEHICLE_PURCHASE", "公务用车购置费",
                    "VEHICLE_OPERATION", "公务用车运行维护费",
                    "RECEPTION", "公务接待费",
                    "RECEPTION_FOREIGN", "外宾接待",
                    "RECEPTION_DOMESTIC", "国内公务接待").mandatory(),
            money("budget", "全年预算数"),
            money("actual", "决算数"),
            money("previousActual", "上年决算数"),
            money("tableBudget", "公开09表列预算数"),
            integer("groups", "团组数").column("groups_count"),
            integer("persons", "人次").column("persons_count"),
            integer("vehicles", "公务用车保有量").column("vehicles_count")),
            "财政拨款“三公”经费（公开09及说明），每个项目一行。", 100);

    public static final TableSpec VEHICLES = new TableSpec("vehicles", "车辆", "vehicle_holding", false, List.of(
            text("kind", "车辆类别").max(SHORT).mandatory(),
            integer("count", "数量").mandatory().column("vehicle_count")),
            "年末车辆保有情况，按类别每行一个。", 100);

    /** Where a report prints a public table: its own number, title and place in the report. */
    public static final TableSpec TABLE_LAYOUTS = new TableSpec("tableLayouts", "表式", "published_table", false, List.of(
            tableChoice(),
            text("label", "表号").max(SHORT),
            text("title", "表名").max(LONG_NAME),
            integer("position", "次序").column("table_position"),
            text("note", "说明").max(PARAGRAPH)),
            "报表如何印出各公开表：表号（如 公开01表、表1、一）、表名和在报告中的次序；没有填写的按全国模板。", 100);

    /**
     * Every printed cell of the public tables, a row of a table per line: the table, the row (an account code or
     * a named row such as income_total), its name and 行次 as printed, and its figures in the table's columns
     * (docs/import-format.md lists which rows and columns each table has). Blank cells stay blank: null, never 0.
     */
    public static final TableSpec PUBLISHED = new TableSpec("publishedTables", "公开表", "published_row", false, published(),
            "各公开表印出的每一行：表、行（科目代码或如 income_total 的行名）、名称、行次和各栏数字；空白栏留空。", 20_000);

    public static final TableSpec PROJECTS = new TableSpec("projects", "项目", "project", false, List.of(
            code("code", "项目编码"),
            text("name", "项目名称").max(LONG_NAME).mandatory(),
            MONEY_UNIT,
            text("supervisor", "主管部门"),
            text("implementingUnit", "项目实施单位"),
            text("category", "项目类别").max(SHORT),
            text("type", "项目类型").max(32).column("project_type"),
            integer("level", "项目级次").column("project_level"),
            text("parentCode", "上级项目").max(LONG_NAME),
            text("purpose", "资金用途").max(PARAGRAPH),
            money("initialBudget", "年初预算数"),
            money("adjustedBudget", "全年预算数"),
            money("executed", "执行数"),
            money("fundCurrentYear", "当年财政拨款"),
            money("fundCarryOver", "上年结转"),
            money("fundOther", "其他资金"),
            decimal("planMarch", "3月底支出计划%"),
            decimal("planJune", "6月底支出计划%"),
            decimal("planOctober", "10月底支出计划%"),
            decimal("planDecember", "12月底支出计划%"),
            text("goal", "绩效目标").max(PARAGRAPH),
            text("outcome", "实际完成情况").max(PARAGRAPH),
            decimal("score", "自评得分"),
            text("deviationAnalysis", "偏差大或目标未完成原因分析").max(PARAGRAPH),
            text("improvementPlan", "改进措施及结果应用方案").max(PARAGRAPH)),
            "预算项目，每个项目一行；没有项目编码的以项目名称识别。", 5_000);

    /** The project an indicator belongs to: only in the workbook; JSON nests indicators inside projects. */
    public static final Field INDICATOR_PROJECT = text("project", "所属项目").max(LONG_NAME).notStored();

    public static final TableSpec INDICATORS = new TableSpec("indicators", "绩效指标", "indicator", false, List.of(
            INDICATOR_PROJECT,
            text("level1", "一级指标").max(SHORT).mandatory(),
            text("level2", "二级指标").max(SHORT),
            text("name", "三级指标").max(LONG_NAME).mandatory(),
            text("description", "指标描述").max(PARAGRAPH),
            text("periodTarget", "实施周期指标值").max(VALUE),
            text("target", "年度指标值").max(VALUE),
            text("actual", "实际完成值").max(VALUE),
            decimal("weight", "分值"),
            decimal("score", "得分"),
            text("basis", "指标值确定依据").max(PARAGRAPH),
            text("deviationNote", "偏差原因分析及改进措施").max(PARAGRAPH)),
            "绩效指标，每个指标一行；“所属项目”填项目编码或名称，留空为部门整体指标。", 50_000);

    public static final TableSpec DOCUMENTS = new TableSpec("documents", "文档", "document", false, List.of(
            choice("kind", "类别",
                    "FINAL_ACCOUNTS_NARRATIVE", "部门决算情况说明",
                    "DEPARTMENT_OVERVIEW", "部门概况",
                    "SELF_EVALUATION_REPORT", "绩效自评报告",
                    "SELF_EVALUATION_TABLE", "绩效自评表",
                    "PERFORMANCE_TARGETS", "绩效目标",
                    "OTHER", "其他").mandatory(),
            text("title", "标题").max(LONG_NAME),
            text("text", "正文").max(DOCUMENT_TEXT).mandatory().column("body")),
            "已公开的文字材料，原文照录。", 100);

    /** Officers' reasons for a line's variance, by subject and aspect (against the budget, or against last year). */
    public static final TableSpec REASONS = new TableSpec("reasons", "原因", "line_reason", false, List.of(
            text("subject", "对象").mandatory(),
            choice("aspect", "差异", "BUDGET", "与预算相比", "PREVIOUS", "与上年相比").mandatory(),
            code("code", "原因代码"),
            text("note", "原因说明").max(PARAGRAPH)),
            "各项差异的主要原因：对象如 account:2013501、threePublic:TOTAL、project:外事出访、total；原因代码见原因目录，或在说明中写明。",
            10_000);

    public static final TableSpec NOTES = new TableSpec("notes", "说明", "data_note", false, List.of(
            text("subject", "涉及内容"),
            text("text", "说明").max(PARAGRAPH).mandatory().column("body")),
            "对数据本身的说明，例如原文前后矛盾时采用了哪个数。", 1_000);

    /** Every table, in workbook sheet order. */
    public static final List<TableSpec> TABLES = List.of(DOCUMENT, DEPARTMENT, BUDGET_UNITS, SUMMARY, TABLE_LAYOUTS, PUBLISHED,
            INCOMES, ACCOUNTS, ECONOMIC_ACCOUNTS, THREE_PUBLIC, VEHICLES, PROJECTS, INDICATORS, REASONS, DOCUMENTS, NOTES);

    /** The list tables stored per department-year (not the department's own). */
    public static final List<TableSpec> YEAR_TABLES = List.of(TABLE_LAYOUTS, PUBLISHED, INCOMES, ACCOUNTS, ECONOMIC_ACCOUNTS,
            THREE_PUBLIC, VEHICLES, PROJECTS, INDICATORS, REASONS, DOCUMENTS, NOTES);

    /**
     * The version 1 lists that held the public tables' figures. They are the tables' lines seen per account and per
     * income source: given by a version 1 document, converted into {@link #PUBLISHED}; otherwise derived from it.
     */
    public static final List<TableSpec> LEGACY_LINES = List.of(INCOMES, ACCOUNTS, ECONOMIC_ACCOUNTS, THREE_PUBLIC);

    private ImportFormat() {
    }

    private static Field tableChoice() {
        List<String> choices = new java.util.ArrayList<>();
        for (PublicTable t : PublicTable.values()) {
            choices.add(t.name());
            choices.add(t.number() + " " + t.title());
        }
        return choice("table", "表", choices.toArray(String[]::new)).mandatory().column("table_key");
    }

    private static List<Field> published() {
        List<Field> fields = new java.util.ArrayList<>(List.of(
                tableChoice(),
                code("row", "行").mandatory().column("row_key"),
                choice("period", "期间", PublicTable.Period.CURRENT.name(), "本年", PublicTable.Period.PREVIOUS.name(), "上年"),
                text("name", "项目名称").column("row_name"),
                integer("lineNo", "行次")));
        for (PublicTable.Column column : PublicTable.Column.values()) {
            Field field = switch (column.kind()) {
                case MONEY -> money(column.key(), column.label());
                case COUNT -> integer(column.key(), column.label());
                case AREA -> decimal(column.key(), column.label());
            };
            fields.add(field.column(column.dbColumn()));
        }
        return List.copyOf(fields);
    }

    public static TableSpec byKey(String key) {
        return TABLES.stream().filter(t -> t.key().equals(key)).findFirst().orElse(null);
    }

    public static TableSpec bySheet(String sheet) {
        return TABLES.stream().filter(t -> t.sheet().equals(sheet.trim())).findFirst().orElse(null);
    }
}
