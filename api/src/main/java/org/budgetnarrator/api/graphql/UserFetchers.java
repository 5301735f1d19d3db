package org.budgetnarrator.api.graphql;

import graphql.schema.DataFetcher;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.budgetnarrator.api.security.Access;
import org.budgetnarrator.model.store.UserStore;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/** The signed-in user, users (admin) and API tokens. */
@Singleton
public class UserFetchers {

    private static final Set<String> ROLES = Set.of("VIEWER", "OFFICER", "ADMIN");

    private final UserStore users;
    private final Executor executor;

    public UserFetchers(UserStore users, @Named(TaskExecutors.BLOCKING) Executor executor) {
        this.users = users;
        this.executor = executor;
    }

    DataFetcher<Map<String, Object>> me() {
        return env -> {
            Authentication a = Access.user(env);
            if (a == null) {
                return null;
            }
            Map<String, Object> out = new HashMap<>();
            out.put("username", a.getName());
            out.put("role", a.getRoles().stream().findFirst().orElse(null));
            out.put("departmentCode", a.getAttributes().get(Access.DEPARTMENT));
            return out;
        };
    }

    DataFetcher<CompletableFuture<List<Map<String, Object>>>> list() {
        return env -> {
            Access.admin(env);
            return Blocking.run(() -> users.all().stream().map(UserFetchers::user).toList(), executor);
        };
    }

    DataFetcher<CompletableFuture<Map<String, Object>>> create() {
        return env -> {
            String username = env.getArgument("username");
            String password = env.getArgument("password");
            String role = env.getArgument("role");
            String department = env.getArgument("departmentCode");
            if (username == null || !username.matches("[A-Za-z0-9_.@\\-]{2,100}")) {
                throw new BadInputException("username: 2 to 100 letters, digits, '.', '_', '-' or '@'");
            }
            if (password == null || password.length() < 10) {
                throw new BadInputException("password: at least 10 characters");
            }
            if (!ROLES.contains(role)) {
                throw new BadInputException("role: one of " + ROLES);
            }
            if (role.equals("OFFICER") && (department == null || department.isBlank())) {
                throw new BadInputException("departmentCode: an officer belongs to one department");
            }
            return Blocking.run(() -> {
                if (users.exists(username)) {
                    throw new BadInputException("username: \"" + username + "\" exists already");
                }
                users.create(username, password, role, role.equals("OFFICER") ? department : null);
                return user(users.find(username).orElseThrow());
            }, executor);
        };
    }

    DataFetcher<CompletableFuture<String>> createToken() {
        return env -> {
            Authentication a = Access.signedIn(env);
            String name = env.getArgument("name");
            if (name == null || name.isBlank() || name.length() > 100) {
                throw new BadInputException("name: what the token is for, at most 100 characters");
            }
            return Blocking.run(() -> users.createToken(a.getName(), name.strip()), executor);
        };
    }

    private static Map<String, Object> user(UserStore.User u) {
        Map<String, Object> out = new HashMap<>();
        out.put("username", u.username());
        out.put("role", u.role());
        out.put("departmentCode", u.departmentCode());
        return out;
    }
}
