package org.budgetnarrator.model.store;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.budgetnarrator.model.domain.Role;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Users, their hashed passwords and API tokens, and the log of mutations. Passwords are hashed with
 * PBKDF2-HMAC-SHA256 (210,000 iterations, the OWASP 2023 figure) and a random salt; tokens are stored as
 * SHA-256 hashes and shown once. Access can be taken away: users are disabled or deleted, their role changed,
 * tokens revoked or left to expire; each such change of a user bumps their token generation, which sign-in
 * tokens carry, so that a token issued before it no longer works.
 */
@Singleton
public class UserStore {

    /** A user: their role, an officer's department, and the state their tokens are checked against. */
    public record User(long id, String username, Role role, String departmentCode, boolean disabled, int tokenGeneration,
                       Instant createdAt) {
    }

    /** An API token as listed to its owner: never the token itself, which only its creator saw once. */
    public record ApiToken(long id, String username, String name, Instant createdAt, Instant expiresAt, Instant revokedAt) {

        /** Usable now: neither revoked nor expired. */
        public boolean active(Instant now) {
            return revokedAt == null && now.isBefore(expiresAt);
        }
    }

    /** A new API token with the secret to hand to its owner. */
    public record IssuedToken(ApiToken token, String secret) {
    }

    /** The user an API token belongs to, and the token. */
    public record TokenOwner(User user, ApiToken token) {
    }

    /** The user already holds as many active API tokens as a user may. */
    public static class TooManyTokensException extends RuntimeException {
        public TooManyTokensException(String message) {
            super(message);
        }
    }

    /** Tokens created before expiry was recorded (migration V8) last this long after their creation. */
    public static final Duration LEGACY_TOKEN_LIFETIME = Duration.ofDays(90);

    private static final int ITERATIONS = 210_000;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String USER_COLUMNS = "u.id, u.username, u.role, u.department_code, u.disabled_at, u.token_generation, u.created_at";
    private static final String TOKEN_COLUMNS = "t.id, t.username, t.name, t.created_at, t.expires_at, t.revoked_at";

    private final TransactionOperations<Connection> tx;
    private final Writes writes;

    public UserStore(TransactionOperations<Connection> tx, Writes writes) {
        this.tx = tx;
        this.writes = writes;
    }

