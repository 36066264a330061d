package io.safetyhub.e2e;

import io.restassured.RestAssured;
import io.safetyhub.devstack.testing.TestInfra;
import io.safetyhub.devstack.Platform;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The first real path, every hop real: an MQTT gas-leak alarm at 60 %LEL, logged in with its registered credentials
 * -> device-adapter (the MQTT endpoint, no broker) -> Kafka -> warning-service -> MongoDB, read through the gateway
 * with Keycloak tokens; and the door shut to anonymous and forged publishers.
 */
class GasAlarmPathIT {
    private static final Duration PATH_TIMEOUT = Duration.ofSeconds(60);
    private static Map<String, String> apps;

    @BeforeAll
    static void startPlatform() {
        apps = E2ePlatform.start(List.of("enterprise-service", "device-adapter", "warning-service",
                "gateway"));
        RestAssured.baseURI = apps.get("gateway");
    }

    @Test
    void shouldShowAnOrangeAlarmOnlyToItsEnterpriseWhenTheSimulatorPublishes60PercentLel() throws Exception {
        Process simulator = new ProcessBuilder(java(), "-jar", root().resolve("simulator/target/simulator.jar").toString(),
                "--mqtt", TestInfra.shared().mqttUrl(), "--password", Platform.DEMO_DEVICE_PASSWORD, "--state-dir", "none",
                "--scenario", "once", "--device", "GA-0001",
                "--enterprise", "chem-banan-01", "--kind", "gas-alarm", "--metric", "gas_lel", "--value", "60",
                "--unit", "%LEL")
                .redirectErrorStream(true)
                .redirectOutput(TestInfra.shared().home().resolve("logs/simulator-once.log").toFile())
                .start();
        assertTrue(simulator.waitFor(60, TimeUnit.SECONDS), "the simulator did not finish publishing");
        assertEquals(0, simulator.exitValue(), "the simulator failed; see simulator-once.log");

        await().atMost(PATH_TIMEOUT).untilAsserted(() ->
                given().auth().oauth2(TestInfra.shared().token("ent.chem"))
                        .queryParam("enterpriseId", "chem-banan-01")
                        .when().get("/api/alarms")
                        .then().statusCode(200)
                        .body("items.deviceId", hasItem("GA-0001"))
                        .body("items.find { it.deviceId == 'GA-0001' }.level", equalTo("ORANGE"))
                        .body("items.find { it.deviceId == 'GA-0001' }.levelRoman", equalTo("II"))
                        .body("items.find { it.deviceId == 'GA-0001' }.value", is(60.0f)));

        given().auth().oauth2(TestInfra.shared().token("ent.build"))
                .when().get("/api/alarms")
                .then().statusCode(200)
                .body("items.deviceId", not(hasItem("GA-0001")));
        given().when().get("/api/alarms")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void shouldRaiseTheSameAlarmWhenAnyMqttClientPublishesTheContractPayloadWithTheDevicesCredentials()
            throws Exception {
        try (DemoDevice device = DemoDevice.login("GA-0002")) {
            assertEquals(0, device.publishGasLel(DemoDevice.telemetryTopic("GA-0002"), 60));
        }

        await().atMost(PATH_TIMEOUT).untilAsserted(() ->
                given().auth().oauth2(TestInfra.shared().token("reg.banan"))
                        .when().get("/api/alarms")
                        .then().statusCode(200)
                        .body("items.find { it.deviceId == 'GA-0002' }.level", equalTo("ORANGE"))
                        .body("items.find { it.deviceId == 'GA-0002' }.district", equalTo("巴南区")));
    }

    @Test
    void shouldRefuseTheLoginWhenAClientConnectsAnonymouslyOrWithAWrongPassword() {
        MqttException anonymous = assertThrows(MqttException.class, () -> DemoDevice.login(null, null).close());
        assertEquals(0x87, anonymous.getReasonCode(), "CONNACK Not authorized");
        MqttException wrong = assertThrows(MqttException.class, () -> DemoDevice.login("GA-0001", "guess").close());
        assertEquals(0x86, wrong.getReasonCode(), "CONNACK Bad user name or password");
    }

    @Test
    void shouldKeepTheAlarmOpenWhenAnotherDevicesCredentialsForgeAClearingReading() throws Exception {
        try (DemoDevice victim = DemoDevice.login("GA-0003")) {
            assertEquals(0, victim.publishGasLel(DemoDevice.telemetryTopic("GA-0003"), 60));
        }
        await().atMost(PATH_TIMEOUT).untilAsserted(() -> assertOpenOrange("GA-0003"));

        try (DemoDevice forger = DemoDevice.login("GA-0001")) {
            assertEquals(DemoDevice.NOT_AUTHORIZED, forger.publishGasLel(DemoDevice.telemetryTopic("GA-0003"), 0),
                    "a 0 %LEL forged on GA-0003's topic would clear its alarm");
        }

        // Refused, so nothing reaches the engine: the alarm stays open and orange.
        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertOpenOrange("GA-0003"));
        await().atMost(PATH_TIMEOUT).until(() -> refusedPublishes(apps.get("device-adapter")) >= 1);
    }

    private static void assertOpenOrange(String deviceId) {
        given().auth().oauth2(TestInfra.shared().token("ent.chem"))
                .when().get("/api/alarms")
                .then().statusCode(200)
                .body("items.find { it.deviceId == '" + deviceId + "' && it.kind != 'OFFLINE' }.level",
                        equalTo("ORANGE"))
                .body("items.find { it.deviceId == '" + deviceId + "' && it.kind != 'OFFLINE' }.status",
                        equalTo("ACTIVE"));
    }

    /** The adapter's count of refused publishes, from its Prometheus page. */
    private static double refusedPublishes(String adapterUrl) {
        String metrics = given().baseUri(adapterUrl).when().get("/q/metrics").then().statusCode(200)
                .extract().asString();
        return metrics.lines().filter(line -> line.startsWith("safetyhub_adapter_mqtt_refused_total")
                        && line.contains("packet=\"publish\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static Path root() {
        String root = System.getProperty("safetyhub.root");
        return root != null ? Path.of(root) : new File("..").toPath().toAbsolutePath().normalize();
    }
}
