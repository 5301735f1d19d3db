package org.budgetnarrator.drafting.indicator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The scoring rules of one jurisdiction, as data: which weight the budget execution row carries
 * and how much of an indicator's weight a partly done or undone qualitative indicator keeps.
 * Loaded from {@code scoring/*.json} by {@link ScoringProfiles}; the national rules are
 * 财政部 财预〔2020〕10号, regions publish their own variants.
 *
 * @param name                  file name without ".json", e.g. "national"
 * @param title                 who issued the rules, e.g. "财政部 财预〔2020〕10号"
 * @param budgetExecutionWeight points of the budget execution row (预算执行率), usually 10
 * @param levelWeights          points per level-1 indicator group (产出指标 50 …); informative only,
 *                              the tables carry each indicator's own weight
 * @param qualitativeBands      score bands in percent of the weight, best first: met, partly
 *                              achieved, not achieved; a partial or negative outcome scores the top
 *                              of its band
 * @param executionScoreRule    the budget execution formula in words
 * @param roundingScale         decimals of a reported score (HALF_UP, 四舍五入)
 */
public record ScoringProfile(
        String name,
        String title,
        BigDecimal budgetExecutionWeight,
        Map<String, BigDecimal> levelWeights,
        List<Band> qualitativeBands,
        String executionScoreRule,
        int roundingScale) {

    /** A score band, {@code from} (top, inclusive) down to {@code to}, in percent of the weight. */
    public record Band(BigDecimal from, BigDecimal to) {
        public Band {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }

        /** "80–60" */
        public String label() {
            return from.stripTrailingZeros().toPlainString() + "–" + to.stripTrailingZeros().toPlainString();
        }
    }

    /** Checks the profile so that a broken resource fails when loaded, not in the middle of scoring. */
    public ScoringProfile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(budgetExecutionWeight, "budgetExecutionWeight");
        levelWeights = levelWeights == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(levelWeights));
        qualitativeBands = List.copyOf(Objects.requireNonNull(qualitativeBands, "qualitativeBands"));
        if (qualitativeBands.size() != 3) {
            throw new IllegalArgumentException(name + ": qualitativeBands needs 3 bands (met, partial, not achieved)");
        }
        for (int i = 0; i < qualitativeBands.size(); i++) {
            Band b = qualitativeBands.get(i);
            if (b.from().compareTo(b.to()) < 0 || b.to().signum() < 0 || b.from().compareTo(new BigDecimal(100)) > 0) {
                throw new IllegalArgumentException(name + ": band " + b.label() + " is not within 100–0, top first");
            }
            if (i > 0 && qualitativeBands.get(i - 1).to().compareTo(b.from()) != 0) {
                throw new IllegalArgumentException(name + ": bands must be contiguous, best first");
            }
        }
        if (budgetExecutionWeight.signum() < 0 || roundingScale < 0) {
            throw new IllegalArgumentException(name + ": negative weight or rounding scale");
        }
    }

    /** The band of a partly achieved qualitative indicator (the middle one). */
    public Band partialBand() {
        return qualitativeBands.get(1);
    }

    /** The band of a qualitative indicator not achieved (the lowest). */
    public Band notAchievedBand() {
        return qualitativeBands.get(2);
    }

    /** A score rounded as the profile says (HALF_UP). */
    BigDecimal round(BigDecimal score) {
        return score.setScale(roundingScale, RoundingMode.HALF_UP);
    }
}
