package org.budgetnarrator.api.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Failed sign-ins, counted so that the counting cannot be turned against users or against memory.
 * <ul>
 * <li>Per (user, address) pair: {@code narrator.security.sign-in-attempts-per-minute} (10) failures, then that pair
 * waits out the minute. Someone guessing a user's password from one address never locks that user out of another
 * address.</li>
 * <li>Per address: {@code narrator.security.sign-in-failures-per-address-per-minute} (30) failures over all users,
 * against one address trying many usernames. An IPv6 address counts by its /64 (one host's usual allocation).</li>
 * <li>Only failures count; a success clears its pair, so colleagues behind one NAT sign in freely.</li>
 * <li>Memory is bounded whatever is sent: keys are 128-bit digests (never the username itself), each map holds at
 * most {@code narrator.security.sign-in-tracked} (100,000) keys, and a key expires a minute after its first
 * failure.</li>
 * </ul>
 * An attempt is counted as a failure when it is admitted, before the slow password check, and taken back on
 * success: otherwise parallel guesses would all pass the check before any of them was counted. Counts are per
 * instance (several instances each allow the figures above).
 */
@Singleton
public class SignInLimiter {

    private static final long WINDOW_NANOS = TimeUnit.MINUTES.toNanos(1);

    /** A 128-bit digest standing for a username-and-address pair or an address. */
    record Key(long high, long low) {
    }

    /** Failures counted in a window that ends a minute after its first failure. */
    record Failures(int count, long windowEnds) {
    }

    private final int perPair;
    private final int perAddress;
    private final Ticker ticker;
    private final Cache<Key, Failures> pairs;
    private final Cache<Key, Failures> addresses;

    @Inject
    public SignInLimiter(@Value("${narrator.security.sign-in-attempts-per-minute:10}") int perPair,
                         @Value("${narrator.security.sign-in-failures-per-address-per-minute:30}") int perAddress,
                         @Value("${narrator.security.sign-in-tracked:100000}") long tracked) {
        this(perPair, perAddress, tracked, Ticker.systemTicker());
    }

    SignInLimiter(int perPair, int perAddress, long tracked, Ticker ticker) {
        if (perPair < 1 || perAddress < 1 || tracked < 1) {
            throw new IllegalArgumentException("narrator.security.sign-in-attempts-per-minute (" + perPair
                    + "), sign-in-failures-per-address-per-minute (" + perAddress + ") and sign-in-tracked (" + tracked
                    + ") must each be at least 1");
        }
        this.perPair = perPair;
        this.perAddress = perAddress;
        this.ticker = ticker;
        this.pairs = cache(tracked, ticker);
        this.addresses = cache(tracked, ticker);
    }

    private static Cache<Key, Failures> cache(long tracked, Ticker ticker) {
        return Caffeine.newBuilder()
                .maximumSize(tracked)
                .expireAfter(new Expiry<Key, Failures>() {
                    @Override
                    public long expireAfterCreate(Key key, Failures value, long now) {
                        return Math.max(0, value.windowEnds() - now);
                    }

                    @Override
                    public long expireAfterUpdate(Key key, Failures value, long now, long current) {
                        return Math.max(0, value.windowEnds() - now);
                    }

                    @Override
                    public long expireAfterRead(Key key, Failures value, long now, long current) {
                        return current;
                    }
                })
                .ticker(ticker)
                // Maintenance (eviction, expiry) on the calling thread: the bound holds when a call returns.
                .executor(Runnable::run)
                .build();
    }

    /**
     * Admits a sign-in attempt of this user from this address, counting it as a failure until {@link #succeeded}
     * takes it back. Empty when admitted; otherwise how long to wait.
     */
    public Optional<Duration> admit(String username, String address) {
        String network = network(address);
        Key byAddress = digest("address", network);
        long now = ticker.read();
        Optional<Duration> wait = tryCount(addresses, byAddress, perAddress, now);
        if (wait.isPresent()) {
            return wait;
        }
        wait = tryCount(pairs, digest("pair", username, network), perPair, now);
        if (wait.isPresent()) {
            uncount(byAddress);
        }
        return wait;
    }

    /** Admits an attempt that fails without looking at the username (too long to be one): counted for the address. */
    public Optional<Duration> admitAddressOnly(String address) {
        return tryCount(addresses, digest("address", network(address)), perAddress, ticker.read());
    }

    /** The attempt admitted by {@link #admit} succeeded: it is not a failure, and the pair starts afresh. */
    public void succeeded(String username, String address) {
        String network = network(address);
        pairs.invalidate(digest("pair", username, network));
        uncount(digest("address", network));
    }

    /** Keys held (pairs and addresses): bounded by twice {@code narrator.security.sign-in-tracked}. */
    public long tracked() {
        pairs.cleanUp();
        addresses.cleanUp();
        return pairs.estimatedSize() + addresses.estimatedSize();
    }

    /** Counts one more failure unless the limit is reached (atomically: parallel attempts cannot overshoot). */
    private static Optional<Duration> tryCount(Cache<Key, Failures> cache, Key key, int limit, long now) {
        Duration[] wait = {null};
        cache.asMap().compute(key, (k, f) -> {
            if (f == null || f.windowEnds() <= now) {
                return new Failures(1, now + WINDOW_NANOS);
            }
            if (f.count() >= limit) {
                // Whole seconds, rounded up: Retry-After carries seconds.
                wait[0] = Duration.ofSeconds(Math.max(1, (f.windowEnds() - now + 999_999_999L) / 1_000_000_000L));
                return f;
            }
            return new Failures(f.count() + 1, f.windowEnds());
        });
        return Optional.ofNullable(wait[0]);
    }

    private void uncount(Key key) {
        addresses.asMap().computeIfPresent(key, (k, f) -> f.count() <= 1 ? null : new Failures(f.count() - 1, f.windowEnds()));
    }

    /** The address as counted: IPv4 as it is, IPv6 by its /64. */
    static String network(String address) {
        if (address == null || address.indexOf(':') < 0) {
            return String.valueOf(address);
        }
        try {
            byte[] bytes = InetAddress.getByName(address).getAddress();
            if (bytes.length != 16) {
                return address;
            }
            ByteBuffer b = ByteBuffer.wrap(bytes);
            return Long.toHexString(b.getLong()) + "::/64";
        } catch (UnknownHostException e) {
            return address;
        }
    }

    private static Key digest(String... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                byte[] bytes = String.valueOf(part).getBytes(StandardCharsets.UTF_8);
                sha.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
                sha.update(bytes);
            }
            ByteBuffer d = ByteBuffer.wrap(sha.digest());
            return new Key(d.getLong(), d.getLong());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
