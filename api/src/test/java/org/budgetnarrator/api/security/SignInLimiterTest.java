package org.budgetnarrator.api.security;

import com.github.benmanes.caffeine.cache.Ticker;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.simple.SimpleHttpRequest;
import io.micronaut.http.HttpMethod;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sign-in limits by themselves (the address dimension needs many client addresses, which one test client does
 * not have; SignInTest drives POST /login).
 */
class SignInLimiterTest {

    private final AtomicLong nanos = new AtomicLong(TimeUnit.HOURS.toNanos(1));
    private final Ticker ticker = nanos::get;

    private SignInLimiter limiter(int perPair, int perAddress, long tracked) {
        return new SignInLimiter(perPair, perAddress, tracked, ticker);
    }

    private static void fail(SignInLimiter limiter, String username, String address, int times) {
        for (int i = 0; i < times; i++) {
            limiter.admit(username, address);
        }
    }

    @Test
    void theRightUserFromAnotherAddressIsNotLockedOutBySomeoneElsesGuesses() {
        SignInLimiter limiter = limiter(10, 30, 1000);
        fail(limiter, "alice", "203.0.113.7", 25);
        Optional<Duration> wait = limiter.admit("alice", "203.0.113.7");
        assertTrue(wait.isPresent(), "the guessing address waits");
        assertTrue(wait.get().compareTo(Duration.ZERO) > 0 && wait.get().compareTo(Duration.ofMinutes(1)) <= 0, "wait " + wait);
        assertEquals(Optional.empty(), limiter.admit("alice", "198.51.100.20"), "alice from her own address");
    }

    @Test
    void oneAddressTryingManyUsersIsLimitedAndOtherAddressesAreNot() {
        SignInLimiter limiter = limiter(10, 30, 1000);
        for (int i = 0; i < 30; i++) {
            assertEquals(Optional.empty(), limiter.admit("user" + i, "203.0.113.7"), "failure " + i);
        }
        assertTrue(limiter.admit("someone-else", "203.0.113.7").isPresent(), "the 31st failure from one address in a minute");
        assertTrue(limiter.admitAddressOnly("203.0.113.7").isPresent(), "an over-long username from that address too");
        assertEquals(Optional.empty(), limiter.admit("someone-else", "198.51.100.20"));
    }

    @Test
    void anIpv6AddressCountsByItsSlash64() {
        SignInLimiter limiter = limiter(10, 5, 1000);
        for (int i = 0; i < 5; i++) {
            limiter.admit("user" + i, "2001:db8:1:2::" + Integer.toHexString(i + 1));
        }
        assertTrue(limiter.admit("user9", "2001:db8:1:2:ffff::1").isPresent(), "same /64");
        assertEquals(Optional.empty(), limiter.admit("user9", "2001:db8:1:3::1"), "another /64");
    }

    @Test
    void successesAreNotCountedAndClearTheirPair() {
        SignInLimiter limiter = limiter(10, 30, 1000);
        // Colleagues behind one address: 200 successful sign-ins in a minute.
        for (int i = 0; i < 200; i++) {
            assertEquals(Optional.empty(), limiter.admit("colleague" + (i % 40), "192.0.2.1"), "sign-in " + i);
            limiter.succeeded("colleague" + (i % 40), "192.0.2.1");
        }
        fail(limiter, "bob", "192.0.2.1", 9);
        limiter.succeeded("bob", "192.0.2.1");
        for (int i = 0; i < 10; i++) {
            assertEquals(Optional.empty(), limiter.admit("bob", "192.0.2.1"), "after a success the pair starts afresh: " + i);
        }
        assertTrue(limiter.admit("bob", "192.0.2.1").isPresent());
    }

    @Test
    void limitsEndAMinuteAfterTheFirstFailure() {
        SignInLimiter limiter = limiter(3, 30, 1000);
        fail(limiter, "carol", "192.0.2.9", 3);
        assertTrue(limiter.admit("carol", "192.0.2.9").isPresent());
        nanos.addAndGet(TimeUnit.SECONDS.toNanos(61));
        assertEquals(Optional.empty(), limiter.admit("carol", "192.0.2.9"));
    }

    @Test
    void memoryIsBoundedWhateverIsSent() {
        SignInLimiter limiter = limiter(10, 30, 1000);
        String longName = "u".repeat(100);
        for (int i = 0; i < 20_000; i++) {
            limiter.admit(longName + i, "10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255));
        }
        assertTrue(limiter.tracked() <= 2 * 1000, "keys held: " + limiter.tracked());
        nanos.addAndGet(TimeUnit.SECONDS.toNanos(61));
        assertEquals(0, limiter.tracked(), "everything expires after a minute");
    }

    @Test
    void forwardedForIsBelievedOnlyFromATrustedProxy() {
        ClientAddresses none = new ClientAddresses(List.of());
        ClientAddresses behindProxy = new ClientAddresses(List.of("10.0.0.5", "10.0.0.6"));
        assertEquals("10.0.0.5", none.of(from("10.0.0.5", "198.51.100.1")), "no trusted proxy: the peer");
        assertEquals("198.51.100.1", behindProxy.of(from("10.0.0.5", "198.51.100.1")));
        // A client's own X-Forwarded-For entries stand left of what the proxies append: the right-most untrusted one counts.
        assertEquals("198.51.100.1", behindProxy.of(from("10.0.0.5", "1.2.3.4, 198.51.100.1, 10.0.0.6")));
        assertEquals("192.0.2.44", behindProxy.of(from("192.0.2.44", "1.2.3.4")), "an untrusted peer's header is ignored");
    }

    private static HttpRequest<?> from(String peer, String forwardedFor) {
        return new SimpleHttpRequest<>(HttpMethod.POST, "/login", "") {
            @Override
            public InetSocketAddress getRemoteAddress() {
                return new InetSocketAddress(peer, 4242);
            }
        }.header("X-Forwarded-For", forwardedFor);
    }
}
