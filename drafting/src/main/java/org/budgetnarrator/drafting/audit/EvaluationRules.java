package org.budgetnarrator.drafting.audit;

import org.budgetnarrator.drafting.indicator.IndicatorEvaluation;
import org.budgetnarrator.drafting.indicator.IndicatorInput;
import org.budgetnarrator.drafting.indicator.ScoringProfile;
import org.budgetnarrator.drafting.indicator.SelfEvaluation;
import org.budgetnarrator.drafting.indicator.Status;
import org.budgetnarrator.model.domain.DepartmentYear;
import org.budgetnarrator.model.domain.Indicator;
import org.budgetnarrator.model.domain.Project;
import org.budgetnarrator.model.read.YearData;

import java.util.ArrayList;
import java.util.List;

/**
 * The self-evaluation's scores against the scoring profile's suggestions (E01 an indicator's score, E02 the
 * budget execution row, E03 the total), and indicators recorded as met whose actual misses the target (E04).
 */
final class EvaluationRules {

    private final YearData data;
    private final ScoringProfile profile;
    private final List<Finding> findings = new ArrayList<>();

    EvaluationRules(YearData data, ScoringProfile profile) {
        this.data = data;
        this.profile = profile;
    }

    List<Finding> run() {
        DepartmentYear y = data.year();
        List<Indicator> department = data.departmentIndicators();
        SelfEvaluation e = SelfEvaluation.evaluate(y.executed(), y.adjustedBudget(),
                department.stream().map(IndicatorInput::of).toList(), y.totalScore(), profile);
        for (int i = 0; i < department.size(); i++) {
            indicator(department.get(i), e.indicators().get(i), null);
        }
        for (Project p : data.projects()) {
            for (Indicator indicator : data.indicatorsOf(p)) {
                indicator(indicator, org.budgetnarrator.drafting.indicator.IndicatorEvaluator.evaluate(indicator, profile), p);
            }
        }
        if (y.budgetExecutionScore() != null && e.budgetExecution().score() != null
                && y.budgetExecutionScore().compareTo(e.budgetExecution().score()) != 0) {
            findings.add(new Finding("E02", Severity.WARNING,
                    "预算执行率得分 " + Figures.show(y.budgetExecutionScore()) + " 与按" + profile.title() + "计算的 "
                            + Figures.show(e.budgetExecution().score()) + " 不一致（执行率 " + Figures.showPercent(e.budgetExecution().rate()) + "）",
                    "The budget execution score " + Figures.show(y.budgetExecutionScore()) + " differs from "
                            + Figures.show(e.budgetExecution().score()) + " under " + profile.name(),
                    List.of(Subject.line("绩效自评表", "预算执行率", "budgetExecutionScore")),
                    Figures.show(e.budgetExecution().score()), Figures.show(y.budgetExecutionScore())));
        }
        if (e.differs()) {
            findings.add(new Finding("E03", Severity.WARNING,
                    "自评总分 " + Figures.show(e.recordedTotal()) + " 与按" + profile.title() + "建议的 " + Figures.show(e.suggestedTotal()) + " 不一致",
                    "The recorded total " + Figures.show(e.recordedTotal()) + " differs from the suggested " + Figures.show(e.suggestedTotal()),
                    List.of(Subject.line("绩效自评表", "总分", "totalScore")), Figures.show(e.suggestedTotal()), Figures.show(e.recordedTotal())));
        }
        return findings;
    }

    private void indicator(Indicator indicator, IndicatorEvaluation evaluation, Project project) {
        String where = (project == null ? "部门整体" : project.name()) + "·" + indicator.name();
        String code = (project == null ? "" : project.name() + "/") + indicator.seq();
        if (evaluation.scoreDiffers()) {
            findings.add(new Finding("E01", Severity.WARNING,
                    "“" + where + "”得分 " + Figures.show(evaluation.recordedScore()) + " 与建议得分 " + Figures.show(evaluation.suggestedScore())
                            + " 不一致（" + evaluation.rule() + "）",
                    "\"" + where + "\": recorded score " + Figures.show(evaluation.recordedScore()) + ", suggested "
                            + Figures.show(evaluation.suggestedScore()) + " (" + evaluation.rule() + ")",
                    List.of(Subject.line("绩效指标", code, "score")), Figures.show(evaluation.suggestedScore()),
                    Figures.show(evaluation.recordedScore())));
        }
        if (evaluation.status() == Status.NOT_MET && indicator.weight() != null && indicator.score() != null
                && indicator.score().compareTo(indicator.weight()) >= 0) {
            findings.add(new Finding("E04", Severity.WARNING,
                    "“" + where + "”实际完成值“" + indicator.actual() + "”未达到年度指标值“" + indicator.target() + "”，却得满分",
                    "\"" + where + "\": the actual misses the target but the full weight was given",
                    List.of(Subject.line("绩效指标", code, "status")), "NOT_MET", "full score"));
        }
    }
}
