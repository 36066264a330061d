package io.safetyhub.adapter.opcua;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.safetyhub.adapter.device.Device;
import io.safetyhub.adapter.device.DeviceKind;
import io.safetyhub.adapter.device.DeviceService;
import io.safetyhub.adapter.device.Protocol;
import io.safetyhub.platform.Caller;
import io.safetyhub.adapter.testing.TestDevice;
import io.safetyhub.adapter.testing.TopicReader;
import io.safetyhub.devstack.testing.RealInfraResource;
import io.safetyhub.events.Reading;
import io.safetyhub.events.Topics;
import io.safetyhub.events.serde.ReadingDeserializer;
import io.safetyhub.simulator.opcua.ServerSecurity;
import io.safetyhub.simulator.opcua.TankFarmServer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Basic256Sha256 SignAndEncrypt with a user name, end to end: the simulator's tank farm offers it beside None, the
 * adapter's endpoint configuration demands it, readings arrive on Kafka over the secure session; an endpoint
 * configured with a wrong password shows IDENTITY_REJECTED in readiness and metrics while the other keeps flowing.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfraResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = SecureEndpointResource.class, restrictToAnnotatedClass = false)
class OpcUaSecurityIT {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Caller OPERATOR = new Caller("test-operator", false, false, true, null, null, null, null);

    @Inject
    DeviceService devices;

    @TempDir
    Path serverPki;

    @Test
    void shouldDeliverReadingsOverASecureSessionAndReportAWrongPasswordWhenConfigured() throws Exception {
        int securePort = Integer.getInteger(SecureEndpointResource.SECURE_PORT);
        int wrongPort = Integer.getInteger(SecureEndpointResource.WRONG_PASSWORD_PORT);
        ServerSecurity security = new ServerSecurity(serverPki,
                Map.of(SecureEndpointResource.USER, SecureEndpointResource.PASSWORD));
        String secureDevice = TestDevice.uniqueId("GD");
        String refusedDevice = TestDevice.uniqueId("GD");
        try (TankFarmServer secure = TankFarmServer.start(securePort, security);
             TankFarmServer refusing = TankFarmServer.start(wrongPort, security);
             TopicReader<Reading> readings = new TopicReader<>(Topics.READINGS, new ReadingDeserializer())) {
            devices.registerIfAbsent(detector(secureDevice, secure.endpointUrl()));
            devices.registerIfAbsent(detector(refusedDevice, refusing.endpointUrl()));
            secure.set("GD101/gas_lel", 21.5);

            Reading reading = readings.awaitOne(r -> secureDevice.equals(r.key()) && r.value().value() == 21.5, WAIT).value();
            assertEquals("%LEL", reading.unit());

            await().atMost(WAIT).untilAsserted(() -> {
                Map<String, String> states = given().get("/q/health/ready").jsonPath()
                        .getMap("checks.find { it.name == 'opc-ua' }.data", String.class, String.class);
                assertEquals("ACTIVE", states.get(secure.endpointUrl()));
                assertEquals("IDENTITY_REJECTED", states.get(refusing.endpointUrl()));
            });
            given().get("/q/metrics").then().body(containsString(
                    "safetyhub_adapter_opcua_session_state{endpoint=\"" + refusing.endpointUrl()
                            + "\",state=\"IDENTITY_REJECTED\"} 1.0"));

            secure.set("GD101/gas_lel", 22.5);
            readings.awaitOne(r -> secureDevice.equals(r.key()) && r.value().value() == 22.5, WAIT);
        } finally {
            devices.delete(OPERATOR, secureDevice);
            devices.delete(OPERATOR, refusedDevice);
        }
    }

    private static Device detector(String id, String endpoint) {
        Instant now = Instant.now();
        return new Device(id, "chem-banan-01", null, null, DeviceKind.GAS_DETECTOR, Protocol.OPC_UA, null, endpoint,
                Map.of("gas_lel", "ns=2;s=TankFarm/GD101/gas_lel"), Map.of("gas_lel", "%LEL"), 30, false, now, now);
    }
}
