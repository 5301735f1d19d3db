package org.budgetnarrator.model.store;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Bulk drafting jobs and their items. Workers claim pending items in batches: on PostgreSQL with
 * {@code FOR UPDATE SKIP LOCKED}, so two instances never claim the same item and never wait on each other; on
 * SQLite the claim is one write transaction (SQLite serializes writers). A claim older than the timeout is
 * taken over, which is how a job resumes after its worker died.
 */
@Singleton
public class DraftJobStore {

    public static final String RUNNING = "RUNNING";
    public static final String FINISHED = "FINISHED";
    public static final String PENDING = "PENDING";
    public static final String CLAIMED = "CLAIMED";
    public static final String DONE = "DONE";
    public static final String FAILED = "FAILED";
    /**
     * Nothing to draft: the department-year's document holds nothing a report could state. The reason is kept in the
     * item's error column (a skip is not a failure, but the column is the item's one note), served as {@link Item#reason()}.
     */
    public static final String SKIPPED = "SKIPPED";

    public record Job(long id, int year, String mode, String format, String filter, boolean force, String status, int total,
                      String startedBy, String startedAt, String finishedAt) {
    }

    /** Items by state, and the gaps left in the drafted ones. */
    public record Counts(int pending, int claimed, int done, int failed, int gaps, int unchanged, int skipped) {
    }

    /**
     * unchanged: the file of an earlier job was reused, nothing was drafted. error: why a FAILED item failed; reason: why
     * a SKIPPED one had nothing to draft.
     */
    public record Item(String departmentCode, String status, int attempts, int gaps, String error, String fileName, boolean unchanged,
                       String reason) {
    }

    /** A file an earlier job drafted from the same fingerprint. */
    public record Earlier(long jobId, String fileName, int gaps) {
    }

    /** What a worker did with one claimed item, to be recorded with the rest of its batch. */
    public record Outcome(String departmentCode, String status, String fileName, byte[] content, int gaps, String error,
                          String fingerprint, Long reusedFrom) {
        public static Outcome drafted(String code, String fileName, byte[] content, int gaps, String fingerprint) {
            return new Outcome(code, DONE, fileName, content, gaps, null, fingerprint, null);
        }

        public static Outcome reused(String code, Earlier earlier, String fingerprint) {
            return new Outcome(code, DONE, earlier.fileName(), null, earlier.gaps(), null, fingerprint, earlier.jobId());
        }

        public static Outcome failed(String code, String error) {
            return new Outcome(code, FAILED, null, null, 0, error, null, null);
        }

        /** Nothing drafted, no file: the document holds nothing to draft, for the reason given. */
        public static Outcome skipped(String code, String reason) {
            return new Outcome(code, SKIPPED, null, null, 0, reason, null, null);
        }
    }

    /** A drafted file, read one at a time for downloads. */
    public interface FileSink {
        void accept(String fileName, byte[] content) throws java.io.IOException;
    }

    private final TransactionOperations<Connection> tx;
    private final Writes writes;

    public DraftJobStore(TransactionOperations<Connection> tx, Writes writes) {
        this.tx = tx;
        this.writes = writes;
    }

