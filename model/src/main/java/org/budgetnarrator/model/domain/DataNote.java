package org.budgetnarrator.model.domain;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A remark on the data itself, e.g. where the source contradicts itself and what was stored. */
@MappedEntity("data_note")
public record DataNote(@Id @GeneratedValue Long id, @Nullable Long departmentYearId, @Nullable Integer seq, @Nullable String subject, @Nullable String body) {
}