    public void create(String username, String password, Role role, String departmentCode) {
        String hash = hash(password);
        write("could not create user " + username, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO app_user (username, password_hash, role, department_code, created_at) VALUES (?, ?, ?, ?, ?)")) {
                ps.setString(1, username);
                ps.setString(2, hash);
                ps.setString(3, role.name());
                ps.setString(4, departmentCode);
                ps.setString(5, Instant.now().toString());
                ps.executeUpdate();
                return null;
            }
        });
    }

    public boolean exists(String username) {
        return find(username).isPresent();
    }

    public Optional<User> find(String username) {
        return read("could not read user", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + USER_COLUMNS + " FROM app_user u WHERE u.username = ?")) {
                ps.setString(1, username);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(user(rs, 1)) : Optional.empty();
                }
            }
        });
    }

    public List<User> all() {
        return read("could not read users", c -> {
            List<User> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + USER_COLUMNS + " FROM app_user u ORDER BY u.username");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(user(rs, 1));
                }
            }
            return out;
        });
    }

    /** The user, when the password is theirs and the account is not disabled. */
    public Optional<User> authenticate(String username, String password) {
        String stored = read("could not read user", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT password_hash FROM app_user WHERE username = ? AND disabled_at IS NULL")) {
                ps.setString(1, username);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
        if (stored == null) {
            // As slow as a wrong password, so the answer's time does not tell whether the user exists.
            verify(password, AbsentUser.HASH);
            return Optional.empty();
        }
        if (!verify(password, stored)) {
            return Optional.empty();
        }
        return find(username);
    }

    /** Changes a user's role and department; their earlier sign-in tokens stop working. Empty when there is no such user. */
    public Optional<User> changeRole(String username, Role role, String departmentCode) {
        return update(username, "role = ?, department_code = ?", ps -> {
            ps.setString(1, role.name());
            ps.setString(2, departmentCode);
            return 3;
        });
    }

    /** Disables or enables a user; either way their earlier sign-in tokens stop working. */
    public Optional<User> setDisabled(String username, boolean disabled) {
        return update(username, "disabled_at = ?", ps -> {
            ps.setString(1, disabled ? Instant.now().toString() : null);
            return 2;
        });
    }

    /**
     * Deletes a user and their API tokens (a user created later under the same name starts with none); the audit
     * log keeps their name. False when there was no such user.
     */
    public boolean delete(String username) {
        return write("could not delete user " + username, c -> {
            try (PreparedStatement tokens = c.prepareStatement("DELETE FROM api_token WHERE username = ?");
                 PreparedStatement user = c.prepareStatement("DELETE FROM app_user WHERE username = ?")) {
                tokens.setString(1, username);
                tokens.executeUpdate();
                user.setString(1, username);
                return user.executeUpdate() == 1;
            }
        });
    }

    /**
     * Creates an API token for a user and returns it (only its hash is stored), unless the user already holds
     * {@code maxActive} active tokens.
     */
    public IssuedToken createToken(String username, String name, Instant expiresAt, int maxActive) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = "nrt_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Instant now = Instant.now();
        long id = write("could not create the token", c -> {
            long active = tokens(c, username).stream().filter(t -> t.active(now)).count();
            if (active >= maxActive) {
                throw new TooManyTokensException("you hold " + active + " active API tokens, the most a user may; revoke one first");
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO api_token (token_hash, username, name, created_at, expires_at) VALUES (?, ?, ?, ?, ?)")) {
                ps.setString(1, sha256(secret));
                ps.setString(2, username);
                ps.setString(3, name);
                ps.setString(4, now.toString());
                ps.setString(5, expiresAt.toString());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM api_token WHERE token_hash = ?")) {
                ps.setString(1, sha256(secret));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
        return new IssuedToken(new ApiToken(id, username, name, now, expiresAt, null), secret);
    }

    /** A user's API tokens, newest first, revoked and expired ones included. */
    public List<ApiToken> tokens(String username) {
        return read("could not read tokens", c -> tokens(c, username));
    }

    public Optional<ApiToken> token(long id) {
        return read("could not read the token", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + TOKEN_COLUMNS + " FROM api_token t WHERE t.id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(token(rs, 1)) : Optional.empty();
                }
            }
        });
    }

    /** Revokes a token (revoking it again changes nothing); empty when there is no such token. */
    public Optional<ApiToken> revokeToken(long id) {
        write("could not revoke the token", c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE api_token SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")) {
                ps.setString(1, Instant.now().toString());
                ps.setLong(2, id);
                return ps.executeUpdate();
            }
        });
        return token(id);
    }

    /** The token's owner, whatever the token's state: the caller decides whether it is active and the user enabled. */
    public Optional<TokenOwner> byToken(String secret) {
        return read("could not read the token", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + USER_COLUMNS + ", " + TOKEN_COLUMNS
                    + " FROM api_token t JOIN app_user u ON u.username = t.username WHERE t.token_hash = ?")) {
                ps.setString(1, sha256(secret));
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new TokenOwner(user(rs, 1), token(rs, 8))) : Optional.empty();
                }
            }
        });
    }

    private List<ApiToken> tokens(Connection c, String username) throws SQLException {
        List<ApiToken> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + TOKEN_COLUMNS + " FROM api_token t WHERE t.username = ? ORDER BY t.id DESC")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(token(rs, 1));
                }
            }
        }
        return out;
    }

    private Optional<User> update(String username, String assignments, Binder binder) {
        int changed = write("could not change user " + username, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE app_user SET " + assignments
                    + ", token_generation = token_generation + 1 WHERE username = ?")) {
                int next = binder.bind(ps);
                ps.setString(next, username);
                return ps.executeUpdate();
            }
        });
        return changed == 0 ? Optional.empty() : find(username);
    }

    private static User user(ResultSet rs, int at) throws SQLException {
        return new User(rs.getLong(at), rs.getString(at + 1), Role.parse(rs.getString(at + 2)), rs.getString(at + 3),
                rs.getString(at + 4) != null, rs.getInt(at + 5), Instant.parse(rs.getString(at + 6)));
    }

    private static ApiToken token(ResultSet rs, int at) throws SQLException {
        Instant created = Instant.parse(rs.getString(at + 3));
        String expires = rs.getString(at + 4);
        String revoked = rs.getString(at + 5);
        return new ApiToken(rs.getLong(at), rs.getString(at + 1), rs.getString(at + 2), created,
                expires == null ? created.plus(LEGACY_TOKEN_LIFETIME) : Instant.parse(expires), revoked == null ? null : Instant.parse(revoked));
    }

    private interface Binder {
        /** Binds the assignments' parameters and returns the next parameter's index. */
        int bind(PreparedStatement ps) throws SQLException;
    }

    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T read(String failure, Work<T> work) {
        return tx.executeRead(status -> {
            try {
                return work.run(status.getConnection());
            } catch (SQLException e) {
                throw new StoreException(failure + ": " + e.getMessage(), e);
            }
        });
    }

    private <T> T write(String failure, Work<T> work) {
        return writes.run(status -> {
            try {
                return work.run(status.getConnection());
            } catch (SQLException e) {
                throw new StoreException(failure + ": " + e.getMessage(), e);
            }
        });
    }

    public void log(String username, String operation, String departmentCode, Integer year, String outcome, String detail) {
        writes.run(status -> {
            try (PreparedStatement ps = status.getConnection().prepareStatement("INSERT INTO audit_log (at, username, operation, "
                    + "department_code, fiscal_year, outcome, detail) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, Instant.now().toString());
                ps.setString(2, username);
                ps.setString(3, operation);
                ps.setString(4, departmentCode);
                if (year == null) {
                    ps.setNull(5, java.sql.Types.INTEGER);
                } else {
                    ps.setInt(5, year);
                }
                ps.setString(6, outcome);
                ps.setString(7, detail);
                ps.executeUpdate();
                return null;
            } catch (SQLException e) {
                throw new StoreException("could not log the mutation: " + e.getMessage(), e);
            }
        });
    }

    /** A hash of the same cost as every stored one, to verify against when the user is absent. */
    private static final class AbsentUser {
        static final String HASH = hash("absent-user-" + RANDOM.nextLong());
    }

    static String hash(String password) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return "pbkdf2-sha256$" + ITERATIONS + "$" + Base64.getEncoder().encodeToString(salt) + "$"
                + Base64.getEncoder().encodeToString(pbkdf2(password, salt, ITERATIONS));
    }

    static boolean verify(String password, String stored) {
        String[] parts = stored.split("\\$");
        if (parts.length != 4 || !parts[0].equals("pbkdf2-sha256")) {
            return false;
        }
        byte[] expected = Base64.getDecoder().decode(parts[3]);
        byte[] actual = pbkdf2(password, Base64.getDecoder().decode(parts[2]), Integer.parseInt(parts[1]));
        return MessageDigest.isEqual(expected, actual);
    }

    private static byte[] pbkdf2(String password, byte[] salt, int iterations) {
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, 256)).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