    /** Creates a job over the given departments (in one transaction: a job is listed whole or not at all). */
    public Job create(int year, String mode, String format, String filter, boolean force, List<String> departments, String startedBy) {
        String now = Instant.now().toString();
        long id = writes.run(status -> {
            Connection c = status.getConnection();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO draft_job (fiscal_year, mode, format, filter, status, total, "
                    + "started_by, started_at, finished_at, force_redraft) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                ps.setInt(1, year);
                ps.setString(2, mode);
                ps.setString(3, format);
                ps.setString(4, filter);
                ps.setString(5, departments.isEmpty() ? FINISHED : RUNNING);
                ps.setInt(6, departments.size());
                ps.setString(7, startedBy);
                ps.setString(8, now);
                ps.setString(9, departments.isEmpty() ? now : null);
                ps.setInt(10, force ? 1 : 0);
                ps.executeUpdate();
                long jobId;
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    jobId = keys.getLong(1);
                }
                try (PreparedStatement item = c.prepareStatement("INSERT INTO draft_job_item (job_id, department_code, status, attempts, gaps) "
                        + "VALUES (?, ?, '" + PENDING + "', 0, 0)")) {
                    for (String code : departments) {
                        item.setLong(1, jobId);
                        item.setString(2, code);
                        item.addBatch();
                    }
                    item.executeBatch();
                }
                return jobId;
            } catch (SQLException e) {
                throw new StoreException("could not create the drafting job: " + e.getMessage(), e);
            }
        });
        return job(id).orElseThrow();
    }

    public Optional<Job> job(long id) {
        return tx.executeRead(status -> {
            try (PreparedStatement ps = status.getConnection().prepareStatement("SELECT id, fiscal_year, mode, format, filter, force_redraft, status, "
                    + "total, started_by, started_at, finished_at FROM draft_job WHERE id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new Job(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getInt(6) == 1, rs.getString(7), rs.getInt(8), rs.getString(9), rs.getString(10), rs.getString(11))) : Optional.<Job>empty();
                }
            } catch (SQLException e) {
                throw new StoreException("could not read drafting job " + id + ": " + e.getMessage(), e);
            }
        });
    }

    /** Jobs not finished yet, oldest first: what a worker looks for after a restart. */
    public List<Long> running() {
        return tx.executeRead(status -> {
            List<Long> out = new ArrayList<>();
            try (PreparedStatement ps = status.getConnection().prepareStatement("SELECT id FROM draft_job WHERE status = ? ORDER BY id")) {
                ps.setString(1, RUNNING);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getLong(1));
                    }
                }
            } catch (SQLException e) {
                throw new StoreException("could not list drafting jobs: " + e.getMessage(), e);
            }
            return out;
        });
    }

    /**
     * Claims up to {@code batch} items of the job for {@code worker}: pending ones, and ones claimed before
     * {@code staleBefore} (their worker is taken to be dead). Returns the department codes claimed.
     */
    public List<String> claim(long jobId, String worker, int batch, Instant staleBefore) {
        long now = System.currentTimeMillis();
        return writes.run(status -> {
            Connection c = status.getConnection();
            boolean postgres;
            try {
                postgres = c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
            } catch (SQLException e) {
                throw new StoreException("could not read the database's product name: " + e.getMessage(), e);
            }
            // One statement, so that on SQLite the write lock is taken before anything is read (a read-then-write
            // transaction could not be upgraded once another worker had committed).
            String pick = "SELECT department_code FROM draft_job_item WHERE job_id = ? AND (status = '" + PENDING + "' OR (status = '"
                    + CLAIMED + "' AND claimed_at < ?)) ORDER BY department_code LIMIT ?";
            String set = "UPDATE draft_job_item SET status = '" + CLAIMED + "', claimed_by = ?, claimed_at = ?, attempts = attempts + 1 ";
            // PostgreSQL: the picked rows are locked in a materialized CTE (a LIMIT inside IN (…) may be re-run per
            // row by the planner and claim more than the batch); rows another worker has locked are skipped.
            String sql = postgres
                    ? "WITH picked AS MATERIALIZED (" + pick + " FOR UPDATE SKIP LOCKED) " + set
                        + "FROM picked WHERE draft_job_item.job_id = ? AND draft_job_item.department_code = picked.department_code "
                        + "RETURNING draft_job_item.department_code"
                    : set + "WHERE job_id = ? AND department_code IN (" + pick + ") RETURNING department_code";
            List<String> codes = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                // The pick's parameters come first on PostgreSQL (the CTE), after the update's on SQLite.
                int pickAt = postgres ? 1 : 4;
                int setAt = postgres ? 4 : 1;
                ps.setLong(pickAt, jobId);
                ps.setLong(pickAt + 1, staleBefore.toEpochMilli());
                ps.setInt(pickAt + 2, batch);
                ps.setString(setAt, worker);
                ps.setLong(setAt + 1, now);
                ps.setLong(setAt + 2, jobId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        codes.add(rs.getString(1));
                    }
                }
            } catch (SQLException e) {
                throw new StoreException("could not claim items of drafting job " + jobId + ": " + e.getMessage(), e);
            }
            codes.sort(null);
            return codes;
        });
    }

    /** Stores a drafted file, if the item is still this worker's (a slow worker whose claim was taken over stores nothing). */
    public boolean complete(long jobId, String code, String worker, String fileName, byte[] content, int gaps, String fingerprint) {
        return record(jobId, worker, List.of(Outcome.drafted(code, fileName, content, gaps, fingerprint))) == 1;
    }

    public boolean fail(long jobId, String code, String worker, String error) {
        return record(jobId, worker, List.of(Outcome.failed(code, error))) == 1;
    }

    /** The newest file drafted (not reused) for the department from this fingerprint, by another job. */
    public Optional<Earlier> earlier(long jobId, String code, String fingerprint) {
        return tx.executeRead(status -> {
            try (PreparedStatement ps = status.getConnection().prepareStatement("SELECT job_id, file_name, gaps FROM draft_job_item "
                    + "WHERE department_code = ? AND fingerprint = ? AND status = '" + DONE + "' AND reused_from IS NULL AND job_id <> ? "
                    + "ORDER BY job_id DESC LIMIT 1")) {
                ps.setString(1, code);
                ps.setString(2, fingerprint);
                ps.setLong(3, jobId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new Earlier(rs.getLong(1), rs.getString(2), rs.getInt(3))) : Optional.<Earlier>empty();
                }
            } catch (SQLException e) {
                throw new StoreException("could not look for an earlier draft of " + code + ": " + e.getMessage(), e);
            }
        });
    }

    /**
     * Records a batch of outcomes in one transaction, each only if the item is still this worker's claim (a slow
     * worker whose claim was taken over records nothing). Returns how many were recorded.
     */
    public int record(long jobId, String worker, List<Outcome> outcomes) {
        return writes.run(status -> {
            try (PreparedStatement ps = status.getConnection().prepareStatement("UPDATE draft_job_item SET status = ?, file_name = ?, "
                    + "content = ?, gaps = ?, error = ?, fingerprint = ?, reused_from = ? WHERE job_id = ? AND department_code = ? AND status = '"
                    + CLAIMED + "' AND claimed_by = ?")) {
                int recorded = 0;
                for (Outcome o : outcomes) {
                    ps.setString(1, o.status());
                    ps.setString(2, o.fileName());
                    ps.setBytes(3, o.content());
                    ps.setInt(4, o.gaps());
                    ps.setString(5, o.error());
                    ps.setString(6, o.fingerprint());
                    if (o.reusedFrom() == null) {
                        ps.setNull(7, java.sql.Types.BIGINT);
                    } else {
                        ps.setLong(7, o.reusedFrom());
                    }
                    ps.setLong(8, jobId);
                    ps.setString(9, o.departmentCode());
                    ps.setString(10, worker);
                    recorded += ps.executeUpdate();
                }
                return recorded;
            } catch (SQLException e) {
                throw new StoreException("could not record the drafts of job " + jobId + ": " + e.getMessage(), e);
            }
        });
    }

    /** Marks the job finished once no item is pending or claimed; true when this call finished it. */
    public boolean finishIfComplete(long jobId) {
        return writes.run(status -> {
            try (PreparedStatement ps = status.getConnection().prepareStatement("UPDATE draft_job SET status = ?, finished_at = ? "
                    + "WHERE id = ? AND status = ? AND NOT EXISTS (SELECT 1 FROM draft_job_item WHERE job_id = ? AND status IN ('"
                    + PENDING + "', '" + CLAIMED + "'))")) {
                ps.setString(1, FINISHED);
                ps.setString(2, Instant.now().toString());
                ps.setLong(3, jobId);
                ps.setString(4, RUNNING);
                ps.setLong(5, jobId);
                return ps.executeUpdate() == 1;
            } catch (SQLException e) {
                throw new StoreException("could not finish drafting job " + jobId + ": " + e.getMessage(), e);
            }
        });
    }

    public Counts counts(long jobId) {
        return tx.executeRead(status -> {
            int[] n = new int[7];
            try (PreparedStatement ps = status.getConnection().prepareStatement("SELECT status, COUNT(*), SUM(gaps), COUNT(reused_from) "
                    + "FROM draft_job_item WHERE job_id = ? GROUP BY status")) {
                ps.setLong(1, jobId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        int i = switch (rs.getString(1)) {
                            case PENDING -> 0;
                            case CLAIMED -> 1;
                            case DONE -> 2;
                            case SKIPPED -> 6;
                            default -> 3;
                        };
                        n[i] += rs.getInt(2);
                        n[4] += rs.getInt(3);
                        n[5] += rs.getInt(4);
                    }
                }
            } catch (SQLException e) {
                throw new StoreException("could not count items of drafting job " + jobId + ": " + e.getMessage(), e);
            }
            return new Counts(n[0], n[1], n[2], n[3], n[4], n[5], n[6]);
        });
    }

    /** The items in department order, optionally of one state (without their files). */
    public List<Item> items(long jobId, String state) {
        return tx.executeRead(status -> {
            List<Item> out = new ArrayList<>();
            try (PreparedStatement ps = status.getConnection().prepareStatement("SELECT department_code, status, attempts, gaps, error, file_name, "
                    + "reused_from FROM draft_job_item WHERE job_id = ?" + (state == null ? "" : " AND status = ?") + " ORDER BY department_code")) {
                ps.setLong(1, jobId);
                if (state != null) {
                    ps.setString(2, state);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rs.getLong(7);
                        boolean unchanged = !rs.wasNull();
                        boolean skipped = SKIPPED.equals(rs.getString(2));
                        out.add(new Item(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4), skipped ? null : rs.getString(5),
                                rs.getString(6), unchanged, skipped ? rs.getString(5) : null));
                    }
                }
            } catch (SQLException e) {
                throw new StoreException("could not list items of drafting job " + jobId + ": " + e.getMessage(), e);
            }
            return out;
        });
    }

    /** Hands the drafted files to the sink one by one, in department order (never all in memory at once). */
    public void files(long jobId, FileSink sink) {
        List<String> codes = items(jobId, DONE).stream().map(Item::departmentCode).toList();
        for (String code : codes) {
            tx.executeRead(status -> {
                // A reused item's file is the earlier job's (same department, same fingerprint).
                try (PreparedStatement ps = status.getConnection().prepareStatement("SELECT i.file_name, COALESCE(i.content, e.content) "
                        + "FROM draft_job_item i LEFT JOIN draft_job_item e ON e.job_id = i.reused_from AND e.department_code = i.department_code "
                        + "WHERE i.job_id = ? AND i.department_code = ?")) {
                    ps.setLong(1, jobId);
                    ps.setString(2, code);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            sink.accept(rs.getString(1), rs.getBytes(2));
                        }
                    }
                } catch (SQLException e) {
                    throw new StoreException("could not read the files of drafting job " + jobId + ": " + e.getMessage(), e);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                return null;
            });
        }
    }
}
