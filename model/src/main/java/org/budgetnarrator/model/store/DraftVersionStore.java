package org.budgetnarrator.model.store;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Versions of drafted sections and frozen reports. A save names the version it was based on; when someone
 * else saved in between, the save is refused as a conflict (nothing is lost: both versions stay listed).
 * Versions are kept for stored department-years only, numbered 1..n per section without gaps: saves of one
 * department are serialized ({@link Writes}), and a version number taken by a writer outside that order is a
 * conflict too.
 */
@Singleton
public class DraftVersionStore {

    /**
     * One saved version. origin: GENERATED, EDITED or RESTORED. basedOn: the fingerprint of the figures the template
     * printed for the section when it was saved (null for versions saved before it was recorded).
     */
    public record Version(String section, int version, Integer baseVersion, String origin, String style, String text,
                          String author, String createdAt, Generation generation, String basedOn) {
    }

    /**
     * How a generated version was written: mode TEMPLATE, or a model mode with its prompt version and model,
     * and why the template draft was kept when the model's text was not taken (null when it was).
     */
    public record Generation(String mode, String promptVersion, String model, String fallbackReason) {
        public static final Generation TEMPLATE = new Generation("TEMPLATE", null, null, null);
    }

    /** A report frozen for publication. */
    public record Frozen(String style, String text, String facts, String reasons, String templates, String contentHash,
                         String frozenBy, String frozenAt) {
    }

    /** Someone else saved a newer version than the one this save was based on (or, with no base, at the same time). */
    public static class ConflictException extends WriteConflictException {
        private final int latest;

        public ConflictException(Integer base, int latest) {
            super(base == null
                    ? "the draft was saved as version " + latest + " by someone else at the same time; reload it, merge, and save again"
                    : "the draft was saved as version " + latest + " since version " + base + " was opened; reload it, merge, and save again");
            this.latest = latest;
        }

        public int latest() {
            return latest;
        }
    }

    private final TransactionOperations<Connection> tx;
    private final Writes writes;

    public DraftVersionStore(TransactionOperations<Connection> tx, Writes writes) {
        this.tx = tx;
        this.writes = writes;
    }

