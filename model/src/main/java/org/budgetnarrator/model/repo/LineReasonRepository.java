package org.budgetnarrator.model.repo;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import org.budgetnarrator.model.domain.LineReason;

import java.util.Collection;
import java.util.List;

/** Reads the reasons recorded for many department-years in one statement. */
@JdbcRepository(dialect = Dialect.ANSI)
public interface LineReasonRepository extends GenericRepository<LineReason, Long> {

    List<LineReason> findByDepartmentYearIdInOrderBySeq(Collection<Long> ids);
}
