package org.budgetnarrator.model.domain;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/**
 * A reason an officer recorded for a line's variance: subject (e.g. {@code account:2013501}), aspect
 * (BUDGET: against the budget; PREVIOUS: against last year), a reason code of the catalogue and/or a note.
 */
@MappedEntity("line_reason")
public record LineReason(@Id @GeneratedValue Long id, @Nullable Long departmentYearId, @Nullable Integer seq,
                         @Nullable String subject, @Nullable String aspect, @Nullable String code, @Nullable String note) {
}
