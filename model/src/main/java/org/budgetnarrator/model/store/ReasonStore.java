package org.budgetnarrator.model.store;

import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Replaces the reasons recorded for one line (subject and aspect) of a stored department-year. */
@Singleton
public class ReasonStore {

    /** One reason: a catalogue code and/or a note. */
    public record Entry(String code, String note) {
    }

    private final Writes writes;

    public ReasonStore(Writes writes) {
        this.writes = writes;
    }

    /** @return false when the department-year is not stored */
    public boolean replace(String departmentCode, int fiscalYear, String subject, String aspect, List<Entry> reasons) {
        return writes.department(departmentCode, status -> {
            Connection c = status.getConnection();
            try {
                Optional<Long> yearId = yearId(c, departmentCode, fiscalYear);
                if (yearId.isEmpty()) {
                    return false;
                }
                int seq = 0;
                try (PreparedStatement max = c.prepareStatement("SELECT MAX(seq) FROM line_reason WHERE department_year_id = ?")) {
                    max.setLong(1, yearId.get());
                    try (ResultSet rs = max.executeQuery()) {
                        if (rs.next()) {
                            seq = rs.getInt(1) + 1;
                        }
                    }
                }
                try (PreparedStatement delete = c.prepareStatement(
                        "DELETE FROM line_reason WHERE department_year_id = ? AND subject = ? AND aspect = ?")) {
                    delete.setLong(1, yearId.get());
                    delete.setString(2, subject);
                    delete.setString(3, aspect);
                    delete.executeUpdate();
                }
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO line_reason (department_year_id, seq, subject, aspect, code, note) "
                        + "VALUES (?, ?, ?, ?, ?, ?)")) {
                    for (Entry r : reasons) {
                        insert.setLong(1, yearId.get());
                        insert.setInt(2, seq++);
                        insert.setString(3, subject);
                        insert.setString(4, aspect);
                        insert.setString(5, r.code());
                        insert.setString(6, r.note());
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
                return true;
            } catch (SQLException e) {
                throw new StoreException("could not store reasons: " + e.getMessage(), e);
            }
        });
    }

    private static Optional<Long> yearId(Connection c, String code, int year) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT y.id FROM department_year y JOIN department d ON d.id = y.department_id "
                + "WHERE d.code = ? AND y.fiscal_year = ?")) {
            ps.setString(1, code);
            ps.setInt(2, year);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }
}
