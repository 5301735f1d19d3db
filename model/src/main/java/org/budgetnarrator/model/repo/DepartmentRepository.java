package org.budgetnarrator.model.repo;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import org.budgetnarrator.model.domain.Department;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Departments by code or id. Pages of departments with filters are read by {@link DepartmentPages}. */
@JdbcRepository(dialect = Dialect.ANSI)
public interface DepartmentRepository extends GenericRepository<Department, Long> {

    Optional<Department> findByCode(String code);

    List<Department> findByIdIn(Collection<Long> ids);
}
