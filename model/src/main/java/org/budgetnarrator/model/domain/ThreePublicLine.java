package org.budgetnarrator.model.domain;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

import java.math.BigDecimal;

/** One line of the "三公" expenses, with its counts. */
@MappedEntity("three_public_line")
public record ThreePublicLine(
        @Id @GeneratedValue Long id,
        @Nullable Long departmentYearId,
        @Nullable Integer seq,
        @Nullable String item,
        @Nullable BigDecimal budget,
        @Nullable BigDecimal actual,
        @Nullable BigDecimal previousActual,
        @Nullable BigDecimal tableBudget,
        @Nullable @MappedProperty("groups_count") Integer groups,
        @Nullable @MappedProperty("persons_count") Integer persons,
        @Nullable @MappedProperty("vehicles_count") Integer vehicles) {
}
