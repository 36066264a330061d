package io.safetyhub.adapter.mqtt;

import io.safetyhub.adapter.credential.ClientCertificates;
import io.safetyhub.adapter.credential.DeviceCredentials;
import io.safetyhub.adapter.credential.PasswordHasher;
import io.safetyhub.adapter.device.Device;
import io.safetyhub.adapter.device.Protocol;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * Decides a CONNECT: who the device is (user name, or the subject CN of a client certificate the TLS listener has
 * already verified against the device CA) and whether its credentials hold. Blocking (a credential read, a slow
 * hash): called on a worker thread, never on the event loop.
 * <p>
 * The order of the checks gives a guesser nothing: an unknown device and a missing password cost the same hash as a
 * wrong one, and whether a device is disabled or its password expired is only told to whoever knows the password.
 */
public final class DeviceAuthenticator {

    /** What the device presented. {@code willTopic} is null without a will. */
    public record Attempt(String username, String password, X509Certificate certificate, String willTopic) {
        @Override
        public String toString() {
            return "Attempt[" + username + (certificate != null ? ", certificate" : "") + "]"; // never the password
        }
    }

    /** How a device proved who it is. */
    public enum Method { PASSWORD, CERTIFICATE }

    /** The outcome: a device and how it logged in, or why not; {@code subject} names it in logs (never a secret). */
    public sealed interface Outcome {
        String subject();
    }

    public record Accepted(Device device, Method method, long credentialVersion) implements Outcome {
        @Override
        public String subject() {
            return device.id();
        }
    }

    public record Refused(ConnectRefusal reason, String subject) implements Outcome {
    }

    private final Function<String, Optional<Device>> deviceByMqttId;
    private final Function<String, Optional<DeviceCredentials>> credentialsOf;
    private final PasswordHasher hasher;
    private final PasswordHasher.PasswordHash decoy;
    private final Clock clock;

    public DeviceAuthenticator(Function<String, Optional<Device>> deviceByMqttId,
                               Function<String, Optional<DeviceCredentials>> credentialsOf, PasswordHasher hasher,
                               Clock clock) {
        this.deviceByMqttId = deviceByMqttId;
        this.credentialsOf = credentialsOf;
        this.hasher = hasher;
        this.clock = clock;
        // Compared against when there is nothing to compare, so that a refusal always costs one hash.
        this.decoy = hasher.hash(hasher.newSecret());
    }

    public Outcome authenticate(Attempt attempt) {
        return attempt.certificate() != null ? byCertificate(attempt) : byPassword(attempt);
    }

    private Outcome byPassword(Attempt attempt) {
        String username = attempt.username();
        if (username == null || username.isEmpty()) {
            return new Refused(ConnectRefusal.ANONYMOUS, "anonymous");
        }
        Optional<Device> device = deviceByMqttId.apply(username).filter(d -> d.protocol() == Protocol.MQTT);
        Optional<DeviceCredentials> credentials = device.flatMap(d -> credentialsOf.apply(d.id()));
        DeviceCredentials.Password password = credentials.map(DeviceCredentials::password).orElse(null);
        boolean matches = hasher.matches(attempt.password(), password != null ? password.hash() : decoy);
        if (device.isEmpty()) {
            return new Refused(ConnectRefusal.UNKNOWN_DEVICE, username);
        }
        if (password == null) {
            return new Refused(ConnectRefusal.NO_PASSWORD, username);
        }
        if (!matches) {
            return new Refused(ConnectRefusal.WRONG_PASSWORD, username);
        }
        if (password.expiredAt(clock.instant())) {
            return new Refused(ConnectRefusal.EXPIRED, username);
        }
        return admitted(device.get(), Method.PASSWORD, credentials.get().version(), attempt);
    }

    private Outcome byCertificate(Attempt attempt) {
        X509Certificate certificate = attempt.certificate();
        String deviceId = ClientCertificates.commonName(certificate).orElse(null);
        String subject = deviceId != null ? deviceId : certificate.getSubjectX500Principal().getName();
        if (deviceId == null) {
            return new Refused(ConnectRefusal.CERTIFICATE_NOT_REGISTERED, subject);
        }
        if (attempt.username() != null && !attempt.username().isEmpty() && !attempt.username().equals(deviceId)) {
            return new Refused(ConnectRefusal.USERNAME_MISMATCH, subject);
        }
        Optional<Device> device = deviceByMqttId.apply(deviceId).filter(d -> d.protocol() == Protocol.MQTT);
        if (device.isEmpty()) {
            return new Refused(ConnectRefusal.UNKNOWN_DEVICE, subject);
        }
        Optional<DeviceCredentials> credentials = credentialsOf.apply(device.get().id());
        DeviceCredentials.Certificate pinned = credentials.map(DeviceCredentials::certificate).orElse(null);
        if (pinned == null || !pinned.sha256().equals(ClientCertificates.sha256(certificate))) {
            return new Refused(ConnectRefusal.CERTIFICATE_NOT_REGISTERED, subject);
        }
        Instant now = clock.instant();
        if (pinned.expiredAt(now)) {
            return new Refused(ConnectRefusal.EXPIRED, subject);
        }
        return admitted(device.get(), Method.CERTIFICATE, credentials.get().version(), attempt);
    }

    private static Outcome admitted(Device device, Method method, long version, Attempt attempt) {
        if (!device.enabled()) {
            return new Refused(ConnectRefusal.DISABLED, device.id());
        }
        if (attempt.willTopic() != null && !TopicPolicy.mayWill(device, attempt.willTopic())) {
            return new Refused(ConnectRefusal.FOREIGN_WILL, device.id());
        }
        return new Accepted(device, method, version);
    }
}
