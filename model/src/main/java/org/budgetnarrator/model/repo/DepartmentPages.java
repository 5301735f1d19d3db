package org.budgetnarrator.model.repo;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.budgetnarrator.model.domain.Department;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Pages of departments in code order, after a cursor, with optional filters (name substring, level,
 * region). Keyset paging: a page costs the same however deep it is.
 */
@Singleton
public class DepartmentPages {

    /** The filters; null fields do not filter. */
    public record Filter(String nameContains, String level, String region) {
        public static final Filter NONE = new Filter(null, null, null);
    }

    private final TransactionOperations<Connection> tx;

    public DepartmentPages(TransactionOperations<Connection> tx) {
        this.tx = tx;
    }

    /** Up to {@code limit} departments whose code sorts after {@code afterCode} (null: from the start). */
    public List<Department> page(Filter filter, String afterCode, int limit) {
        return tx.executeRead(status -> {
            List<Object> args = new ArrayList<>();
            String where = where(filter, afterCode, args);
            String sql = "SELECT id, code, name, admin_level, region, staff_count, duties FROM department" + where
                    + " ORDER BY code LIMIT " + limit;
            try (PreparedStatement ps = status.getConnection().prepareStatement(sql)) {
                bind(ps, args);
                List<Department> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        int stored = rs.getInt("staff_count");
                        Integer staff = rs.wasNull() ? null : stored;
                        out.add(new Department(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                                rs.getString("admin_level"), rs.getString("region"), staff,
                                rs.getString("duties")));
                    }
                }
                return out;
            } catch (SQLException e) {
                throw new IllegalStateException("could not read departments: " + e.getMessage(), e);
            }
        });
    }

    /** The codes of the departments matching the filter that have data for the year, in code order. */
    public List<String> codesWithYear(Filter filter, int year) {
        return tx.executeRead(status -> {
            List<Object> args = new ArrayList<>();
            String where = where(filter, null, args);
            String sql = "SELECT code FROM department" + (where.isEmpty() ? " WHERE " : where + " AND ")
                    + "EXISTS (SELECT 1 FROM department_year y WHERE y.department_id = department.id AND y.fiscal_year = ?) ORDER BY code";
            try (PreparedStatement ps = status.getConnection().prepareStatement(sql)) {
                bind(ps, args);
                ps.setInt(args.size() + 1, year);
                List<String> codes = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        codes.add(rs.getString(1));
                    }
                }
                return codes;
            } catch (SQLException e) {
                throw new IllegalStateException("could not list departments with " + year + " data: " + e.getMessage(), e);
            }
        });
    }

    public long count(Filter filter) {
        return tx.executeRead(status -> {
            List<Object> args = new ArrayList<>();
            try (PreparedStatement ps = status.getConnection().prepareStatement(
                    "SELECT COUNT(*) FROM department" + where(filter, null, args))) {
                bind(ps, args);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("could not count departments: " + e.getMessage(), e);
            }
        });
    }

    private static String where(Filter filter, String afterCode, List<Object> args) {
        List<String> conditions = new ArrayList<>();
        if (filter.nameContains() != null && !filter.nameContains().isEmpty()) {
            conditions.add("name LIKE ? ESCAPE '\\'");
            args.add("%" + filter.nameContains().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (filter.level() != null) {
            conditions.add("admin_level = ?");
            args.add(filter.level());
        }
        if (filter.region() != null && !filter.region().isEmpty()) {
            conditions.add("region LIKE ? ESCAPE '\\'");
            args.add("%" + filter.region().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (afterCode != null) {
            conditions.add("code > ?");
            args.add(afterCode);
        }
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    private static void bind(PreparedStatement ps, List<Object> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            ps.setString(i + 1, args.get(i).toString());
        }
    }
}
