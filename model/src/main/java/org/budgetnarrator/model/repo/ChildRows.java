package org.budgetnarrator.model.repo;

import io.micronaut.data.connection.ConnectionOperations;
import jakarta.inject.Singleton;
import org.budgetnarrator.model.db.RecordRows;
import org.budgetnarrator.model.domain.AccountLine;
import org.budgetnarrator.model.domain.DepartmentYear;
import org.budgetnarrator.model.domain.Indicator;
import org.budgetnarrator.model.domain.Project;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;

/**
 * The child rows of many parents in one statement, for the lists a nested page reads most: department-years,
 * account lines, projects and indicators, mapped by {@link RecordRows} (Micronaut Data's per-row mapping cost a
 * nested page more than reading its rows). The other child lists stay with their repositories.
 */
@Singleton
public class ChildRows {

    private final ConnectionOperations<Connection> connections;

    public ChildRows(ConnectionOperations<Connection> connections) {
        this.connections = connections;
    }

    public List<DepartmentYear> years(Collection<Long> departmentIds) {
        return read(DepartmentYear.class, "SELECT * FROM department_year WHERE department_id IN (%s) ORDER BY fiscal_year", departmentIds);
    }

    public List<AccountLine> accounts(Collection<Long> yearIds) {
        return read(AccountLine.class, "SELECT * FROM account_line WHERE department_year_id IN (%s) ORDER BY seq", yearIds);
    }

    public List<Project> projects(Collection<Long> yearIds) {
        return read(Project.class, "SELECT * FROM project WHERE department_year_id IN (%s) ORDER BY seq", yearIds);
    }

    public List<Indicator> yearIndicators(Collection<Long> yearIds) {
        return read(Indicator.class, "SELECT * FROM indicator WHERE department_year_id IN (%s) AND project_id IS NULL ORDER BY seq", yearIds);
    }

    public List<Indicator> projectIndicators(Collection<Long> projectIds) {
        return read(Indicator.class, "SELECT * FROM indicator WHERE project_id IN (%s) ORDER BY seq", projectIds);
    }

    private <T extends Record> List<T> read(Class<T> type, String sql, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        String marks = String.join(", ", java.util.Collections.nCopies(ids.size(), "?"));
        return connections.executeRead(status -> {
            try (PreparedStatement ps = status.getConnection().prepareStatement(String.format(sql, marks))) {
                int i = 1;
                for (Long id : ids) {
                    ps.setLong(i++, id);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    return RecordRows.of(type).read(rs);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("reading " + type.getSimpleName() + " rows failed: " + e.getMessage(), e);
            }
        });
    }
}
