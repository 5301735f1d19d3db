package org.budgetnarrator.model.domain;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.math.BigDecimal;

/** A performance indicator (绩效指标), department-wide (no project) or of one project; texts as printed. */
@MappedEntity("indicator")
public record Indicator(
        @Id @GeneratedValue Long id,
        @Nullable Long departmentYearId,
        @Nullable Long projectId,
        @Nullable Integer seq,
        @Nullable String level1,
        @Nullable String level2,
        @Nullable String name,
        @Nullable String description,
        @Nullable String periodTarget,
        @Nullable String target,
        @Nullable String actual,
        @Nullable BigDecimal weight,
        @Nullable BigDecimal score,
        @Nullable String basis,
        @Nullable String deviationNote) {
}
