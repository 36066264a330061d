package io.safetyhub.simulator.mqtt;

import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateGenerator;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Period;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The {@code --tls-ca} option against a TLS endpoint in the JVM with a certificate made for the test. */
class MqttLinkTlsTest {
    private static final String TOPIC = "safetyhub/chem-banan-01/gas-alarm/GA-0001/telemetry";
    private static final String PASSWORD = "test-only";

    @TempDir
    Path dir;
    private TestEndpoint endpoint;

    @AfterEach
    void stop() throws Exception {
        endpoint.close();
    }

    @Test
    void shouldPublishOverTlsWhenTheCaFileTrustsTheEndpoint() throws Exception {
        X509Certificate certificate = endpointCertificate(dir.resolve("endpoint.pfx"), "test endpoint");
        Path ca = pem(certificate, dir.resolve("ca.pem"));
        endpoint = TestEndpoint.startTls(dir.resolve("endpoint.pfx"), PASSWORD);

        try (MqttLink link = connect(ca)) {
            link.publish(TOPIC, "over tls".getBytes(StandardCharsets.UTF_8), false).get(10, TimeUnit.SECONDS);
        }

        assertEquals("over tls", endpoint.received().get(0).payload());
    }

    @Test
    void shouldRefuseTheEndpointWhenTheCaFileDoesNotTrustIt() throws Exception {
        endpointCertificate(dir.resolve("endpoint.pfx"), "test endpoint");
        Path stranger = pem(endpointCertificate(dir.resolve("other.pfx"), "another CA"), dir.resolve("other-ca.pem"));
        endpoint = TestEndpoint.startTls(dir.resolve("endpoint.pfx"), PASSWORD);

        assertThrows(MqttException.class, () -> connect(stranger));
        assertEquals(0, endpoint.received().size());
    }

    private MqttLink connect(Path ca) throws MqttException {
        MqttEndpoint target = new MqttEndpoint("ssl://127.0.0.1:" + endpoint.port(), DeviceCredentials.none(),
                Optional.of(ca), Optional.empty(), Duration.ofMinutes(1), 100);
        return MqttLink.connect(target, "sim-GA-0001-tls", Optional.empty(), null, null, l -> { }, Duration.ofSeconds(10));
    }

    /**
     * A self-signed certificate for 127.0.0.1 named {@code name}, stored with its key as PKCS#12 at {@code store}. One
     * RSA key serves every certificate of the class (a key is slow to make; trust goes by certificate, and two
     * certificates of different names do not vouch for each other).
     */
    private static X509Certificate endpointCertificate(Path store, String name) throws Exception {
        KeyPair keys = keys();
        X509Certificate certificate = new SelfSignedCertificateBuilder(keys).setCommonName(name)
                .setApplicationUri("urn:safetyhub:test").addIpAddress("127.0.0.1").addDnsName("localhost")
                .setValidityPeriod(Period.ofDays(2)).build();
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        keyStore.load(null, null);
        keyStore.setKeyEntry("endpoint", keys.getPrivate(), PASSWORD.toCharArray(), new X509Certificate[]{certificate});
        try (OutputStream out = Files.newOutputStream(store)) {
            keyStore.store(out, PASSWORD.toCharArray());
        }
        return certificate;
    }

    private static KeyPair keyPair;

    private static synchronized KeyPair keys() throws Exception {
        if (keyPair == null) {
            keyPair = SelfSignedCertificateGenerator.generateRsaKeyPair(2048);
        }
        return keyPair;
    }

    private static Path pem(X509Certificate certificate, Path file) throws Exception {
        Files.writeString(file, "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(certificate.getEncoded())
                + "\n-----END CERTIFICATE-----\n");
        return file;
    }
}
