package org.budgetnarrator.model.domain;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

/** Vehicles of one kind held at year end (国有资产占用). */
@MappedEntity("vehicle_holding")
public record VehicleHolding(@Id @GeneratedValue Long id, @Nullable Long departmentYearId, @Nullable Integer seq, @Nullable String kind,
                             @Nullable @MappedProperty("vehicle_count") Integer count) {
}
