package org.budgetnarrator.model.store;

import io.micronaut.transaction.TransactionCallback;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Every write transaction of the stores, so that no write fails for being concurrent with another.
 *
 * <p>SQLite allows one writer at a time per database file. A deferred transaction (SQLite's default) that reads
 * and then writes must upgrade its lock when it first writes; if another connection has committed since it read,
 * SQLite answers SQLITE_BUSY at once instead of waiting for the busy timeout (waiting could deadlock), which is how
 * two officers saving at once used to get "database is locked". So on SQLite write transactions queue here, on a
 * fair lock taken before a connection is borrowed (a waiting writer must not hold one of the small pool's
 * connections that readers need), and they begin IMMEDIATE ({@code SqliteDriver}), taking the write lock before
 * reading, so that a writer of another process on the same file (a command-line import) makes them wait for the
 * busy timeout rather than fail. Readers take neither: in WAL mode they read while one writes.
 *
 * <p>On PostgreSQL, where several instances write at once, a transaction that changes one department's data first
 * takes a transaction-scoped advisory lock on that department, so that its read-then-write steps (the next version
 * number, the department-year's id, delete-then-insert) cannot interleave with another instance's: racing saves
 * end as one success and conflicts, as on SQLite. Within an instance such writes also queue first on a lock of that
 * department (one of {@value #STRIPES}), before a connection is borrowed, so that writers waiting for a busy
 * department never hold the pool's connections that everyone else needs.
 *
 * <p>A unique key that still refuses a row (a writer outside these locks, e.g. another process) is a conflict to
 * the stores ({@link #uniqueViolation}), never an internal error.
 */
@Singleton
public class Writes {

    /**
     * How long a write waits for its turn before it is refused as busy: longer than a request's time limit
     * (narrator.graphql.timeout, 30 s), so that only a stalled database refuses writes, not a queue of slow ones.
     */
    static final long WAIT_SECONDS = 60;

    /** The first key of the department advisory locks on PostgreSQL (the second is the department code's hash). */
    private static final int DEPARTMENT_LOCKS = 0x4E415252;

    /** Department locks on PostgreSQL: departments share one when their codes' hashes meet (they then merely take turns). */
    static final int STRIPES = 64;

    private enum Database { SQLITE, POSTGRESQL, OTHER }

    private final TransactionOperations<Connection> tx;
    /** SQLite's one writer. */
    private final ReentrantLock writer = new ReentrantLock(true);
    private final ReentrantLock[] departments = new ReentrantLock[STRIPES];
    private volatile Database database;

    public Writes(TransactionOperations<Connection> tx) {
        this.tx = tx;
        for (int i = 0; i < STRIPES; i++) {
            departments[i] = new ReentrantLock(true);
        }
    }

    /** A write transaction that changes no one department's data (users, the audit log, jobs, caches). */
    public <T> T run(TransactionCallback<Connection, T> work) {
        return write(null, work);
    }

    /** A write transaction that changes the data of the department {@code departmentCode} (any of its years). */
    public <T> T department(String departmentCode, TransactionCallback<Connection, T> work) {
        return write(departmentCode, work);
    }

    private <T> T write(String departmentCode, TransactionCallback<Connection, T> work) {
        Database db = database();
        ReentrantLock turn = db == Database.SQLITE ? writer
                : departmentCode == null ? null : departments[Math.floorMod(departmentCode.hashCode(), STRIPES)];
        if (turn != null) {
            waitFor(turn);
        }
        try {
            return tx.executeWrite(status -> {
                if (db == Database.POSTGRESQL && departmentCode != null) {
                    try (PreparedStatement ps = status.getConnection().prepareStatement("SELECT pg_advisory_xact_lock(?, ?)")) {
                        ps.setInt(1, DEPARTMENT_LOCKS);
                        ps.setInt(2, departmentCode.hashCode());
                        ps.execute();
                    }
                }
                return work.call(status);
            });
        } finally {
            if (turn != null) {
                turn.unlock();
            }
        }
    }

    private static void waitFor(ReentrantLock turn) {
        try {
            if (!turn.tryLock(WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new WritesBusyException("the database was busy with other writes for " + WAIT_SECONDS
                        + " s; nothing was stored; try again");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WritesBusyException("interrupted while waiting to write; nothing was stored");
        }
    }

    private Database database() {
        Database db = database;
        if (db == null) {
            String url = tx.executeRead(status -> status.getConnection().getMetaData().getURL());
            db = url.startsWith("jdbc:sqlite:") ? Database.SQLITE : url.startsWith("jdbc:postgresql:") ? Database.POSTGRESQL : Database.OTHER;
            database = db;
        }
        return db;
    }

    /** Whether a unique key (or primary key) refused the row: on PostgreSQL SQLState 23505, on SQLite SQLITE_CONSTRAINT_UNIQUE. */
    public static boolean uniqueViolation(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLiteException s && (s.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE
                    || s.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY)) {
                return true;
            }
            if (t instanceof SQLException s && "23505".equals(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
