package org.budgetnarrator.api.graphql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import jakarta.inject.Singleton;
import org.budgetnarrator.api.security.Access;
import org.budgetnarrator.model.store.UserStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Every mutation passes here: the access check for the department it changes, then the mutation, then a
 * line in the audit log (who, what, which department-year, outcome) — denied attempts included.
 */
@Singleton
public class MutationGuard {

    private static final Logger LOG = LoggerFactory.getLogger("narrator.audit");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Which department a mutation changes; null when it changes none. */
    interface Target {
        String department(DataFetchingEnvironment env);
    }

    private final UserStore users;

    public MutationGuard(UserStore users) {
        this.users = users;
    }

    /** A mutation on one department's data (the departmentCode argument). */
    <T> DataFetcher<Object> edit(String operation, DataFetcher<T> fetcher) {
        return guarded(operation, env -> env.getArgument("departmentCode"), (env, department) -> Access.edit(env, department), fetcher);
    }

    /** The import: its department is the one the document names. */
    <T> DataFetcher<Object> importing(DataFetcher<T> fetcher) {
        return guarded("importDepartmentYear", env -> documentDepartment(env.getArgument("document")), (env, department) -> {
            if (department == null) {
                // A document whose department cannot be read: the importer rejects it with its errors, storing nothing.
                Access.signedIn(env);
            } else {
                Access.edit(env, department);
            }
        }, fetcher);
    }

    /** A mutation that reads only (checkNarrative). */
    <T> DataFetcher<Object> reading(String operation, DataFetcher<T> fetcher) {
        return env -> {
            Access.readPublished(env);
            return fetcher.get(env);
        };
    }

    /**
     * A mutation that reads only what the caller sends (readReport): any signed-in user, as reading a file costs the
     * server work; nothing is logged, as nothing of anyone's data is read or changed.
     */
    <T> DataFetcher<Object> signedInReading(DataFetcher<T> fetcher) {
        return env -> {
            Access.signedIn(env);
            return fetcher.get(env);
        };
    }

    /** A signed-in user's own things (their API tokens); the fetcher checks ownership. */
    <T> DataFetcher<Object> own(String operation, DataFetcher<T> fetcher) {
        return guarded(operation, env -> null, (env, department) -> Access.signedIn(env), fetcher);
    }

    /** Administration. */
    <T> DataFetcher<Object> admin(String operation, DataFetcher<T> fetcher) {
        return guarded(operation, env -> null, (env, department) -> Access.admin(env), fetcher);
    }

    /** The access check of a mutation, given the department it changes. */
    private interface Check {
        void check(DataFetchingEnvironment env, String department);
    }

    private <T> DataFetcher<Object> guarded(String operation, Target target, Check check, DataFetcher<T> fetcher) {
        return env -> {
            String department = target.department(env);
            Integer year = env.getArgument("year");
            String who = Access.username(env);
            try {
                check.check(env, department);
            } catch (RuntimeException denied) {
                log(who, operation, department, year, "DENIED", denied.getMessage());
                throw denied;
            }
            Object result;
            try {
                result = fetcher.get(env);
            } catch (RuntimeException e) {
                log(who, operation, department, year, "FAILED", e.getMessage());
                throw e;
            }
            if (result instanceof CompletionStage<?> stage) {
                return stage.whenComplete((value, error) -> log(who, operation, department, year, error == null ? "OK" : "FAILED",
                        error == null ? null : error.getMessage()));
            }
            log(who, operation, department, year, "OK", null);
            return result;
        };
    }

    private void log(String who, String operation, String department, Integer year, String outcome, String detail) {
        LOG.info("{} {} {} {} {}{}", who == null ? "(anonymous)" : who, operation, department, year == null ? "" : year, outcome,
                detail == null ? "" : ": " + detail);
        try {
            users.log(who, operation, department, year, outcome, detail);
        } catch (RuntimeException e) {
            LOG.error("could not write the audit log", e);
        }
    }

    static String documentDepartment(String document) {
        try {
            JsonNode node = MAPPER.readTree(document);
            return node == null ? null : node.path("department").path("code").asText(null);
        } catch (Exception e) {
            return null;
        }
    }

    static CompletableFuture<Object> done(Object value) {
        return CompletableFuture.completedFuture(value);
    }
}
