package org.budgetnarrator.api.graphql;

import graphql.schema.DataFetcher;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.budgetnarrator.api.security.Access;
import org.budgetnarrator.api.security.Caller;
import org.budgetnarrator.model.domain.Role;
import org.budgetnarrator.model.store.UserStore;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/** The signed-in user, accounts (admin) and API tokens. */
@Singleton
public class UserFetchers {

    /** GraphQL's User. */
    public record UserView(String username, Role role, String departmentCode, boolean disabled) {
        static UserView of(UserStore.User u) {
            return new UserView(u.username(), u.role(), u.departmentCode(), u.disabled());
        }
    }

    /** GraphQL's ApiToken. */
    public record ApiTokenView(String id, String username, String name, String createdAt, String expiresAt, String revokedAt,
                               boolean active) {
        static ApiTokenView of(UserStore.ApiToken t) {
            return new ApiTokenView(Long.toString(t.id()), t.username(), t.name(), t.createdAt().toString(), t.expiresAt().toString(),
                    t.revokedAt() == null ? null : t.revokedAt().toString(), t.active(Instant.now()));
        }
    }

    static final int MAX_TOKEN_DAYS = 365;

    private final UserStore users;
    private final Executor executor;
    private final int maxActiveTokens;

    public UserFetchers(UserStore users, @Named(TaskExecutors.BLOCKING) Executor executor,
                        @Value("${narrator.security.max-api-tokens:10}") int maxActiveTokens) {
        this.users = users;
        this.executor = executor;
        this.maxActiveTokens = maxActiveTokens;
    }

    DataFetcher<UserView> me() {
        return env -> {
            Caller c = Access.caller(env);
            return c == null ? null : new UserView(c.username(), c.role(), c.departmentCode(), false);
        };
    }

    DataFetcher<CompletableFuture<List<UserView>>> list() {
        return env -> {
            Access.admin(env);
            return Blocking.run(() -> users.all().stream().map(UserView::of).toList(), executor);
        };
    }

    DataFetcher<CompletableFuture<UserView>> create() {
        return env -> {
            String username = env.getArgument("username");
            String password = env.getArgument("password");
            Role role = role(env.getArgument("role"));
            String department = department(role, env.getArgument("departmentCode"));
            if (username == null || !username.matches("[A-Za-z0-9_.@\\-]{2,100}")) {
                throw new BadInputException("username: 2 to 100 letters, digits, '.', '_', '-' or '@'");
            }
            if (password == null || password.length() < 10 || password.length() > 1024) {
                throw new BadInputException("password: 10 to 1,024 characters");
            }
            return Blocking.run(() -> {
                if (users.exists(username)) {
                    throw new BadInputException("username: \"" + username + "\" exists already");
                }
                users.create(username, password, role, department);
                return UserView.of(users.find(username).orElseThrow());
            }, executor);
        };
    }

    DataFetcher<CompletableFuture<UserView>> setRole() {
        return env -> {
            Caller admin = Access.admin(env);
            String username = env.getArgument("username");
            Role role = role(env.getArgument("role"));
            String department = department(role, env.getArgument("departmentCode"));
            notSelf(admin, username, "change their own role");
            return Blocking.run(() -> UserView.of(users.changeRole(username, role, department).orElseThrow(() -> noUser(username))), executor);
        };
    }

    DataFetcher<CompletableFuture<UserView>> setDisabled() {
        return env -> {
            Caller admin = Access.admin(env);
            String username = env.getArgument("username");
            boolean disabled = Boolean.TRUE.equals(env.getArgument("disabled"));
            if (disabled) {
                notSelf(admin, username, "disable themselves");
            }
            return Blocking.run(() -> UserView.of(users.setDisabled(username, disabled).orElseThrow(() -> noUser(username))), executor);
        };
    }

    DataFetcher<CompletableFuture<Boolean>> delete() {
        return env -> {
            Caller admin = Access.admin(env);
            String username = env.getArgument("username");
            notSelf(admin, username, "delete themselves");
            return Blocking.run(() -> {
                if (!users.delete(username)) {
                    throw noUser(username);
                }
                return true;
            }, executor);
        };
    }

    DataFetcher<CompletableFuture<String>> createToken() {
        return env -> {
            Caller caller = Access.signedIn(env);
            // A leaked script token must not be able to mint more tokens (which would outlive its revocation).
            if (caller.via() != Caller.Via.SESSION) {
                throw new Access.PermissionDeniedException("API tokens are created from a signed-in session (POST /login), not with another API token");
            }
            String name = env.getArgument("name");
            if (name == null || name.isBlank() || name.length() > 100) {
                throw new BadInputException("name: what the token is for, at most 100 characters");
            }
            Integer days = env.getArgument("expiresInDays");
            int lifetime = days == null ? 90 : days;
            if (lifetime < 1 || lifetime > MAX_TOKEN_DAYS) {
                throw new BadInputException("expiresInDays: 1 to " + MAX_TOKEN_DAYS + ", got " + lifetime);
            }
            return Blocking.run(() -> {
                try {
                    return users.createToken(caller.username(), name.strip(), Instant.now().plus(Duration.ofDays(lifetime)), maxActiveTokens).secret();
                } catch (UserStore.TooManyTokensException e) {
                    throw new BadInputException(e.getMessage() + " (narrator.security.max-api-tokens: " + maxActiveTokens + ")");
                }
            }, executor);
        };
    }

    DataFetcher<CompletableFuture<List<ApiTokenView>>> tokens() {
        return env -> {
            Caller caller = Access.signedIn(env);
            String username = env.getArgument("username");
            if (username != null && !username.equals(caller.username())) {
                Access.admin(env);
            }
            String whose = username == null ? caller.username() : username;
            return Blocking.run(() -> users.tokens(whose).stream().map(ApiTokenView::of).toList(), executor);
        };
    }

    DataFetcher<CompletableFuture<ApiTokenView>> revokeToken() {
        return env -> {
            Caller caller = Access.signedIn(env);
            long id = tokenId(env.getArgument("id"));
            return Blocking.run(() -> {
                // Another user's token is "not found" rather than "denied", so ids reveal nothing to non-admins.
                UserStore.ApiToken token = users.token(id).filter(t -> caller.admin() || t.username().equals(caller.username()))
                        .orElseThrow(() -> new NotFoundException("no API token " + id + " of yours"));
                return ApiTokenView.of(users.revokeToken(token.id()).orElseThrow());
            }, executor);
        };
    }

    private static Role role(Object argument) {
        Role role = Role.parse(argument == null ? null : argument.toString());
        if (role == null) {
            throw new BadInputException("role: one of " + List.of(Role.values()));
        }
        return role;
    }

    private static String department(Role role, String department) {
        if (role != Role.OFFICER) {
            return null;
        }
        if (department == null || department.isBlank() || department.length() > 32) {
            throw new BadInputException("departmentCode: an officer belongs to one department (its code, at most 32 characters)");
        }
        return department;
    }

    private static void notSelf(Caller admin, String username, String what) {
        // The last administrator locking themselves out would leave nobody to manage accounts.
        if (admin.username().equals(username)) {
            throw new BadInputException("username: an administrator cannot " + what + "; another administrator can");
        }
    }

    private static long tokenId(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException | NullPointerException e) {
            throw new BadInputException("id: an API token's id as listed by apiTokens, got \"" + id + "\"");
        }
    }

    private static NotFoundException noUser(String username) {
        return new NotFoundException("no user \"" + username + "\"");
    }
}
