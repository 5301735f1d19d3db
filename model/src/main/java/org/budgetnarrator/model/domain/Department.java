package org.budgetnarrator.model.domain;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

/** A department (部门): one budget-disclosing body, e.g. 中共咸宁市委外事工作委员会办公室. */
@MappedEntity("department")
public record Department(
        @Id @GeneratedValue Long id,
        @Nullable String code,
        @Nullable String name,
        @Nullable @MappedProperty("admin_level") String level,
        @Nullable String region,
        @Nullable Integer staffCount,
        @Nullable String duties) {
}
