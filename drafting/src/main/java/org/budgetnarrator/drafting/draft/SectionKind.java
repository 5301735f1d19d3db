package org.budgetnarrator.drafting.draft;

/**
 * The narrative sections: those of a published 情况说明 (部门决算) in its order and numbering, the blocks of a self-evaluation
 * table (绩效自评), and the parts of a budget-stage performance-target summary (部门预算绩效目标). Which document each
 * belongs to is {@link #document()}; which a department-year may draft is {@link DocumentKind#holds}.
 */
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
    IMPROVEMENT_PLAN("改进措施及结果应用方案", "improvement-plan"),
    BUDGET_GOAL("年度总体绩效目标", "budget-goal"),
    BUDGET_FUNDS("预算安排情况", "budget-funds"),
    KEY_TASKS("年度重点工作任务及项目绩效目标", "key-tasks"),
    TARGET_INDICATORS("部门整体绩效指标", "target-indicators");

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
        return document() == DocumentKind.FINAL_ACCOUNTS;
    }

    /**
     * The document whose figures the section states: 十三、预算绩效情况说明 reports the projects' self-evaluation as the
     * 部门决算 carries it (executed amounts, the share of 决算 project spending), so it is a final-accounts section; the
     * three blocks of a self-evaluation table are the self-evaluation's; the target summary's parts are the budget's.
     */
    public DocumentKind document() {
        return switch (this) {
            case TOTALS, INCOME, EXPENDITURE, FISCAL_TOTALS, GENERAL_BUDGET, BASIC_EXPENDITURE, GOVERNMENT_FUND, STATE_CAPITAL,
                 THREE_PUBLIC, OFFICE_RUNNING_COST, PROCUREMENT, ASSETS, PERFORMANCE -> DocumentKind.FINAL_ACCOUNTS;
            case INDICATOR_DEVIATIONS, SELF_EVALUATION_DEVIATION, IMPROVEMENT_PLAN -> DocumentKind.SELF_EVALUATION;
            case BUDGET_GOAL, BUDGET_FUNDS, KEY_TASKS, TARGET_INDICATORS -> DocumentKind.BUDGET_TARGETS;
        };
    }
}
