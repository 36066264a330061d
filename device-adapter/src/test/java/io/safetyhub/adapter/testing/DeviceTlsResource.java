package io.safetyhub.adapter.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * Turns on the adapter's TLS listener for the test application: a device CA and a server certificate it issued, written
 * as PEM under {@code target/}; the CA's files are handed to the tests (system properties) so that they can issue
 * device certificates. Applied to every test class, so all of them still share one application.
 */
public class DeviceTlsResource implements QuarkusTestResourceLifecycleManager {
    public static final String CA_CERTIFICATE = "safetyhub.test.mqtt.ca-certificate";
    public static final String CA_KEY = "safetyhub.test.mqtt.ca-key";

    @Override
    public Map<String, String> start() {
        Path dir = Path.of("target", "mqtt-pki-" + UUID.randomUUID());
        TestPki.Issued ca = TestPki.ca("SafetyHub test device CA");
        TestPki.Issued server = TestPki.issue(ca, "device-adapter", "127.0.0.1", Duration.ofDays(1));
        Path caCert = TestPki.write(dir.resolve("ca.pem"), ca.certificatePem());
        System.setProperty(CA_CERTIFICATE, caCert.toAbsolutePath().toString());
        System.setProperty(CA_KEY, TestPki.write(dir.resolve("ca.key"), ca.keyPem()).toAbsolutePath().toString());
        return Map.of(
                "adapter.mqtt.tls.enabled", "true",
                "adapter.mqtt.tls.host", "127.0.0.1",
                "adapter.mqtt.tls.port", "0",
                "adapter.mqtt.tls.certificate", TestPki.write(dir.resolve("server.pem"), server.certificatePem()
                        + ca.certificatePem()).toAbsolutePath().toString(),
                "adapter.mqtt.tls.key", TestPki.write(dir.resolve("server.key"), server.keyPem()).toAbsolutePath().toString(),
                "adapter.mqtt.tls.client-ca", caCert.toAbsolutePath().toString());
    }

    @Override
    public void stop() {
        System.clearProperty(CA_CERTIFICATE);
        System.clearProperty(CA_KEY);
    }

    /** The test device CA, read back from the files {@link #start()} wrote. */
    public static TestPki.Issued ca() {
        return TestPki.read(Path.of(System.getProperty(CA_CERTIFICATE)), Path.of(System.getProperty(CA_KEY)));
    }
}
