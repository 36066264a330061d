package io.safetyhub.adapter.mqtt;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.safetyhub.adapter.credential.CredentialRepository;
import io.safetyhub.adapter.credential.DeviceCredentials;
import io.safetyhub.adapter.credential.PasswordHasher;
import io.safetyhub.adapter.device.Device;
import io.safetyhub.adapter.device.DeviceKind;
import io.safetyhub.adapter.device.DeviceRegistry;
import io.safetyhub.adapter.device.DeviceRepository;
import io.safetyhub.adapter.testing.DeviceTlsResource;
import io.safetyhub.adapter.testing.MqttDevices;
import io.safetyhub.adapter.testing.Registration;
import io.safetyhub.adapter.testing.TestDevice;
import io.safetyhub.adapter.testing.TopicReader;
import io.safetyhub.devstack.testing.RealInfraResource;
import io.safetyhub.events.Reading;
import io.safetyhub.events.Topics;
import io.safetyhub.events.serde.ReadingDeserializer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A device registered through another replica (written to MongoDB, not to this replica's registry copy, as the other
 * replica's API does) logs in here at once and its readings flow: failover must not wait for the registry re-read.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfraResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = DeviceTlsResource.class, restrictToAnnotatedClass = false)
class OtherReplicaRegistrationIT {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    DeviceRepository devices;

    @Inject
    CredentialRepository credentials;

    @Inject
    PasswordHasher hasher;

    @Inject
    DeviceRegistry registry;

    @Inject
    MqttDevices mqtt;

    @Test
    void shouldLetTheDeviceInAtOnceWhenAnotherReplicaRegisteredItMomentsAgo() throws Exception {
        Device device = Registration.mqtt(TestDevice.uniqueId("GA"), "chem-banan-01", DeviceKind.GAS_ALARM);
        assertTrue(devices.insert(device), "written as another replica writes it");
        String secret = hasher.newSecret();
        Instant now = Instant.now();
        credentials.setPassword(device.id(), new DeviceCredentials.Password(hasher.hash(secret), now,
                now.plus(Duration.ofDays(1))));
        assertTrue(registry.byId(device.id()).isEmpty(), "this replica has not re-read the registry yet");

        String ts = Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
        try (TopicReader<Reading> readings = new TopicReader<>(Topics.READINGS, new ReadingDeserializer());
             TestDevice alarm = new TestDevice(mqtt.plainUrl(), "chem-banan-01", "gas-alarm", device.id(), secret)) {
            assertEquals(0, alarm.publishTelemetry("{\"ts\":\"" + ts
                    + "\",\"readings\":[{\"metric\":\"gas_lel\",\"value\":3,\"unit\":\"%LEL\"}]}"));

            assertEquals(3, readings.awaitOne(r -> device.id().equals(r.key()), WAIT).value().value());
        }
        assertTrue(registry.byId(device.id()).isPresent(), "the device joined this replica's copy");
    }
}
