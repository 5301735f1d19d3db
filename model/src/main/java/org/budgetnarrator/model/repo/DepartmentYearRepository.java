package org.budgetnarrator.model.repo;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import org.budgetnarrator.model.domain.DepartmentYear;

import java.util.Collection;
import java.util.List;

/** Reads department-years for many departments, or by id, in one statement. */
@JdbcRepository(dialect = Dialect.ANSI)
public interface DepartmentYearRepository extends GenericRepository<DepartmentYear, Long> {

    List<DepartmentYear> findByDepartmentIdInOrderByYear(Collection<Long> ids);

    long countByYear(Integer year);
}
