package org.budgetnarrator.model.store;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Users, their hashed passwords and API tokens, and the log of mutations. Passwords are hashed with
 * PBKDF2-HMAC-SHA256 (210,000 iterations, the OWASP 2023 figure) and a random salt; tokens are stored as
 * SHA-256 hashes and shown once.
 */
@Singleton
public class UserStore {

    /** A user: role VIEWER, OFFICER or ADMIN; an officer's department. */
    public record User(String username, String role, String departmentCode) {
    }

    private static final int ITERATIONS = 210_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final TransactionOperations<Connection> tx;
    private final Writes writes;

    public UserStore(TransactionOperations<Connection> tx, Writes writes) {
        this.tx = tx;
        this.writes = writes;
    }

    public void create(String username, String password, String role, String departmentCode) {
        String hash = hash(password);
        writes.run(status -> {
            try (PreparedStatement ps = status.getConnection().prepareStatement(
                    "INSERT INTO app_user (username, password_hash, role, department_code, created_at) VALUES (?, ?, ?, ?, ?)")) {
                ps.setString(1, username);
                ps.setString(2, hash);
                ps.setString(3, role);
                ps.setString(4, departmentCode);
                ps.setString(5, Instant.now().toString());
                ps.executeUpdate();
                return null;
            } catch (SQLException e) {
                throw new StoreException("could not create user " + username + ": " + e.getMessage(), e);
            }
        });
    }

    public boolean exists(String username) {
        return find(username).isPresent();
    }

    public Optional<User> find(String username) {
        return tx.executeRead(status -> {
            try (PreparedStatement ps = status.getConnection().prepareStatement(
                    "SELECT username, role, department_code FROM app_user WHERE username = ?")) {
                ps.setString(1, username);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new User(rs.getString(1), rs.getString(2), rs.getString(3))) : Optional.empty();
                }
            } catch (SQLException e) {
                throw new StoreException("could not read user: " + e.getMessage(), e);
            }
        });
    }

    public List<User> all() {
        return tx.executeRead(status -> {
            List<User> out = new ArrayList<>();
            try (PreparedStatement ps = status.getConnection().prepareStatement(
                    "SELECT username, role, department_code FROM app_user ORDER BY username");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new User(rs.getString(1), rs.getString(2), rs.getString(3)));
                }
            } catch (SQLException e) {
                throw new StoreException("could not read users: " + e.getMessage(), e);
            }
            return out;
        });
    }

    /** The user, when the password is theirs. */
    public Optional<User> authenticate(String username, String password) {
        String stored = tx.executeRead(status -> {
            try (PreparedStatement ps = status.getConnection().prepareStatement("SELECT password_hash FROM app_user WHERE username = ?")) {
                ps.setString(1, username);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            } catch (SQLException e) {
                throw new StoreException("could not read user: " + e.getMessage(), e);
            }
        });
        if (stored == null || !verify(password, stored)) {
            return Optional.empty();
        }
        return find(username);
    }

    /** Creates an API token for a user and returns it (only its hash is stored). */
    public String createToken(String username, String name) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String token = "nrt_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        writes.run(status -> {
            try (PreparedStatement ps = status.getConnection().prepareStatement(
                    "INSERT INTO api_token (token_hash, username, name, created_at) VALUES (?, ?, ?, ?)")) {
                ps.setString(1, sha256(token));
                ps.setString(2, username);
                ps.setString(3, name);
                ps.setString(4, Instant.now().toString());
                ps.executeUpdate();
                return null;
            } catch (SQLException e) {
                throw new StoreException("could not create the token: " + e.getMessage(), e);
            }
        });
        return token;
    }

    public Optional<User> byToken(String token) {
        String username = tx.executeRead(status -> {
            try (PreparedStatement ps = status.getConnection().prepareStatement("SELECT username FROM api_token WHERE token_hash = ?")) {
                ps.setString(1, sha256(token));
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            } catch (SQLException e) {
                throw new StoreException("could not read the token: " + e.getMessage(), e);
            }
        });
        return username == null ? Optional.empty() : find(username);
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
