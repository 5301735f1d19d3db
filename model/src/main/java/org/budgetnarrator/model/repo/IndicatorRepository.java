package org.budgetnarrator.model.repo;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import org.budgetnarrator.model.domain.Indicator;

import java.util.Collection;
import java.util.List;

/** Reads indicators for many department-years or many projects in one statement. */
@JdbcRepository(dialect = Dialect.ANSI)
public interface IndicatorRepository extends GenericRepository<Indicator, Long> {

    /** The department-wide indicators (those of no project). */
    List<Indicator> findByDepartmentYearIdInAndProjectIdIsNullOrderBySeq(Collection<Long> ids);

    List<Indicator> findByProjectIdInOrderBySeq(Collection<Long> ids);
}
