package org.budgetnarrator.model.domain;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.math.BigDecimal;

/** One income source of a department-year (收入决算表), in 万元. */
@MappedEntity("income_line")
public record IncomeLine(@Id @GeneratedValue Long id, @Nullable Long departmentYearId, @Nullable Integer seq, @Nullable String source,
                         @Nullable BigDecimal amount, @Nullable BigDecimal previousAmount) {
}
