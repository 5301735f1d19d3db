package org.budgetnarrator.model.domain;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** Published narrative text kept verbatim, e.g. a final account's 第三部分 情况说明. */
@MappedEntity("document")
public record StoredDocument(@Id @GeneratedValue Long id, @Nullable Long departmentYearId, @Nullable Integer seq, @Nullable String kind,
                             @Nullable String title, @Nullable String body) {
}
