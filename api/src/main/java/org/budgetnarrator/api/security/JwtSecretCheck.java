package org.budgetnarrator.api.security;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.security.token.jwt.signature.secret.SecretSignatureConfiguration;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Refuses to start a server whose token secret is too short to sign with: HMAC-SHA256 (HS256) needs at least 256
 * bits, and a shorter NARRATOR_JWT_SECRET would otherwise start and then fail every sign-in with HTTP 500.
 * Commands that serve nothing (micronaut.server.enabled=false) sign no tokens and are not checked.
 */
@Context
@Requires(property = "micronaut.server.enabled", notEquals = "false")
public class JwtSecretCheck {

    /** 256 bits, HS256's key size (RFC 7518, section 3.2). */
    public static final int MIN_BYTES = 32;

    public JwtSecretCheck(List<SecretSignatureConfiguration> secrets) {
        for (SecretSignatureConfiguration s : secrets) {
            String secret = s.getSecret();
            int bytes = secret == null ? 0 : s.isBase64() ? decodedLength(secret) : secret.getBytes(StandardCharsets.UTF_8).length;
            if (bytes < MIN_BYTES) {
                throw new ConfigurationException("NARRATOR_JWT_SECRET (micronaut.security.token.jwt.signatures.secret."
                        + s.getName() + ".secret) is " + bytes + " bytes long; it must be at least " + MIN_BYTES
                        + " bytes (256 bits) to sign tokens with HS256. Generate one with: openssl rand -base64 48");
            }
        }
    }

    private static int decodedLength(String secret) {
        try {
            return Base64.getDecoder().decode(secret).length;
        } catch (IllegalArgumentException e) {
            return 0;
        }
    }
}
