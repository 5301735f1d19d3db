package org.budgetnarrator.model.repo;

import io.micronaut.data.connection.ConnectionOperations;
import jakarta.inject.Singleton;
import org.budgetnarrator.model.db.RecordRows;
import org.budgetnarrator.model.domain.AccountLine;
import org.budgetnarrator.model.domain.DepartmentYear;
import org.budgetnarrator.model.domain.Indicator;
import org.budgetnarrator.model.domain.Project;
import org.budgetnarrator.model.domain.PublicTable;
import org.budgetnarrator.model.domain.PublishedRow;
import org.budgetnarrator.model.domain.TableLayout;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

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

    /** The public tables' printed rows of many department-years, each year's in printed order. */
    public List<PublishedRow> published(Collection<Long> yearIds) {
        return query("published_row", "SELECT * FROM published_row WHERE department_year_id IN (%s) ORDER BY department_year_id, seq",
                yearIds, rs -> {
                    List<PublishedRow> out = new ArrayList<>();
                    PublicTable.Column[] columns = PublicTable.Column.values();
                    String[] names = new String[columns.length];
                    for (int i = 0; i < columns.length; i++) {
                        names[i] = columns[i].dbColumn();
                    }
                    while (rs.next()) {
                        Map<PublicTable.Column, BigDecimal> cells = new EnumMap<>(PublicTable.Column.class);
                        for (int i = 0; i < columns.length; i++) {
                            String v = rs.getString(names[i]);
                            if (v != null) {
                                cells.put(columns[i], new BigDecimal(v));
                            }
                        }
                        // wasNull() answers for the column read last: asked right after line_no, so that a row printed
                        // without 行次 (NULL) reads as none and not as 0.
                        int stored = rs.getInt("line_no");
                        Integer lineNo = rs.wasNull() ? null : stored;
                        out.add(new PublishedRow(rs.getLong("id"), rs.getLong("department_year_id"), rs.getInt("seq"),
                                PublicTable.valueOf(rs.getString("table_key")), rs.getString("row_key"),
                                PublicTable.Period.valueOf(rs.getString("period")), rs.getString("row_name"),
                                lineNo, cells));
                    }
                    return out;
                });
    }

    /** How the reports of many department-years print their tables. */
    public List<TableLayout> layouts(Collection<Long> yearIds) {
        return query("published_table", "SELECT * FROM published_table WHERE department_year_id IN (%s) ORDER BY department_year_id, seq",
                yearIds, rs -> {
                    List<TableLayout> out = new ArrayList<>();
                    while (rs.next()) {
                        int stored = rs.getInt("table_position");
                        Integer position = rs.wasNull() ? null : stored;
                        out.add(new TableLayout(rs.getLong("department_year_id"), PublicTable.valueOf(rs.getString("table_key")),
                                rs.getString("label"), rs.getString("title"), position, rs.getString("note")));
                    }
                    return out;
                });
    }

    private <T extends Record> List<T> read(Class<T> type, String sql, Collection<Long> ids) {
        return query(type.getSimpleName(), sql, ids, rs -> RecordRows.of(type).read(rs));
    }

    private interface RowsReader<T> {
        List<T> read(ResultSet rs) throws SQLException;
    }

    private <T> List<T> query(String what, String sql, Collection<Long> ids, RowsReader<T> reader) {
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
                    return reader.read(rs);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("reading " + what + " rows failed: " + e.getMessage(), e);
            }
        });
    }

}
