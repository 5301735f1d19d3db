package org.budgetnarrator.api.ops;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Readiness;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;

/** Readiness: the database answers and carries every migration this build ships. */
@Singleton
@Readiness
public class MigrationsHealth implements HealthIndicator {

    /** The newest migration of this build (db/migration/*&#47;V11__line_no_none.sql); OperationsTest holds it to the folder. */
    static final int LATEST = 11;

    private final TransactionOperations<Connection> tx;

    public MigrationsHealth(TransactionOperations<Connection> tx) {
        this.tx = tx;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        return Mono.fromCallable(this::check).subscribeOn(Schedulers.boundedElastic())
                .onErrorResume(e -> Mono.just(HealthResult.builder("migrations", HealthStatus.DOWN)
                        .details(Map.of("error", String.valueOf(e.getMessage()))).build()));
    }

    private HealthResult check() {
        int installed = tx.executeRead(status -> {
            try (Statement s = status.getConnection().createStatement();
                 ResultSet rs = s.executeQuery("SELECT version FROM flyway_schema_history WHERE success = TRUE")) {
                int max = 0;
                while (rs.next()) {
                    try {
                        max = Math.max(max, Integer.parseInt(rs.getString(1)));
                    } catch (NumberFormatException ignored) {
                        // a baseline or repeatable row
                    }
                }
                return max;
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        });
        return HealthResult.builder("migrations", installed >= LATEST ? HealthStatus.UP : HealthStatus.DOWN)
                .details(Map.of("installed", installed, "expected", LATEST)).build();
    }
}
