package dev.logflow.generator.rest;

import dev.logflow.generator.config.GeneratorConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

/**
 * Who may use the control endpoints, from {@code logflow.generator.control.*}. A CDI bean apart from the filter because
 * JAX-RS providers are built before the runtime configuration exists.
 */
@ApplicationScoped
public class ControlAccess {

    private static final String BEARER = "bearer ";

    /** Digest of the configured token, or null when none is set; the token itself is not kept. */
    private final byte[] expectedDigest;

    private final boolean openWithoutToken;

    ControlAccess(GeneratorConfig config) {
        this.expectedDigest = config.control()
                .token()
                .filter(token -> !token.isBlank())
                .map(ControlAccess::digest)
                .orElse(null);
        this.openWithoutToken = config.control().openWithoutToken();
    }

    /** What to do with a control request carrying this {@code Authorization} header (null when absent). */
    public Decision decide(String authorization) {
        if (expectedDigest == null) {
            return openWithoutToken ? Decision.ALLOW : Decision.DISABLED;
        }
        return matches(authorization) ? Decision.ALLOW : Decision.UNAUTHORIZED;
    }

    private boolean matches(String authorization) {
        if (authorization == null || !authorization.toLowerCase(Locale.ROOT).startsWith(BEARER)) {
            return false;
        }
        String given = authorization.substring(BEARER.length()).strip();
        // Equal-length digests compared in constant time reveal neither the token's length nor a matching prefix.
        return MessageDigest.isEqual(expectedDigest, digest(given));
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }

    /** Outcome of {@link #decide(String)}. */
    public enum Decision {
        /** Let the request through. */
        ALLOW,
        /** A token is set and the request did not carry it: 401. */
        UNAUTHORIZED,
        /** No token is set and the control API is closed without one: 403. */
        DISABLED
    }
}
