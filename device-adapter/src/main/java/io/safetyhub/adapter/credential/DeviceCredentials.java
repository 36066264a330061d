package io.safetyhub.adapter.credential;

import java.time.Instant;

/**
 * What the registry holds to authenticate one device (Mongo collection {@code device_credentials}, {@code _id} = the
 * device id): a password hash and/or a pinned client certificate. {@code version} grows with every change, so that a
 * connection made with credentials since replaced is noticed and closed.
 */
public record DeviceCredentials(String deviceId, long version, Password password, Certificate certificate) {

    /** A password as stored: never the secret itself. */
    public record Password(PasswordHasher.PasswordHash hash, Instant createdAt, Instant expiresAt) {
        public boolean expiredAt(Instant now) {
            return !now.isBefore(expiresAt);
        }
    }

    /**
     * A client certificate pinned to the device: its SHA-256 fingerprint, so that a rotated certificate retires the
     * old one although both carry the device id as subject CN.
     */
    public record Certificate(String sha256, String subject, Instant notBefore, Instant notAfter, Instant createdAt) {
        public boolean expiredAt(Instant now) {
            return !now.isBefore(notAfter);
        }
    }
}
