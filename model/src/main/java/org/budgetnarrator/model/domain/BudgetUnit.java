package org.budgetnarrator.model.domain;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A unit a department's accounts consolidate: 本级 or a 二级预算单位. */
@MappedEntity("budget_unit")
public record BudgetUnit(@Id @GeneratedValue Long id, @Nullable Long departmentId, @Nullable Integer seq, @Nullable String name, @Nullable String kind) {
}
