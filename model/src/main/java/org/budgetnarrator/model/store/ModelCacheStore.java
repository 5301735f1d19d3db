package org.budgetnarrator.model.store;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** Accepted model answers, keyed by a hash of (prompt version, model, request with its facts). */
@Singleton
public class ModelCacheStore {

    private final TransactionOperations<Connection> tx;
    private final Writes writes;

    public ModelCacheStore(TransactionOperations<Connection> tx, Writes writes) {
        this.tx = tx;
        this.writes = writes;
    }

    public Optional<String> get(String key) {
        return tx.executeRead(status -> {
            try (PreparedStatement ps = status.getConnection().prepareStatement("SELECT answer FROM model_cache WHERE cache_key = ?")) {
                ps.setString(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                }
            } catch (SQLException e) {
                throw new StoreException("could not read the model cache: " + e.getMessage(), e);
            }
        });
    }

    /** Stores an answer; a concurrent store of the same key keeps the first (both passed the guard for the same facts). */
    public void put(String key, String promptVersion, String model, String answer) {
        writes.run(status -> {
            try (PreparedStatement ps = status.getConnection().prepareStatement("INSERT INTO model_cache (cache_key, prompt_version, model, "
                    + "answer, created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (cache_key) DO NOTHING")) {
                ps.setString(1, key);
                ps.setString(2, promptVersion);
                ps.setString(3, model);
                ps.setString(4, answer);
                ps.setString(5, Instant.now().toString());
                ps.executeUpdate();
            } catch (SQLException e) {
                throw new StoreException("could not write the model cache: " + e.getMessage(), e);
            }
            return null;
        });
    }
}
