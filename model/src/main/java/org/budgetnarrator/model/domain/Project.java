package org.budgetnarrator.model.domain;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

import java.math.BigDecimal;

/** A budget project (预算项目) of a department-year; amounts in 万元, moneyUnit the unit its source used. */
@MappedEntity("project")
public record Project(
        @Id @GeneratedValue Long id,
        @Nullable Long departmentYearId,
        @Nullable Integer seq,
        @Nullable String code,
        @Nullable String name,
        @Nullable String moneyUnit,
        @Nullable String supervisor,
        @Nullable String implementingUnit,
        @Nullable String category,
        @Nullable @MappedProperty("project_type") String type,
        @Nullable @MappedProperty("project_level") Integer level,
        @Nullable String parentCode,
        @Nullable String purpose,
        @Nullable BigDecimal initialBudget,
        @Nullable BigDecimal adjustedBudget,
        @Nullable BigDecimal executed,
        @Nullable BigDecimal fundCurrentYear,
        @Nullable BigDecimal fundCarryOver,
        @Nullable BigDecimal fundOther,
        @Nullable BigDecimal planMarch,
        @Nullable BigDecimal planJune,
        @Nullable BigDecimal planOctober,
        @Nullable BigDecimal planDecember,
        @Nullable String goal,
        @Nullable String outcome,
        @Nullable BigDecimal score,
        @Nullable String deviationAnalysis,
        @Nullable String improvementPlan) {
}
