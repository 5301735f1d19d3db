package org.budgetnarrator.model.repo;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import org.budgetnarrator.model.domain.AccountLine;

import java.util.Collection;
import java.util.List;

/** Reads AccountLine rows for many parents in one statement (the GraphQL DataLoaders batch through it). */
@JdbcRepository(dialect = Dialect.ANSI)
public interface AccountLineRepository extends GenericRepository<AccountLine, Long> {

    List<AccountLine> findByDepartmentYearIdInOrderBySeq(Collection<Long> ids);
}