    public List<Version> versions(String code, int year, String section) {
        return tx.executeRead(status -> {
            List<Version> out = new ArrayList<>();
            try (PreparedStatement ps = status.getConnection().prepareStatement("SELECT section, version, base_version, origin, style, body, "
                    + "author, created_at, mode, prompt_version, model, fallback_reason, based_on FROM draft_version WHERE department_code = ? AND fiscal_year = ? AND section = ? ORDER BY version")) {
                ps.setString(1, code);
                ps.setInt(2, year);
                ps.setString(3, section);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(version(rs));
                    }
                }
            } catch (SQLException e) {
                throw new StoreException("could not read draft versions: " + e.getMessage(), e);
            }
            return out;
        });
    }

    /** The latest version of every section (and of the whole report, REPORT) saved for the department-year, by section. */
    public java.util.Map<String, Version> latestOfEach(String code, int year) {
        return tx.executeRead(status -> {
            java.util.Map<String, Version> out = new java.util.TreeMap<>();
            try (PreparedStatement ps = status.getConnection().prepareStatement("SELECT section, version, base_version, origin, style, body, "
                    + "author, created_at, mode, prompt_version, model, fallback_reason, based_on FROM draft_version d "
                    + "WHERE department_code = ? AND fiscal_year = ? AND version = (SELECT MAX(version) FROM draft_version l "
                    + "WHERE l.department_code = d.department_code AND l.fiscal_year = d.fiscal_year AND l.section = d.section)")) {
                ps.setString(1, code);
                ps.setInt(2, year);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Version v = version(rs);
                        out.put(v.section(), v);
                    }
                }
            } catch (SQLException e) {
                throw new StoreException("could not read draft versions: " + e.getMessage(), e);
            }
            return out;
        });
    }

    private static Version version(ResultSet rs) throws SQLException {
        int base = rs.getInt(3);
        // wasNull() right after reading base_version: a first version has none (null, not 0).
        Integer baseVersion = rs.wasNull() ? null : base;
        return new Version(rs.getString(1), rs.getInt(2), baseVersion, rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8),
                rs.getString(9) == null ? null : new Generation(rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12)),
                rs.getString(13));
    }

    public Optional<Version> latest(String code, int year, String section) {
        List<Version> all = versions(code, year, section);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /**
     * Saves a new version. {@code baseVersion} is the version the text was edited from (null for none);
     * when a later version exists, the save is refused with a {@link ConflictException}; when the department-year
     * is not stored, with a {@link NotStoredException}.
     */
    public Version save(String code, int year, String section, Integer baseVersion, String origin, String style, String text,
                        String author) {
        return save(code, year, section, baseVersion, origin, style, text, author, null, null);
    }

    /**
     * Saves a new version, with how it was generated (null for an officer's text) and the fingerprint of the figures
     * it was drafted from (null when unknown).
     */
    public Version save(String code, int year, String section, Integer baseVersion, String origin, String style, String text,
                        String author, Generation generation, String basedOn) {
        return writes.department(code, status -> {
            Connection c = status.getConnection();
            int next = 0;
            try {
                if (!DepartmentYearStore.isStored(c, code, year)) {
                    throw new NotStoredException(code, year);
                }
                int latest = 0;
                try (PreparedStatement ps = c.prepareStatement("SELECT MAX(version) FROM draft_version "
                        + "WHERE department_code = ? AND fiscal_year = ? AND section = ?")) {
                    ps.setString(1, code);
                    ps.setInt(2, year);
                    ps.setString(3, section);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            latest = rs.getInt(1);
                        }
                    }
                }
                if (baseVersion != null && baseVersion != latest) {
                    throw new ConflictException(baseVersion, latest);
                }
                next = latest + 1;
                Version v = new Version(section, next, baseVersion, origin, style, text, author, Instant.now().toString(), generation, basedOn);
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO draft_version (department_code, fiscal_year, section, version, "
                        + "base_version, origin, style, body, author, created_at, mode, prompt_version, model, fallback_reason, based_on) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    ps.setString(1, code);
                    ps.setInt(2, year);
                    ps.setString(3, section);
                    ps.setInt(4, v.version());
                    if (baseVersion == null) {
                        ps.setNull(5, java.sql.Types.INTEGER);
                    } else {
                        ps.setInt(5, baseVersion);
                    }
                    ps.setString(6, origin);
                    ps.setString(7, style);
                    ps.setString(8, text);
                    ps.setString(9, author);
                    ps.setString(10, v.createdAt());
                    ps.setString(11, generation == null ? null : generation.mode());
                    ps.setString(12, generation == null ? null : generation.promptVersion());
                    ps.setString(13, generation == null ? null : generation.model());
                    ps.setString(14, generation == null ? null : generation.fallbackReason());
                    ps.setString(15, basedOn);
                    ps.executeUpdate();
                }
                return v;
            } catch (SQLException e) {
                if (next > 0 && Writes.uniqueViolation(e)) {
                    // Version `next` was saved by a writer outside the application's order (another process) meanwhile.
                    throw new ConflictException(baseVersion, next);
                }
                throw new StoreException("could not save the draft: " + e.getMessage(), e);
            }
        });
    }

    /**
     * Stores a frozen report, or returns the one already stored with the same content hash (the same content is the
     * same frozen report, also when two freezes of it race).
     */
    public Frozen freeze(String code, int year, Frozen frozen) {
        return writes.department(code, status -> {
            Connection c = status.getConnection();
            try {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO frozen_report (department_code, fiscal_year, style, body, facts, "
                        + "reasons, templates, content_hash, frozen_by, frozen_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT (content_hash) DO NOTHING")) {
                    ps.setString(1, code);
                    ps.setInt(2, year);
                    ps.setString(3, frozen.style());
                    ps.setString(4, frozen.text());
                    ps.setString(5, frozen.facts());
                    ps.setString(6, frozen.reasons());
                    ps.setString(7, frozen.templates());
                    ps.setString(8, frozen.contentHash());
                    ps.setString(9, frozen.frozenBy());
                    ps.setString(10, frozen.frozenAt());
                    ps.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement("SELECT style, body, facts, reasons, templates, content_hash, frozen_by, "
                        + "frozen_at FROM frozen_report WHERE content_hash = ?")) {
                    ps.setString(1, frozen.contentHash());
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) {
                            throw new SQLException("frozen report " + frozen.contentHash() + " neither stored nor found");
                        }
                        return new Frozen(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                                rs.getString(6), rs.getString(7), rs.getString(8));
                    }
                }
            } catch (SQLException e) {
                throw new StoreException("could not freeze the report: " + e.getMessage(), e);
            }
        });
    }

    public List<Frozen> frozen(String code, int year) {
        return tx.executeRead(status -> {
            List<Frozen> out = new ArrayList<>();
            try (PreparedStatement ps = status.getConnection().prepareStatement("SELECT style, body, facts, reasons, templates, content_hash, "
                    + "frozen_by, frozen_at FROM frozen_report WHERE department_code = ? AND fiscal_year = ? ORDER BY id")) {
                ps.setString(1, code);
                ps.setInt(2, year);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Frozen(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                                rs.getString(6), rs.getString(7), rs.getString(8)));
                    }
                }
            } catch (SQLException e) {
                throw new StoreException("could not read frozen reports: " + e.getMessage(), e);
            }
            return out;
        });
    }
}
