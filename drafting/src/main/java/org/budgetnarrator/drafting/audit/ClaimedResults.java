package org.budgetnarrator.drafting.audit;

import org.budgetnarrator.drafting.indicator.IndicatorEvaluator;
import org.budgetnarrator.drafting.indicator.ScoringProfile;
import org.budgetnarrator.drafting.indicator.Status;
import org.budgetnarrator.model.domain.Indicator;
import org.budgetnarrator.model.domain.Project;
import org.budgetnarrator.model.domain.StoredDocument;
import org.budgetnarrator.model.read.YearData;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * N08: a performance target the figures show missed, described as achieved — in the narrative ("…实际完成值为61台，
 * 已完成"), or in an outcome that says every indicator was met ("各项绩效指标均已完成"). The indicator's own target and
 * actual decide (the indicator grammar's evaluation); a missed target may be explained, never called achieved.
 */
final class ClaimedResults {

    /** Words that call a result achieved, not preceded by a negation (未完成, 尚未达到, 没有完成). */
    private static final Pattern ACHIEVED = Pattern.compile("(?<![未没尚])(?:均已|已经|全部|已|圆满)(?:完成|达到|达标|实现)|达到(?:预期|目标|年度目标)");
    /** An outcome saying every indicator was met. */
    private static final Pattern ALL_MET = Pattern.compile("(?:各项|所有|全部)(?:绩效)?指标(?:均|都|全部)?(?:已|已经)?(?:完成|达到|达标|实现)");
    private static final int SENTENCE = 160;
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:\\.\\d+)?");

    private final YearData data;
    private final ScoringProfile profile;
    private final List<Finding> findings = new ArrayList<>();

    ClaimedResults(YearData data, ScoringProfile profile) {
        this.data = data;
        this.profile = profile;
    }

    List<Finding> run() {
        List<Missed> missed = new ArrayList<>();
        for (Project p : data.projects()) {
            for (Indicator i : data.indicatorsOf(p)) {
                if (IndicatorEvaluator.evaluate(i, profile).status() == Status.NOT_MET) {
                    missed.add(new Missed(p, i));
                }
            }
        }
        for (Indicator i : data.departmentIndicators()) {
            if (IndicatorEvaluator.evaluate(i, profile).status() == Status.NOT_MET) {
                missed.add(new Missed(null, i));
            }
        }
        if (missed.isEmpty()) {
            return findings;
        }
        for (Project p : data.projects()) {
            List<Missed> own = missed.stream().filter(m -> m.project() == p).toList();
            if (!own.isEmpty() && p.outcome() != null && ALL_MET.matcher(p.outcome()).find()) {
                Missed first = own.get(0);
                findings.add(new Finding("N08", Severity.ERROR, "项目“" + p.name() + "”的实际完成情况称各项指标均已完成，但“" + first.indicator().name()
                        + "”年度指标值为" + first.indicator().target() + "，实际完成值为" + first.indicator().actual() + "，未达到目标",
                        "Project " + p.name() + ": the outcome says every indicator was met, but " + first.indicator().name() + " missed its target ("
                                + first.indicator().target() + " vs " + first.indicator().actual() + ")",
                        List.of(Subject.line("项目", key(p), "outcome")), first.indicator().target(), first.indicator().actual()));
            }
        }
        List<Missed> departmentMissed = missed.stream().filter(m -> m.project() == null).toList();
        String outcome = data.year().overallOutcome();
        if (!departmentMissed.isEmpty() && outcome != null && ALL_MET.matcher(outcome).find()) {
            Indicator i = departmentMissed.get(0).indicator();
            findings.add(new Finding("N08", Severity.ERROR, "部门整体实际完成情况称各项指标均已完成，但“" + i.name() + "”未达到年度指标值（"
                    + i.target() + "，实际" + i.actual() + "）", "The department's outcome says every indicator was met, but " + i.name()
                    + " missed its target", List.of(Subject.line("部门整体绩效", i.name(), "overallOutcome")), i.target(), i.actual()));
        }
        for (StoredDocument document : data.documents()) {
            if (Audit.CHECKED_DOCUMENTS.contains(document.kind())) {
                narrative(document.kind(), document.body(), missed);
            }
        }
        return findings;
    }

    /** Checks a text (a stored narrative, or a draft given to checkNarrative) for missed targets called achieved. */
    List<Finding> narrative(String document, String text, List<Missed> missed) {
        for (Missed m : missed) {
            String name = m.indicator().name();
            if (name == null || name.isBlank()) {
                continue;
            }
            int from = 0;
            while ((from = text.indexOf(name, from)) >= 0) {
                int end = sentenceEnd(text, from);
                String sentence = text.substring(from, end);
                Matcher achieved = ACHIEVED.matcher(sentence);
                // The sentence must speak of this indicator's result (another project's indicator may share its name): its
                // target and its actual stand in it.
                if (achieved.find() && statesTargetThenActual(sentence, m.indicator())) {
                    findings.add(new Finding("N08", Severity.ERROR, "“" + sentence + "”：“" + name + "”年度指标值为" + m.indicator().target()
                            + "，实际完成值为" + m.indicator().actual() + "，未达到目标，不应表述为“" + achieved.group() + "”",
                            "\"" + sentence + "\": " + name + " missed its target (" + m.indicator().target() + " vs " + m.indicator().actual()
                                    + ") but is called achieved", List.of(Subject.text(document, from, end - from),
                            Subject.line("项目", m.project() == null ? null : key(m.project()), name)), m.indicator().target(), achieved.group()));
                    break;
                }
                from = end;
            }
        }
        return findings;
    }

    record Missed(Project project, Indicator indicator) {
    }

    private static int sentenceEnd(String text, int from) {
        int limit = Math.min(text.length(), from + SENTENCE);
        for (int i = from; i < limit; i++) {
            char c = text.charAt(i);
            if (c == '。' || c == '\n' || c == '；') {
                return i;
            }
        }
        return limit;
    }

    /**
     * Whether the sentence states this indicator's target and then its actual: their first numbers as whole numbers, in
     * that order (or, for a value without a number, its text).
     */
    private static boolean statesTargetThenActual(String sentence, Indicator indicator) {
        int target = position(sentence, indicator.target(), 0);
        return target >= 0 && position(sentence, indicator.actual(), target + 1) >= 0;
    }

    /** Where the value's number stands as a whole number in the sentence, from a place on; -1 when it does not. */
    private static int position(String sentence, String value, int from) {
        if (value == null) {
            return from;
        }
        Matcher v = NUMBER.matcher(value);
        if (!v.find()) {
            int at = sentence.indexOf(value.strip(), from);
            return at;
        }
        java.math.BigDecimal number = new java.math.BigDecimal(v.group());
        Matcher m = NUMBER.matcher(sentence);
        while (m.find()) {
            if (m.start() >= from && new java.math.BigDecimal(m.group()).compareTo(number) == 0) {
                return m.start();
            }
        }
        return -1;
    }

    private static String key(Project p) {
        return p.code() != null ? p.code() : p.name();
    }
}
