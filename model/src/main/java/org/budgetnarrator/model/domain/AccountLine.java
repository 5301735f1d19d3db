package org.budgetnarrator.model.domain;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

import java.math.BigDecimal;

/**
 * One account line of a department-year: functional (类/款/项) or economic (类/款). Amounts in 万元; a
 * column the source left blank is null. A derived line was absent from the source and is the sum of
 * its children.
 */
@MappedEntity("account_line")
public record AccountLine(
        @Id @GeneratedValue Long id,
        @Nullable Long departmentYearId,
        @Nullable Integer seq,
        @Nullable String classification,
        @Nullable String code,
        @Nullable String name,
        @Nullable @MappedProperty("line_level") Integer level,
        @Nullable String parentCode,
        @Nullable Boolean derived,
        @Nullable BigDecimal initialBudget,
        @Nullable BigDecimal adjustedBudget,
        @Nullable BigDecimal actual,
        @Nullable BigDecimal basic,
        @Nullable BigDecimal personnel,
        @Nullable BigDecimal operating,
        @Nullable BigDecimal project,
        @Nullable BigDecimal remittance,
        @Nullable BigDecimal business,
        @Nullable BigDecimal subsidiary,
        @Nullable BigDecimal generalBudget,
        @Nullable BigDecimal governmentFund,
        @Nullable BigDecimal stateCapital,
        @Nullable BigDecimal previousActual) {
}
