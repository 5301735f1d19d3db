package org.budgetnarrator.api.demo;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.budgetnarrator.model.domain.Role;
import org.budgetnarrator.model.store.UserStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * The embedded mode's demo users, created at start when absent and printed: an administrator, an officer
 * of Xianning and one of Hunan, and a viewer. Never in server mode.
 */
@Singleton
@Requires(property = "narrator.demo.enabled", value = "true")
@Requires(property = "narrator.mode", value = "embedded", defaultValue = "embedded")
public class DemoUsers implements ApplicationEventListener<StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(DemoUsers.class);
    private static final String[][] USERS = {{"admin", "ADMIN", null}, {"officer-xn", "OFFICER", "XN-WB"},
            {"officer-hn", "OFFICER", "HN-WB"}, {"viewer", "VIEWER", null}};

    private final UserStore users;
    private final String password;

    public DemoUsers(UserStore users, @Nullable @Value("${narrator.demo.password:}") String password) {
        this.users = users;
        this.password = password;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        List<String> created = new ArrayList<>();
        for (String[] u : USERS) {
            if (users.exists(u[0])) {
                continue;
            }
            String pw = password != null && !password.isBlank() ? password : random();
            users.create(u[0], pw, Role.valueOf(u[1]), u[2]);
            created.add(u[0] + " / " + pw + " (" + u[1] + (u[2] == null ? "" : " " + u[2]) + ")");
        }
        if (!created.isEmpty()) {
            LOG.info("Demo users created (sign in with POST /login): {}", String.join("; ", created));
        }
    }

    private static String random() {
        String letters = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        SecureRandom r = new SecureRandom();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 14; i++) {
            out.append(letters.charAt(r.nextInt(letters.length())));
        }
        return out.toString();
    }
}
