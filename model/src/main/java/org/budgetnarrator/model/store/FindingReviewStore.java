package org.budgetnarrator.model.store;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Officers' verdicts on audit findings, keyed by department code, fiscal year and the finding's
 * fingerprint, so that a verdict survives re-imports and a reviewed finding does not come back as new.
 */
@Singleton
public class FindingReviewStore {

    /** A verdict: ACCEPTED (the finding is right and known) or FALSE_ALARM. */
    public record Review(String fingerprint, String ruleId, String status, String note, String reviewedBy, String reviewedAt) {
    }

    private final TransactionOperations<Connection> tx;
    private final Writes writes;

    public FindingReviewStore(TransactionOperations<Connection> tx, Writes writes) {
        this.tx = tx;
        this.writes = writes;
    }

    public Map<String, Review> reviews(String departmentCode, int fiscalYear) {
        return tx.executeRead(status -> {
            Map<String, Review> out = new LinkedHashMap<>();
            try (PreparedStatement ps = status.getConnection().prepareStatement(
                    "SELECT fingerprint, rule_id, status, note, reviewed_by, reviewed_at FROM finding_review "
                            + "WHERE department_code = ? AND fiscal_year = ? ORDER BY id")) {
                ps.setString(1, departmentCode);
                ps.setInt(2, fiscalYear);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getString(1), new Review(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6)));
                    }
                }
            } catch (SQLException e) {
                throw new StoreException("could not read finding reviews: " + e.getMessage(), e);
            }
            return out;
        });
    }

    /** Records (or replaces) the verdict on one finding. */
    public Review save(String departmentCode, int fiscalYear, String fingerprint, String ruleId, String verdict, String note,
                       String reviewedBy) {
        String at = Instant.now().toString();
        return writes.department(departmentCode, status -> {
            Connection c = status.getConnection();
            try (PreparedStatement delete = c.prepareStatement(
                    "DELETE FROM finding_review WHERE department_code = ? AND fiscal_year = ? AND fingerprint = ?");
                 PreparedStatement insert = c.prepareStatement("INSERT INTO finding_review (department_code, fiscal_year, fingerprint, "
                         + "rule_id, status, note, reviewed_by, reviewed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                delete.setString(1, departmentCode);
                delete.setInt(2, fiscalYear);
                delete.setString(3, fingerprint);
                delete.executeUpdate();
                insert.setString(1, departmentCode);
                insert.setInt(2, fiscalYear);
                insert.setString(3, fingerprint);
                insert.setString(4, ruleId);
                insert.setString(5, verdict);
                insert.setString(6, note);
                insert.setString(7, reviewedBy);
                insert.setString(8, at);
                insert.executeUpdate();
            } catch (SQLException e) {
                if (Writes.uniqueViolation(e)) {
                    // Another process recorded a verdict on the same finding between this one's delete and insert.
                    throw new WriteConflictException("the finding " + fingerprint + " was reviewed by someone else at the same time; "
                            + "reload the audit and review it again", e);
                }
                throw new StoreException("could not store the review: " + e.getMessage(), e);
            }
            return new Review(fingerprint, ruleId, verdict, note, reviewedBy, at);
        });
    }
}
