package org.budgetnarrator.drafting.draft;

import org.budgetnarrator.model.domain.DepartmentYear;
import org.budgetnarrator.model.read.YearData;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The document a department-year holds (its stage, department_year.stage) and so what may be drafted for it: a report
 * states only what that document holds. A 部门决算 carries the department's and the projects' self-evaluation tables
 * beside its nine public tables (as the Xianning report does), so a final-accounts year drafts the 情况说明 and the
 * self-evaluation's blocks; a 绩效自评 year has no 决算 figures and drafts its self-evaluation's blocks only; a budget
 * (绩效目标) year has neither actual spending nor a self-evaluation and drafts a summary of its targets.
 */
public enum DocumentKind {
    FINAL_ACCOUNTS("FINAL_ACCOUNTS", "部门决算", "部门决算", null),
    SELF_EVALUATION("SELF_EVALUATION", "绩效自评", "部门整体支出绩效自评", "self-evaluation"),
    BUDGET_TARGETS("BUDGET", "部门预算（绩效目标）", "部门预算绩效目标", "budget-targets");

    private final String stage;
    private final String label;
    private final String cover;
    private final String layout;

    DocumentKind(String stage, String label, String cover, String layout) {
        this.stage = stage;
        this.label = label;
        this.cover = cover;
        this.layout = layout;
    }

    /** The stage as stored and as the GraphQL enum Stage names it. */
    public String stage() {
        return stage;
    }

    /** What the document is called in a sentence: 部门决算, 绩效自评, 部门预算（绩效目标）. */
    public String label() {
        return label;
    }

    /** The document's title for a year, as a cover or a file heading prints it ("2026年度部门预算绩效目标"). */
    public String cover(int year) {
        return year + "年度" + cover;
    }

    /** The kind of a stored stage. @throws IllegalArgumentException for a stage that is none of them */
    public static DocumentKind ofStage(String stage) {
        for (DocumentKind kind : values()) {
            if (kind.stage.equals(stage)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("stage: expected BUDGET, FINAL_ACCOUNTS or SELF_EVALUATION; got " + stage);
    }

    public static DocumentKind of(YearData data) {
        return ofStage(data.year().stage());
    }

    /** The sections a department-year of this kind may draft, in enum order. */
    public Set<SectionKind> sections() {
        Set<SectionKind> out = EnumSet.noneOf(SectionKind.class);
        for (SectionKind section : SectionKind.values()) {
            if (holds(section)) {
                out.add(section);
            }
        }
        return out;
    }

    /** Whether the document holds what the section states. */
    public boolean holds(SectionKind section) {
        DocumentKind own = section.document();
        return own == this || (this == FINAL_ACCOUNTS && own == SELF_EVALUATION);
    }

    /** The report's layout: the style's 情况说明 for final accounts, the document's own sections otherwise. */
    public ReportLayout layout(StyleProfile style) {
        return layout == null ? ReportLayouts.load(style.layout()) : ReportLayouts.document(layout);
    }

    /** The answer to a request for a section the document does not hold, in the officers' words. */
    public String notHeld(int year, SectionKind section) {
        String held = this == FINAL_ACCOUNTS ? "部门决算（含绩效自评）" : label;
        return year + "年度仅有" + held + "，无" + section.document().label() + "，不能起草“" + section.title() + "”。";
    }

    /**
     * Why nothing can be drafted for the department-year, empty when something can: a report of a document none of
     * whose figures or texts were entered would state nothing but gaps (or, for 决算 totals, zeros it was never given).
     */
    public Optional<String> nothingToDraft(YearData data) {
        DepartmentYear y = data.year();
        boolean any = switch (this) {
            case FINAL_ACCOUNTS -> !data.incomes().isEmpty() || !data.functional().isEmpty() || !data.tables().tables().isEmpty();
            case SELF_EVALUATION -> y.executed() != null || y.adjustedBudget() != null || y.initialBudget() != null
                    || !data.indicators().isEmpty() || present(y.deviationAnalysis()) || present(y.improvementPlan());
            case BUDGET_TARGETS -> present(y.overallGoal()) || !data.projects().isEmpty() || !data.departmentIndicators().isEmpty()
                    || y.basicExpenditure() != null || y.projectExpenditure() != null || y.fundFiscalAppropriation() != null
                    || y.fundGeneralBudget() != null || y.initialBudget() != null;
        };
        if (any) {
            return Optional.empty();
        }
        String what = switch (this) {
            case FINAL_ACCOUNTS -> "收入、支出数据和决算公开表";
            case SELF_EVALUATION -> "预算执行数、绩效指标和偏差分析";
            case BUDGET_TARGETS -> "总体绩效目标、预算金额、重点工作任务和绩效指标";
        };
        return Optional.of(y.year() + "年度" + label + "未录入" + what + "，无可起草的内容。");
    }

    /** The department-year's kind, or why it has none (a stage the drafts do not know). */
    public static Optional<String> unknownStage(YearData data) {
        String stage = data.year().stage();
        return List.of(values()).stream().anyMatch(k -> k.stage.equals(stage)) ? Optional.empty()
                : Optional.of(data.year().year() + "年度的阶段“" + stage + "”不是部门预算、部门决算或绩效自评，无法确定可起草的报告。");
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank();
    }
}
