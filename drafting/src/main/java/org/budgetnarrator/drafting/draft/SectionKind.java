package org.budgetnarrator.drafting.draft;

/** The narrative sections, in the order and with the numbering of a published 情况说明. */
public enum SectionKind {
    TOTALS("一、收入支出决算总体情况说明", "totals"),
    INCOME("二、收入决算情况说明", "income"),
    EXPENDITURE("三、支出决算情况说明", "expenditure"),
    FISCAL_TOTALS("四、财政拨款收入支出决算总体情况说明", "fiscal-totals"),
    GENERAL_BUDGET("五、一般公共预算财政拨款支出决算情况说明", "general-budget"),
    BASIC_EXPENDITURE("六、一般公共预算财政拨款基本支出决算情况说明", "basic-expenditure"),
    GOVERNMENT_FUND("七、政府性基金预算财政拨款收入支出决算情况说明", "government-fund"),
    STATE_CAPITAL("八、国有资本经营预算财政拨款支出决算情况说明", "state-capital"),
    THREE_PUBLIC("九、财政拨款“三公”经费支出决算情况说明", "three-public"),
    OFFICE_RUNNING_COST("十、机关运行经费支出说明", "office-running-cost"),
    PROCUREMENT("十一、政府采购支出说明", "procurement"),
    ASSETS("十二、国有资产占用情况说明", "assets"),
    PERFORMANCE("十三、预算绩效情况说明", "performance"),
    INDICATOR_DEVIATIONS("偏差原因分析及改进措施", "indicator-deviations"),
    SELF_EVALUATION_DEVIATION("偏差大或目标未完成原因分析", "self-evaluation-deviation"),
    IMPROVEMENT_PLAN("改进措施及结果应用方案", "improvement-plan");

    private final String title;
    private final String template;

    SectionKind(String title, String template) {
        this.title = title;
        this.template = template;
    }

    public String title() {
        return title;
    }

    /** The template file, templates/draft/NAME.ftl. */
    public String template() {
        return template;
    }

    /** The sections of the final accounts' 情况说明, 一 to 十三. */
    public boolean finalAccounts() {
        return ordinal() <= PERFORMANCE.ordinal();
    }
}
