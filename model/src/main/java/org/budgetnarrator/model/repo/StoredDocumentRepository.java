package org.budgetnarrator.model.repo;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import org.budgetnarrator.model.domain.StoredDocument;

import java.util.Collection;
import java.util.List;

/** Reads StoredDocument rows for many parents in one statement (the GraphQL DataLoaders batch through it). */
@JdbcRepository(dialect = Dialect.ANSI)
public interface StoredDocumentRepository extends GenericRepository<StoredDocument, Long> {

    List<StoredDocument> findByDepartmentYearIdInOrderBySeq(Collection<Long> ids);
}
