package io.safetyhub.adapter.mqtt;

import io.safetyhub.adapter.credential.ClientCertificates;
import io.safetyhub.adapter.credential.DeviceCredentials;
import io.safetyhub.adapter.credential.PasswordHasher;
import io.safetyhub.adapter.device.Device;
import io.safetyhub.adapter.device.DeviceKind;
import io.safetyhub.adapter.testing.Registration;
import io.safetyhub.adapter.testing.TestPki;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** Every way a CONNECT can end, against an in-memory registry and credential store. */
class DeviceAuthenticatorTest {
    private static final Instant NOW = Instant.parse("2026-11-22T08:00:00Z");
    private static final String STATUS = "safetyhub/chem-banan-01/gas-alarm/GA-0001/status";
    private final PasswordHasher hasher = new PasswordHasher(10_000);
    private final Map<String, Device> devices = new HashMap<>();
    private final Map<String, DeviceCredentials> credentials = new HashMap<>();
    private final DeviceAuthenticator authenticator = new DeviceAuthenticator(id -> Optional.ofNullable(devices.get(id)),
            id -> Optional.ofNullable(credentials.get(id)), hasher, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void shouldAdmitTheDeviceWhenItsPasswordIsRightAndValid() {
        register(Registration.mqtt("GA-0001", "chem-banan-01", DeviceKind.GAS_ALARM));
        password("GA-0001", "s3cret", NOW.plus(Duration.ofDays(1)));

        DeviceAuthenticator.Accepted accepted = assertInstanceOf(DeviceAuthenticator.Accepted.class,
                authenticator.authenticate(new DeviceAuthenticator.Attempt("GA-0001", "s3cret", null, STATUS)));
        assertEquals("GA-0001", accepted.device().id());
        assertEquals(DeviceAuthenticator.Method.PASSWORD, accepted.method());
        assertEquals(1, accepted.credentialVersion());
    }

    @Test
    void shouldRefuseWithTheReasonWhenTheLoginFails() {
        register(Registration.mqtt("GA-0001", "chem-banan-01", DeviceKind.GAS_ALARM));
        password("GA-0001", "s3cret", NOW.plus(Duration.ofDays(1)));
        register(Registration.mqtt("GA-0002", "chem-banan-01", DeviceKind.GAS_ALARM));
        register(Registration.disabled(Registration.mqtt("GA-0003", "chem-banan-01", DeviceKind.GAS_ALARM)));
        password("GA-0003", "s3cret", NOW.plus(Duration.ofDays(1)));
        register(Registration.mqtt("GA-0004", "chem-banan-01", DeviceKind.GAS_ALARM));
        password("GA-0004", "s3cret", NOW);

        assertRefused(ConnectRefusal.ANONYMOUS, null, null, null);
        assertRefused(ConnectRefusal.ANONYMOUS, "", "s3cret", null);
        assertRefused(ConnectRefusal.UNKNOWN_DEVICE, "GA-9999", "s3cret", null);
        assertRefused(ConnectRefusal.WRONG_PASSWORD, "GA-0001", "guess", null);
        assertRefused(ConnectRefusal.WRONG_PASSWORD, "GA-0001", null, null);
        assertRefused(ConnectRefusal.NO_PASSWORD, "GA-0002", "s3cret", null);
        assertRefused(ConnectRefusal.DISABLED, "GA-0003", "s3cret", null);
        assertRefused(ConnectRefusal.WRONG_PASSWORD, "GA-0003", "guess", null);
        assertRefused(ConnectRefusal.EXPIRED, "GA-0004", "s3cret", null);
        assertRefused(ConnectRefusal.FOREIGN_WILL, "GA-0001", "s3cret",
                "safetyhub/chem-banan-01/gas-alarm/GA-0002/status");
    }

    @Test
    void shouldAdmitByCertificateOnlyWhenItIsTheOnePinnedToTheDevice() {
        register(Registration.mqtt("GA-0001", "chem-banan-01", DeviceKind.GAS_ALARM));
        TestPki.Issued ca = TestPki.ca("device CA");
        TestPki.Issued pinned = TestPki.issue(ca, "GA-0001", null, Duration.ofDays(1));
        TestPki.Issued other = TestPki.issue(ca, "GA-0001", null, Duration.ofDays(1));
        credentials.put("GA-0001", new DeviceCredentials("GA-0001", 3, null, new DeviceCredentials.Certificate(
                ClientCertificates.sha256(pinned.certificate()), "CN=GA-0001", NOW, NOW.plus(Duration.ofDays(1)), NOW)));

        DeviceAuthenticator.Accepted accepted = assertInstanceOf(DeviceAuthenticator.Accepted.class,
                authenticator.authenticate(new DeviceAuthenticator.Attempt(null, null, pinned.certificate(), null)));
        assertEquals(DeviceAuthenticator.Method.CERTIFICATE, accepted.method());
        assertEquals(ConnectRefusal.CERTIFICATE_NOT_REGISTERED, refusal(new DeviceAuthenticator.Attempt(null, null,
                other.certificate(), null)), "same CA and CN, but rotated away");
        assertEquals(ConnectRefusal.USERNAME_MISMATCH, refusal(new DeviceAuthenticator.Attempt("GA-0002", null,
                pinned.certificate(), null)));
        assertEquals(ConnectRefusal.UNKNOWN_DEVICE, refusal(new DeviceAuthenticator.Attempt(null, null,
                TestPki.issue(ca, "GA-9999", null, Duration.ofDays(1)).certificate(), null)));
    }

    private void assertRefused(ConnectRefusal expected, String username, String password, String will) {
        assertEquals(expected, refusal(new DeviceAuthenticator.Attempt(username, password, null, will)),
                "login of " + username);
    }

    private ConnectRefusal refusal(DeviceAuthenticator.Attempt attempt) {
        return assertInstanceOf(DeviceAuthenticator.Refused.class, authenticator.authenticate(attempt)).reason();
    }

    private void register(Device device) {
        devices.put(device.mqttDeviceId(), device);
    }

    private void password(String deviceId, String secret, Instant expiresAt) {
        credentials.put(deviceId, new DeviceCredentials(deviceId, 1, new DeviceCredentials.Password(hasher.hash(secret),
                NOW.minus(Duration.ofDays(1)), expiresAt), null));
    }
}
