package org.budgetnarrator.model.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The public tables of a 部门决算 (公开01–09) and the other disclosures printed beside them (机关运行经费, 政府采购,
 * 国有资产占用), as the national template lays them out: which rows a table may
 * hold (account codes of one classification and named rows such as 本年收入合计) and which columns. A report
 * that prints a table in another layout is transcribed into these rows and columns; its own numbering, title
 * and order are kept beside it (the table's layout), so nothing printed is lost.
 * <p>
 * A cell is named by table, row key and column key, e.g. T01 / income_grand_total / amount. Every figure a
 * narrative speaks of has exactly one such cell: "收入总计" (T01 income_grand_total) is not "本年收入合计"
 * (T01 income_total), and "一般公共预算财政拨款支出" (T05) is not "支出" (T03).
 */
public enum PublicTable {

    T01("公开01", "收入支出决算总表", Codes.FUNCTIONAL_CLASS,
            rows(Side.INCOME, "general_public_budget_appropriation", "一般公共预算财政拨款收入",
                    "government_fund_budget_appropriation", "政府性基金预算财政拨款收入",
                    "state_capital_budget_appropriation", "国有资本经营预算财政拨款收入",
                    "superior_subsidy", "上级补助收入",
                    "public_service_unit_income", "事业收入",
                    "operating_income", "经营收入",
                    "subsidiary_remittance", "附属单位上缴收入",
                    "other_income", "其他收入",
                    "income_total", "本年收入合计",
                    "non_fiscal_surplus_used", "使用非财政拨款结余",
                    "carry_forward_begin", "年初结转和结余",
                    "income_grand_total", "收入总计",
                    Side.EXPENDITURE, "expenditure_total", "本年支出合计",
                    "surplus_distribution", "结余分配",
                    "carry_forward_end", "年末结转和结余",
                    "expenditure_grand_total", "支出总计"),
            List.of(Column.AMOUNT)),
    T02("公开02", "收入决算表", Codes.FUNCTIONAL, rows(Side.INCOME, "total", "合计"),
            List.of(Column.TOTAL, Column.FISCAL, Column.GENERAL, Column.FUND, Column.STATE_CAPITAL, Column.SUPERIOR_SUBSIDY,
                    Column.SERVICE_INCOME, Column.OPERATING_INCOME, Column.SUBSIDIARY_REMITTANCE, Column.OTHER_INCOME)),
    T03("公开03", "支出决算表", Codes.FUNCTIONAL, rows(Side.EXPENDITURE, "total", "合计"),
            List.of(Column.TOTAL, Column.BASIC, Column.PROJECT, Column.REMITTANCE, Column.BUSINESS, Column.SUBSIDIARY)),
    T04("公开04", "财政拨款收入支出决算总表", Codes.FUNCTIONAL,
            rows(Side.INCOME, "general_public_budget_appropriation", "一般公共预算财政拨款",
                    "government_fund_budget_appropriation", "政府性基金预算财政拨款",
                    "state_capital_budget_appropriation", "国有资本经营预算财政拨款",
                    "income_total", "本年收入合计",
                    "carry_forward_begin", "年初财政拨款结转和结余",
                    "carry_forward_begin_general", "年初一般公共预算财政拨款结转和结余",
                    "carry_forward_begin_fund", "年初政府性基金预算财政拨款结转和结余",
                    "carry_forward_begin_state_capital", "年初国有资本经营预算财政拨款结转和结余",
                    "income_grand_total", "收入总计",
                    Side.EXPENDITURE, "expenditure_total", "本年支出合计",
                    "carry_forward_end", "年末财政拨款结转和结余",
                    "expenditure_grand_total", "支出总计"),
            List.of(Column.AMOUNT, Column.TOTAL, Column.GENERAL, Column.FUND, Column.STATE_CAPITAL)),
    T05("公开05", "一般公共预算财政拨款支出决算表", Codes.FUNCTIONAL, rows(Side.EXPENDITURE, "total", "合计"),
            List.of(Column.TOTAL, Column.BASIC, Column.PROJECT, Column.PERSONNEL, Column.OPERATING, Column.CARRY_BEGIN,
                    Column.INCOME, Column.CARRY_END, Column.INITIAL_BUDGET, Column.ADJUSTED_BUDGET)),
    T06("公开06", "一般公共预算财政拨款基本支出决算明细表", Codes.ECONOMIC,
            rows(Side.EXPENDITURE, "personnel_total", "人员经费合计", "operating_total", "公用经费合计", "total", "合计"),
            List.of(Column.AMOUNT, Column.PERSONNEL, Column.OPERATING, Column.INITIAL_BUDGET)),
    T07("公开07", "政府性基金预算财政拨款收入支出决算表", Codes.FUNCTIONAL, rows(Side.EXPENDITURE, "total", "合计"),
            List.of(Column.CARRY_BEGIN, Column.INCOME, Column.TOTAL, Column.BASIC, Column.PROJECT, Column.CARRY_END)),
    T08("公开08", "国有资本经营预算财政拨款支出决算表", Codes.FUNCTIONAL, rows(Side.EXPENDITURE, "total", "合计"),
            List.of(Column.CARRY_BEGIN, Column.INCOME, Column.TOTAL, Column.BASIC, Column.PROJECT, Column.CARRY_END)),
    /**
     * 财政拨款"三公"经费: printed as one row of 预算数 and 决算数 by item; here one row per item. The counts (团组, 人次,
     * vehicles, 接待批次) are printed by some regions in the table and by all in the narrative. Rows trip_1, trip_2 …
     * are single trips abroad where a report lists them (name: destination and purpose).
     */
    T09("公开09", "财政拨款“三公”经费支出决算表", Codes.NONE,
            rows(null, "TOTAL", "合计",
                    "OVERSEAS_TRAVEL", "因公出国（境）费",
                    "VEHICLE", "公务用车购置及运行维护费",
                    "VEHICLE_PURCHASE", "公务用车购置费",
                    "VEHICLE_OPERATION", "公务用车运行维护费",
                    "RECEPTION", "公务接待费",
                    "RECEPTION_FOREIGN", "外宾接待费",
                    "RECEPTION_DOMESTIC", "国内公务接待费"),
            List.of(Column.BUDGET, Column.ADJUSTED_BUDGET, Column.ACTUAL, Column.GROUPS, Column.PERSONS, Column.VEHICLES_HELD,
                    Column.VEHICLES_BOUGHT, Column.BATCHES), "trip_[0-9]{1,3}"),
    /** 机关运行经费: a table in some regions, a paragraph in most. */
    OFFICE_RUNNING("机关运行经费", "机关运行经费支出情况", Codes.NONE, rows(null, "total", "机关运行经费"), List.of(Column.AMOUNT)),
    /** 政府采购 by goods, works and services, with the contracts awarded to small and medium (and micro) enterprises. */
    PROCUREMENT("政府采购", "政府采购支出情况", Codes.NONE,
            rows(null, "goods", "货物", "works", "工程", "services", "服务", "total", "合计",
                    "reserved_sme", "面向中小企业预留的项目", "reserved_micro", "面向小微企业预留的项目",
                    "other_projects", "其他政府采购项目"),
            List.of(Column.PLANNED, Column.AMOUNT, Column.SME, Column.MICRO)),
    /**
     * 预算绩效管理: the projects of each stage of whole-process performance management (绩效目标, 绩效跟踪, 绩效自评,
     * 部门评价 and 财政评价), the self-evaluations by grade and the problems they found, as counts and budget amounts.
     * Reports state them in the narrative (上海 区级 部门决算 十); a table here so that each figure has its cell.
     */
    PERFORMANCE("预算绩效管理", "预算绩效管理情况", Codes.NONE,
            rows(null, "targets", "编报绩效目标的项目", "tracked", "绩效跟踪评价的项目", "self_evaluated", "绩效自评的项目",
                    "department_evaluated", "部门评价的项目", "fiscal_evaluated", "财政评价的项目",
                    "grade_excellent", "绩效评级为“优”的项目", "grade_good", "绩效评级为“良”的项目",
                    "grade_pass", "绩效评级为“合格”的项目", "grade_fail", "绩效评级为“不合格”的项目",
                    "problems", "绩效自评发现的问题", "problems_rectified", "已完成整改的问题",
                    "problems_rectifying", "正在整改的问题"),
            List.of(Column.COUNT, Column.AMOUNT)),
    /**
     * 国有资产占用: land, buildings, vehicles, equipment, and rows of the report's own kinds (equipment_…, other_…).
     * Vehicles by kind are the department-year's vehicle list.
     */
    ASSETS("国有资产占用", "国有资产占用情况", Codes.NONE,
            rows(null, "land", "土地", "buildings", "房屋", "vehicles", "车辆", "equipment_over_1m", "单位价值100万元（含）以上设备"),
            List.of(Column.COUNT, Column.AREA, Column.AMOUNT), "(equipment|other)_[a-z0-9_]{1,40}");

    /** Which side of a two-sided table (01, 04) a row is on; the one-sided tables' rows are on one side. */
    public enum Side { INCOME, EXPENDITURE }

    /** Which account codes a table's rows may carry. */
    public enum Codes {
        /** 3-digit 功能分类 类 only (the 支出 side of 公开01 lists 类). */
        FUNCTIONAL_CLASS,
        /** 功能分类 类 (3), 款 (5), 项 (7). */
        FUNCTIONAL,
        /** 经济分类 类 (3), 款 (5). */
        ECONOMIC,
        /** No account rows: named rows only. */
        NONE
    }

    /**
     * Whose figures a row holds: the year's, as printed in the table, or last year's, as the report states them
     * (usually in its narrative: "与上年相比" rests on them), in the same rows and columns.
     */
    public enum Period { CURRENT, PREVIOUS }

    /** What a column holds: money (万元, converted from 元), a count, or an area in square metres. */
    public enum Kind { MONEY, COUNT, AREA }

    /** A column of the public tables. */
    public enum Column {
        AMOUNT("amount", "金额"),
        TOTAL("total", "合计"),
        FISCAL("fiscal", "财政拨款收入"),
        GENERAL("general", "一般公共预算财政拨款"),
        FUND("fund", "政府性基金预算财政拨款"),
        STATE_CAPITAL("stateCapital", "国有资本经营预算财政拨款"),
        SUPERIOR_SUBSIDY("superiorSubsidy", "上级补助收入"),
        SERVICE_INCOME("serviceIncome", "事业收入"),
        OPERATING_INCOME("operatingIncome", "经营收入"),
        SUBSIDIARY_REMITTANCE("subsidiaryRemittance", "附属单位上缴收入"),
        OTHER_INCOME("otherIncome", "其他收入"),
        BASIC("basic", "基本支出"),
        PROJECT("project", "项目支出"),
        REMITTANCE("remittance", "上缴上级支出"),
        BUSINESS("business", "经营支出"),
        SUBSIDIARY("subsidiary", "对附属单位补助支出"),
        PERSONNEL("personnel", "人员经费"),
        OPERATING("operating", "公用经费"),
        CARRY_BEGIN("carryBegin", "年初结转和结余"),
        INCOME("income", "本年收入"),
        CARRY_END("carryEnd", "年末结转和结余"),
        INITIAL_BUDGET("initialBudget", "年初预算数"),
        ADJUSTED_BUDGET("adjustedBudget", "全年预算数"),
        BUDGET("budget", "预算数"),
        ACTUAL("actual", "决算数"),
        PLANNED("planned", "采购计划金额"),
        SME("sme", "授予中小企业合同金额"),
        MICRO("micro", "授予小微企业合同金额"),
        COUNT("count", "数量", Kind.COUNT, "item_count"),
        AREA("area", "面积（平方米）", Kind.AREA, "area"),
        GROUPS("groups", "团组数", Kind.COUNT, "groups_count"),
        PERSONS("persons", "人次", Kind.COUNT, "persons_count"),
        VEHICLES_HELD("vehiclesHeld", "车辆保有量", Kind.COUNT, "vehicles_held"),
        VEHICLES_BOUGHT("vehiclesBought", "购置车辆数", Kind.COUNT, "vehicles_bought"),
        BATCHES("batches", "批次", Kind.COUNT, "batch_count");

        private final String key;
        private final String label;
        private final Kind kind;
        private final String dbColumn;

        Column(String key, String label) {
            this(key, label, Kind.MONEY, null);
        }

        Column(String key, String label, Kind kind, String dbColumn) {
            this.key = key;
            this.label = label;
            this.kind = kind;
            this.dbColumn = dbColumn != null ? dbColumn : snake(key);
        }

        public String key() {
            return key;
        }

        public String label() {
            return label;
        }

        public Kind kind() {
            return kind;
        }

        /** The column of published_row that holds it. */
        public String dbColumn() {
            return dbColumn;
        }

        private static String snake(String key) {
            StringBuilder out = new StringBuilder();
            for (char c : key.toCharArray()) {
                out.append(Character.isUpperCase(c) ? "_" + Character.toLowerCase(c) : String.valueOf(c));
            }
            return out.toString();
        }

        public static Optional<Column> byKey(String key) {
            for (Column c : values()) {
                if (c.key.equals(key)) {
                    return Optional.of(c);
                }
            }
            return Optional.empty();
        }
    }

    /** A named row: its key, the template's name, and its side. */
    public record NamedRow(String key, String label, Side side) {
    }

    private final String number;
    private final String title;
    private final Codes codes;
    private final Map<String, NamedRow> namedRows;
    private final List<Column> columns;
    private final Pattern rowPattern;

    PublicTable(String number, String title, Codes codes, Map<String, NamedRow> namedRows, List<Column> columns) {
        this(number, title, codes, namedRows, columns, null);
    }

    PublicTable(String number, String title, Codes codes, Map<String, NamedRow> namedRows, List<Column> columns, String rowPattern) {
        this.number = number;
        this.title = title;
        this.codes = codes;
        this.namedRows = namedRows;
        this.columns = columns;
        this.rowPattern = rowPattern == null ? null : Pattern.compile(rowPattern);
    }

    /** The pattern of the rows a report adds by its own kinds (trips, vehicle kinds), null when it adds none. */
    public String rowPattern() {
        return rowPattern == null ? null : rowPattern.pattern();
    }

    /** Whether a row key is one of the report's own rows this table takes (trip_1, vehicles_law_enforcement). */
    public boolean fitsOwnRow(String key) {
        return rowPattern != null && key != null && rowPattern.matcher(key).matches();
    }

    /** The template's number, 公开01 … 公开09; for the other disclosures, their name. */
    public String number() {
        return number;
    }

    /** The template's title. */
    public String title() {
        return title;
    }

    public Codes codes() {
        return codes;
    }

    /** The named rows in the template's order. */
    public List<NamedRow> namedRows() {
        return List.copyOf(namedRows.values());
    }

    public Optional<NamedRow> namedRow(String key) {
        return Optional.ofNullable(namedRows.get(key));
    }

    /** The printed columns, in the template's order. */
    public List<Column> columns() {
        return columns;
    }

    public boolean allows(Column column) {
        return columns.contains(column);
    }

    /**
     * The side of a row: a named row's own; account rows are expenditure rows, except in 公开02 (income by account);
     * null for the tables that have no sides (三公 and the other disclosures).
     */
    public Side side(String rowKey) {
        if (codes == Codes.NONE) {
            return null;
        }
        NamedRow named = namedRows.get(rowKey);
        if (named != null) {
            return named.side();
        }
        return this == T02 ? Side.INCOME : Side.EXPENDITURE;
    }

    /** Whether an account code's shape fits this table (the catalogue is checked elsewhere). */
    public boolean fitsCode(String code) {
        if (code == null || code.isEmpty() || !code.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
            return false;
        }
        int n = code.length();
        return switch (codes) {
            case FUNCTIONAL_CLASS -> n == 3;
            case FUNCTIONAL -> n == 3 || n == 5 || n == 7;
            case ECONOMIC -> n == 3 || n == 5;
            case NONE -> false;
        };
    }

    public boolean isEconomic() {
        return codes == Codes.ECONOMIC;
    }

    public static Optional<PublicTable> byKey(String key) {
        for (PublicTable t : values()) {
            if (t.name().equals(key)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** Named rows given as side (null: no sides), key, label, key, label, …, side, key, label …. */
    private static Map<String, NamedRow> rows(Object... items) {
        Map<String, NamedRow> out = new LinkedHashMap<>();
        Side side = null;
        for (int i = 0; i < items.length; ) {
            if (items[i] == null || items[i] instanceof Side) {
                side = (Side) items[i];
                i++;
                continue;
            }
            String key = (String) items[i];
            out.put(key, new NamedRow(key, (String) items[i + 1], side));
            i += 2;
        }
        return out;
    }
}
