package org.budgetnarrator.api;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.budgetnarrator.model.domain.Role;
import org.budgetnarrator.api.security.SignInLimiter;
import org.budgetnarrator.model.store.UserStore;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * POST /login under attack and under honest load: nothing of a sign-in's input is kept, a guessed-at user still signs
 * in from their own address, successes are not limited, a missing user answers as slowly as a wrong password, and a
 * limited sign-in is told to wait (429, Retry-After). Other client addresses are real: the loopback network has
 * 127.0.0.0/8, and a socket bound to 127.0.0.2 connects from there.
 */
@MicronautTest(transactional = false)
@Property(name = "narrator.security.sign-in-failures-per-address-per-minute", value = "1000")
class SignInTest {

    @Inject
    EmbeddedServer server;

    @Inject
    UserStore users;

    @Inject
    SignInLimiter limiter;

    /** A status line, headers (lower-case names) and body. */
    record Answer(int status, Map<String, String> headers, String body) {
    }

    private Answer signIn(String from, String username, String password) throws IOException {
        return signIn(from, username, password, "");
    }

    private Answer signIn(String from, String username, String password, String extraHeaders) throws IOException {
        String body = "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", server.getPort()), 5000);
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nAccept: application/json\r\n"
                    + extraHeaders + "Content-Length: " + bytes.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String text = all.toString(StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            String[] lines = text.substring(0, end).split("\r\n");
            Map<String, String> headers = new LinkedHashMap<>();
            for (String line : Arrays.copyOfRange(lines, 1, lines.length)) {
                int colon = line.indexOf(':');
                headers.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
            }
            return new Answer(Integer.parseInt(lines[0].split(" ")[1]), headers, text.substring(end + 4));
        }
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    @Test
    void signInsWithMegabyteUsernamesLeaveNothingBehind() throws IOException {
        String megabyte = "u".repeat(1 << 20);
        signIn("127.0.0.1", "warm-up", "x");
        long trackedBefore = limiter.tracked();
        long heapBefore = usedHeapAfterGc();
        for (int i = 0; i < 60; i++) {
            Answer a = signIn("127.0.0.1", i + megabyte, "x");
            assertEquals(401, a.status(), "the same answer as wrong credentials: " + a);
        }
        long grown = usedHeapAfterGc() - heapBefore;
        // 60 usernames of 1 MB: keeping them would hold 60 MB.
        assertTrue(limiter.tracked() <= trackedBefore + 1, "the limiter holds " + limiter.tracked() + " keys, had " + trackedBefore);
        assertTrue(grown < 30L << 20, "the heap grew by " + (grown >> 20) + " MB");
        Answer longPassword = signIn("127.0.0.1", "warm-up", "p".repeat(1 << 20));
        assertEquals(401, longPassword.status(), longPassword.toString());
    }

    @Test
    void aUserGuessedAtFromOneAddressStillSignsInFromAnother() throws IOException {
        users.create("guessed-at", "the-right-password", Role.VIEWER, null);
        for (int i = 0; i < 10; i++) {
            assertEquals(401, signIn("127.0.0.3", "guessed-at", "wrong-" + i).status());
        }
        assertEquals(429, signIn("127.0.0.3", "guessed-at", "wrong-10").status());
        Answer limited = signIn("127.0.0.3", "guessed-at", "the-right-password");
        assertEquals(429, limited.status(), "the guessing address waits, even with the right password: " + limited);
        long retryAfter = Long.parseLong(limited.headers().get("retry-after"));
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
        assertTrue(limited.body().contains("too many failed sign-ins"), limited.body());
        Answer own = signIn("127.0.0.2", "guessed-at", "the-right-password");
        assertEquals(200, own.status(), "the user from their own address: " + own);
        assertTrue(own.body().contains("access_token"), own.body());
    }

    @Test
    void thirtySuccessfulSignInsFromOneAddressInAMinuteAllSucceed() throws IOException {
        for (int u = 0; u < 3; u++) {
            users.create("colleague-" + u, "the-right-password", Role.VIEWER, null);
        }
        for (int i = 0; i < 30; i++) {
            Answer a = signIn("127.0.0.4", "colleague-" + (i % 3), "the-right-password");
            assertEquals(200, a.status(), "sign-in " + (i + 1) + ": " + a);
        }
    }

    @Test
    void aMissingUserAnswersAsSlowlyAsAWrongPassword() throws IOException {
        users.create("existing-user", "the-right-password", Role.VIEWER, null);
        signIn("127.0.0.5", "warm-up-" + System.nanoTime(), "x");
        long[] existing = new long[7];
        long[] missing = new long[7];
        for (int i = 0; i < 7; i++) {
            // Different addresses keep each pair under its limit.
            long t0 = System.nanoTime();
            assertEquals(401, signIn("127.0.0." + (10 + i), "existing-user", "wrong-password").status());
            existing[i] = System.nanoTime() - t0;
            t0 = System.nanoTime();
            assertEquals(401, signIn("127.0.0." + (10 + i), "missing-user-" + i, "wrong-password").status());
            missing[i] = System.nanoTime() - t0;
        }
        Arrays.sort(existing);
        Arrays.sort(missing);
        double ratio = (double) existing[3] / missing[3];
        // Both hash the password (about 0.1 s); without that a missing user answers in a few milliseconds.
        assertTrue(ratio < 3 && ratio > 1 / 3.0, "median existing " + existing[3] / 1_000_000 + " ms, missing " + missing[3] / 1_000_000 + " ms");
    }

    @Test
    void forwardedForFromAnUntrustedClientIsIgnored() throws IOException {
        users.create("spoofed", "the-right-password", Role.VIEWER, null);
        for (int i = 0; i < 10; i++) {
            assertEquals(401, signIn("127.0.0.6", "spoofed", "wrong-" + i, "X-Forwarded-For: 198.51.100." + i + "\r\n").status());
        }
        Answer a = signIn("127.0.0.6", "spoofed", "the-right-password", "X-Forwarded-For: 198.51.100.99\r\n");
        assertEquals(429, a.status(), "the pair is limited whatever X-Forwarded-For says: " + a);
    }
}
