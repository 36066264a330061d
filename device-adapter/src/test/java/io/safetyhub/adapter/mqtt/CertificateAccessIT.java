package io.safetyhub.adapter.mqtt;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.safetyhub.adapter.credential.CredentialService;
import io.safetyhub.adapter.device.DeviceKind;
import io.safetyhub.adapter.testing.DeviceTlsResource;
import io.safetyhub.adapter.testing.MqttDevices;
import io.safetyhub.adapter.testing.TestDevice;
import io.safetyhub.adapter.testing.TestPki;
import io.safetyhub.adapter.testing.TopicReader;
import io.safetyhub.devstack.testing.RealInfraResource;
import io.safetyhub.events.Reading;
import io.safetyhub.events.Topics;
import io.safetyhub.events.serde.ReadingDeserializer;
import jakarta.inject.Inject;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The TLS listener with client certificates, real Paho MQTT 5 over TLS: the pinned certificate of the device CA logs
 * the device in; one from another CA fails the handshake; a valid one of the right CA that is not pinned is refused;
 * a password works over TLS too.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfraResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = DeviceTlsResource.class, restrictToAnnotatedClass = false)
class CertificateAccessIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String READING = """
            {"ts":"2026-11-22T08:00:00.250Z","readings":[{"metric":"gas_lel","value":7,"unit":"%LEL"}]}""";

    @Inject
    MqttDevices mqtt;

    @Inject
    CredentialService credentials;

    @Test
    void shouldLogInWithThePinnedCertificateWhenItIsIssuedByTheDeviceCa() throws Exception {
        MqttDevices.Registered alarm = mqtt.register("GA", "chem-banan-01", DeviceKind.GAS_ALARM);
        TestPki.Issued ca = DeviceTlsResource.ca();
        TestPki.Issued certificate = TestPki.issue(ca, alarm.id(), null, Duration.ofDays(1));
        credentials.pinCertificate(MqttDevices.OPERATOR, alarm.id(), certificate.certificatePem());

        try (TopicReader<Reading> readings = new TopicReader<>(Topics.READINGS, new ReadingDeserializer());
             TestDevice device = overTls(alarm.id(), null, certificate, ca)) {
            assertEquals(0, device.publishTelemetry(READING));
            assertEquals(7.0, readings.awaitOne(r -> alarm.id().equals(r.key()), WAIT).value().value());
        }
    }

    @Test
    void shouldFailTheHandshakeWhenTheCertificateComesFromAnotherCa() {
        MqttDevices.Registered alarm = mqtt.register("GA", "chem-banan-01", DeviceKind.GAS_ALARM);
        TestPki.Issued impostor = TestPki.issue(TestPki.ca("another CA"), alarm.id(), null, Duration.ofDays(1));

        assertThrows(MqttException.class, () -> overTls(alarm.id(), null, impostor, DeviceTlsResource.ca()).close());
    }

    @Test
    void shouldRefuseACertificateOfTheRightCaWhenItIsNotThePinnedOne() throws Exception {
        MqttDevices.Registered alarm = mqtt.register("GA", "chem-banan-01", DeviceKind.GAS_ALARM);
        TestPki.Issued ca = DeviceTlsResource.ca();
        credentials.pinCertificate(MqttDevices.OPERATOR, alarm.id(),
                TestPki.issue(ca, alarm.id(), null, Duration.ofDays(1)).certificatePem());
        TestPki.Issued rotatedAway = TestPki.issue(ca, alarm.id(), null, Duration.ofDays(1));

        MqttException refused = assertThrows(MqttException.class,
                () -> overTls(alarm.id(), null, rotatedAway, ca).close());
        assertEquals(0x87, refused.getReasonCode());
    }

    @Test
    void shouldLogInWithThePasswordWhenTheDeviceUsesTlsWithoutACertificate() throws Exception {
        MqttDevices.Registered alarm = mqtt.register("GA", "chem-banan-01", DeviceKind.GAS_ALARM);
        try (TestDevice device = overTls(alarm.id(), alarm.password(), null, DeviceTlsResource.ca())) {
            assertEquals(0, device.publishTelemetry(READING));
        }
    }

    private TestDevice overTls(String deviceId, String password, TestPki.Issued certificate, TestPki.Issued ca)
            throws MqttException {
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setSocketFactory(TestPki.Issued.socketFactory(certificate, ca.certificate()));
        options.setHttpsHostnameVerificationEnabled(false);
        return new TestDevice(mqtt.tlsUrl(), "chem-banan-01", "gas-alarm", deviceId, password, options);
    }
}
