package org.budgetnarrator.api.ops;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import jakarta.inject.Singleton;
import org.budgetnarrator.model.db.StatementCounter;

/**
 * SQL statements the instance has sent, on /prometheus: divided by requests it is statements per request, the
 * figure that shows a nested query is batched (it must not grow with the page size).
 */
@Singleton
public class DatabaseMetrics implements MeterBinder {

    @Override
    public void bindTo(MeterRegistry registry) {
        FunctionCounter.builder("narrator.sql.statements", StatementCounter.class, c -> StatementCounter.count())
                .description("SQL statements executed through the application's connections (pool liveness checks excluded)")
                .register(registry);
    }
}
