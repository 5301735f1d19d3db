package org.budgetnarrator.model.repo;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import org.budgetnarrator.model.domain.IncomeLine;

import java.util.Collection;
import java.util.List;

/** Reads IncomeLine rows for many parents in one statement (the GraphQL DataLoaders batch through it). */
@JdbcRepository(dialect = Dialect.ANSI)
public interface IncomeLineRepository extends GenericRepository<IncomeLine, Long> {

    List<IncomeLine> findByDepartmentYearIdInOrderBySeq(Collection<Long> ids);
}
