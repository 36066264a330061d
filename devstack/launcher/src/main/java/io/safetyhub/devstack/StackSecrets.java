package io.safetyhub.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Secrets one stack generates for itself, once, and keeps in its home ({@code secrets/}, readable by the owner
 * only), so that they survive {@code down}/{@code up} as the data they protect does. They reach a service through
 * its environment, never its command line (which {@code ps} shows).
 */
public final class StackSecrets {
    /** The environment variable enforcement-service reads its reporter-identity key from. */
    public static final String REPORTS_KEY_VARIABLE = "ENFORCEMENT_REPORTS_ENCRYPTION_KEY";

    private StackSecrets() {
    }

    /** The AES-256 key (Base64) that seals reporters' identities in enforcement-service, made on first use. */
    public static synchronized String reportsKey(StackHome home) {
        Path file = home.dir().resolve("secrets").resolve("enforcement-reports.key");
        try {
            if (Files.isRegularFile(file)) {
                return Files.readString(file, StandardCharsets.US_ASCII).strip();
            }
            Files.createDirectories(file.getParent());
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            String encoded = Base64.getEncoder().encodeToString(key);
            Files.writeString(file, encoded, StandardCharsets.US_ASCII);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // Not a POSIX file system (Windows): the home's own permissions are what protects it.
            }
            return encoded;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the stack's key in " + file, e);
        }
    }
}
