package org.budgetnarrator.api.graphql;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.budgetnarrator.drafting.indicator.IndicatorEvaluation;
import org.budgetnarrator.drafting.indicator.IndicatorEvaluator;
import org.budgetnarrator.drafting.indicator.IndicatorInput;
import org.budgetnarrator.drafting.indicator.IndicatorValue;
import org.budgetnarrator.drafting.indicator.IndicatorValueParser;
import org.budgetnarrator.drafting.indicator.ScoringProfile;
import org.budgetnarrator.drafting.indicator.ScoringProfiles;
import org.budgetnarrator.drafting.indicator.SelfEvaluation;
import org.budgetnarrator.model.measure.Percent;
import org.budgetnarrator.model.domain.DepartmentYear;
import org.budgetnarrator.model.domain.Indicator;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Indicator values, their evaluation and the self-evaluation's scoring, as the schema shapes them. */
@Singleton
public class EvaluationFetchers {

    DataFetcher<Map<String, Object>> targetValue() {
        return env -> value(env.<Indicator>getSource().target());
    }

    DataFetcher<Map<String, Object>> actualValue() {
        return env -> value(env.<Indicator>getSource().actual());
    }

    DataFetcher<Map<String, Object>> indicatorEvaluation() {
        return env -> evaluation(IndicatorEvaluator.evaluate(env.<Indicator>getSource(), profile(env)));
    }

    DataFetcher<CompletableFuture<Map<String, Object>>> selfEvaluation() {
        return env -> {
            DepartmentYear year = env.getSource();
            ScoringProfile profile = profile(env);
            return env.<Long, List<Indicator>>getDataLoader(Loaders.YEAR_INDICATORS).load(year.id()).thenApply(indicators -> {
                SelfEvaluation e = SelfEvaluation.evaluate(year.executed(), year.adjustedBudget(),
                        indicators.stream().map(IndicatorInput::of).toList(), year.totalScore(), profile);
                Map<String, Object> out = new HashMap<>();
                out.put("profile", profile.name());
                out.put("profileTitle", profile.title());
                out.put("budgetExecutionRateExact", e.budgetExecution().rate());
                out.put("budgetExecutionWeight", e.budgetExecution().weight());
                out.put("budgetExecutionScore", e.budgetExecution().score());
                out.put("recordedBudgetExecutionScore", year.budgetExecutionScore());
                out.put("suggestedTotal", e.suggestedTotal());
                out.put("recordedTotal", e.recordedTotal());
                out.put("differs", e.differs());
                out.put("notes", e.notes());
                return out;
            });
        };
    }

    DataFetcher<Object> budgetExecutionRate() {
        return env -> {
            Map<String, Object> source = env.getSource();
            java.math.BigDecimal rate = (java.math.BigDecimal) source.get("budgetExecutionRateExact");
            // The exact rate (Measures.executionRate), rounded here once: not a rate already rounded to 6 decimals.
            return rate == null ? null : Rates.shown(new Percent(rate), env);
        };
    }

    DataFetcher<List<Map<String, Object>>> profiles() {
        return env -> ScoringProfiles.available().stream().map(ScoringProfiles::load).map(p -> {
            Map<String, Object> out = new HashMap<>();
            out.put("name", p.name());
            out.put("title", p.title());
            out.put("budgetExecutionWeight", p.budgetExecutionWeight());
            out.put("qualitativeBands", p.qualitativeBands().stream().map(b -> Map.of("from", b.from(), "to", b.to())).toList());
            return out;
        }).toList();
    }

    private static ScoringProfile profile(DataFetchingEnvironment env) {
        String name = env.getArgument("profile");
        try {
            return ScoringProfiles.load(name == null ? ScoringProfiles.NATIONAL : name);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("profile: unknown scoring profile \"" + name + "\"; available: " + ScoringProfiles.available());
        }
    }

    static Map<String, Object> value(String text) {
        if (text == null) {
            return null;
        }
        IndicatorValue v = IndicatorValueParser.parse(text);
        Map<String, Object> out = new HashMap<>();
        out.put("text", text);
        if (v instanceof IndicatorValue.Comparison c) {
            out.put("kind", "COMPARISON");
            out.put("operator", c.operator().name());
            out.put("number", c.number());
            out.put("unit", c.unit());
        } else if (v instanceof IndicatorValue.Quantities q) {
            out.put("kind", "QUANTITIES");
            out.put("quantities", q.items().stream().map(i -> Map.of("number", i.number(), "unit", i.unit())).toList());
        } else if (v instanceof IndicatorValue.Deadline d) {
            out.put("kind", "DEADLINE");
            out.put("year", d.year());
            out.put("month", d.month());
            out.put("day", d.day());
            out.put("period", d.period());
        } else if (v instanceof IndicatorValue.Qualitative q) {
            out.put("kind", "QUALITATIVE");
            out.put("polarity", q.polarity().name());
        } else if (v instanceof IndicatorValue.Unparsed u) {
            out.put("kind", "UNPARSED");
            out.put("reason", u.reason());
        }
        return out;
    }

    static Map<String, Object> evaluation(IndicatorEvaluation e) {
        Map<String, Object> out = new HashMap<>();
        out.put("status", e.status().name());
        out.put("completionRatio", e.completionRatio());
        out.put("gap", e.gap());
        out.put("gapUnit", e.gapUnit());
        out.put("direction", e.direction() == null ? null : e.direction().name());
        out.put("suggestedScore", e.suggestedScore());
        out.put("recordedScore", e.recordedScore());
        out.put("scoreDiffers", e.scoreDiffers());
        out.put("rule", e.rule());
        out.put("profile", e.profile());
        return out;
    }
}
