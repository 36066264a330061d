package io.safetyhub.adapter.opcua;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.safetyhub.adapter.device.Device;
import io.safetyhub.adapter.device.DeviceKind;
import io.safetyhub.adapter.device.DeviceService;
import io.safetyhub.adapter.device.Protocol;
import io.safetyhub.adapter.testing.TestDevice;
import io.safetyhub.adapter.testing.TopicReader;
import io.safetyhub.devstack.testing.RealInfraResource;
import io.safetyhub.events.DeviceStatus;
import io.safetyhub.events.Quality;
import io.safetyhub.events.Reading;
import io.safetyhub.events.Topics;
import io.safetyhub.events.serde.DeviceStatusDeserializer;
import io.safetyhub.events.serde.ReadingDeserializer;
import io.safetyhub.simulator.opcua.TankFarmServer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The simulator's tank-farm OPC UA server -> the adapter's Milo client -> real Kafka, through a server restart. */
@QuarkusTest
@QuarkusTestResource(value = RealInfraResource.class, restrictToAnnotatedClass = false)
class OpcUaToKafkaIT {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    DeviceService devices;

    @Test
    void shouldPublishNormalisedReadingsAndResubscribeWhenTheServerRestarts() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String deviceId = TestDevice.uniqueId("TK");
        TankFarmServer farm = TankFarmServer.start(port);
        try (TopicReader<Reading> readings = new TopicReader<>(Topics.READINGS, new ReadingDeserializer());
             TopicReader<DeviceStatus> statuses = new TopicReader<>(Topics.DEVICE_STATUS, new DeviceStatusDeserializer())) {
            Instant now = Instant.now();
            devices.registerIfAbsent(new Device(deviceId, "chem-banan-01", "MHS-chem-banan-01-01", 2, DeviceKind.TANK,
                    Protocol.OPC_UA, null, farm.endpointUrl(),
                    Map.of("pressure", "ns=2;s=TankFarm/T101/pressure", "level", "ns=2;s=TankFarm/T101/level"),
                    Map.of("pressure", "kPa", "level", "cm"), 30, false, now, now));
            farm.set("T101/pressure", 250);
            farm.set("T101/level", 640);

            Reading pressure = readings.awaitOne(r -> deviceId.equals(r.key()) && r.value().metric().equals("pressure")
                    && r.value().value() == 0.25, WAIT).value();
            assertEquals("MPa", pressure.unit());
            assertEquals(Quality.GOOD, pressure.quality());
            assertEquals("MHS-chem-banan-01-01", pressure.hazardSourceId());
            assertEquals("tank", pressure.deviceKind());
            readings.awaitOne(r -> deviceId.equals(r.key()) && r.value().metric().equals("level")
                    && r.value().value() == 6.4 && r.value().unit().equals("m"), WAIT);

            farm.close();
            DeviceStatus lost = statuses.awaitOne(r -> deviceId.equals(r.key()), WAIT).value();
            assertFalse(lost.online());
            assertEquals(DeviceStatus.Cause.SESSION_LOST, lost.cause());

            farm = TankFarmServer.start(port);
            farm.set("T101/pressure", 333);
            readings.awaitOne(r -> deviceId.equals(r.key()) && r.value().metric().equals("pressure")
                    && r.value().value() == 0.333, WAIT);
        } finally {
            farm.close();
        }
    }
}
