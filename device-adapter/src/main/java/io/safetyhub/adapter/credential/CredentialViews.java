package io.safetyhub.adapter.credential;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.time.Instant;

/** The records of the credentials API. Nothing here ever carries a stored hash. */
public final class CredentialViews {
    private CredentialViews() {
    }

    /** A device's credentials as an operator sees them: what exists and until when, never a secret. */
    public record CredentialsView(String deviceId, String username, PasswordView password, CertificateView certificate) {
    }

    public record PasswordView(Instant createdAt, Instant expiresAt, boolean expired) {
    }

    public record CertificateView(String subject, String sha256, Instant notBefore, Instant notAfter,
                                  Instant createdAt, boolean expired) {
    }

    /** The one answer that carries the secret, once: the MQTT user name and password of the device. */
    public record IssuedPassword(String deviceId, String username, String password, Instant expiresAt) {
        @Override
        public String toString() {
            return "IssuedPassword[" + deviceId + ", expires " + expiresAt + "]";
        }
    }

    /** A PEM X.509 certificate whose subject CN is the device's MQTT id, issued by the device CA. */
    public record CertificateRequest(@NotBlank @Size(max = 16384) String certificate) {
    }
}
