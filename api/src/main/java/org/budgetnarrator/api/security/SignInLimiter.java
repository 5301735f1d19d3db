package org.budgetnarrator.api.security;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Limits failed sign-in attempts per user and per address within a sliding minute
 * ({@code narrator.security.sign-in-attempts-per-minute}, default 10). A success clears the user's count.
 */
@Singleton
public class SignInLimiter {

    private final int perMinute;
    private final Clock clock;
    private final Map<String, Deque<Long>> attempts = new ConcurrentHashMap<>();

    public SignInLimiter(@Value("${narrator.security.sign-in-attempts-per-minute:10}") int perMinute) {
        this.perMinute = perMinute;
        this.clock = Clock.systemUTC();
    }

    public boolean allow(String username, String address) {
        long now = clock.millis();
        return record("user:" + username, now) && record("address:" + address, now);
    }

    public void succeeded(String username, String address) {
        attempts.remove("user:" + username);
    }

    private boolean record(String key, long now) {
        Deque<Long> times = attempts.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && now - times.peekFirst() > 60_000) {
                times.pollFirst();
            }
            if (times.size() >= perMinute) {
                return false;
            }
            times.addLast(now);
            return true;
        }
    }
}
