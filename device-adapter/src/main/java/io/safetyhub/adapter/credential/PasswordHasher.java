package io.safetyhub.adapter.credential;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * Device passwords as the registry keeps them: PBKDF2 with HMAC-SHA-256 from the JDK, a 16-byte random salt per
 * password, {@code iterations} rounds (stored with the hash, so that raising the setting later leaves existing
 * passwords valid). The secrets themselves are {@link #newSecret() generated}: 24 random bytes, 192 bits, far beyond
 * guessing whatever the hash costs; the slow hash protects them if the database is ever read by someone else.
 */
public final class PasswordHasher {
    public static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    private static final int SECRET_BYTES = 24;

    private final SecureRandom random = new SecureRandom();
    private final int iterations;

    public PasswordHasher(int iterations) {
        if (iterations < 10_000) {
            throw new IllegalArgumentException("PBKDF2 iterations must be at least 10000, was " + iterations);
        }
        this.iterations = iterations;
    }

    /** A new device secret: 32 characters of URL-safe Base64, shown to the operator once. */
    public String newSecret() {
        byte[] secret = new byte[SECRET_BYTES];
        random.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    public PasswordHash hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return new PasswordHash(ALGORITHM, iterations, salt, derive(password, salt, iterations));
    }

    /** Constant-time comparison; false for a hash of another algorithm. */
    public boolean matches(String password, PasswordHash stored) {
        if (password == null || !ALGORITHM.equals(stored.algorithm())) {
            return false;
        }
        return MessageDigest.isEqual(derive(password, stored.salt(), stored.iterations()), stored.hash());
    }

    private static byte[] derive(String password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is not available in this JVM", e);
        } finally {
            spec.clearPassword();
        }
    }

    /** A stored password: algorithm, rounds, salt and derived key. */
    public record PasswordHash(String algorithm, int iterations, byte[] salt, byte[] hash) {
        public PasswordHash {
            salt = salt.clone();
            hash = hash.clone();
        }

        @Override
        public byte[] salt() {
            return salt.clone();
        }

        @Override
        public byte[] hash() {
            return hash.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof PasswordHash p && algorithm.equals(p.algorithm) && iterations == p.iterations
                    && Arrays.equals(salt, p.salt) && Arrays.equals(hash, p.hash);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(hash) + iterations;
        }

        @Override
        public String toString() {
            return "PasswordHash[" + algorithm + ", " + iterations + " rounds]";
        }
    }
}
