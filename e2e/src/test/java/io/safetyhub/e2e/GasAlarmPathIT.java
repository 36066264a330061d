package io.safetyhub.e2e;

import io.restassured.RestAssured;
import io.safetyhub.devstack.testing.TestInfra;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The first real path, every hop real: an MQTT gas-leak alarm at 60 %LEL -> MQTT broker -> device-adapter
 * -> Kafka -> warning-service -> MongoDB, read through the gateway with Keycloak tokens.
 */
class GasAlarmPathIT {
    private static final Duration PATH_TIMEOUT = Duration.ofSeconds(60);
    private static Map<String, String> apps;

    @BeforeAll
    static void startPlatform() {
        apps = TestInfra.shared().startPlatform(List.of("enterprise-service", "device-adapter", "warning-service",
                "gateway"));
        RestAssured.baseURI = apps.get("gateway");
    }

    @Test
    void shouldShowAnOrangeAlarmOnlyToItsEnterpriseWhenTheSimulatorPublishes60PercentLel() throws Exception {
        Process simulator = new ProcessBuilder(java(), "-jar", root().resolve("simulator/target/simulator.jar").toString(),
                "--mqtt", TestInfra.shared().mqttUrl(), "--scenario", "once", "--device", "GA-0001",
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
    void shouldRaiseTheSameAlarmWhenAnyMqttClientPublishesTheContractPayload() throws Exception {
        String ts = Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
        String payload = "{\"ts\":\"" + ts + "\",\"readings\":[{\"metric\":\"gas_lel\",\"value\":60,\"unit\":\"%LEL\"}]}";
        MqttClient client = new MqttClient(TestInfra.shared().mqttUrl(), "e2e-plain-client", new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        client.connect(options);
        MqttMessage message = new MqttMessage(payload.getBytes(StandardCharsets.UTF_8));
        message.setQos(1);
        client.publish("safetyhub/chem-banan-01/gas-alarm/GA-0002/telemetry", message);
        client.disconnect();
        client.close();

        await().atMost(PATH_TIMEOUT).untilAsserted(() ->
                given().auth().oauth2(TestInfra.shared().token("reg.banan"))
                        .when().get("/api/alarms")
                        .then().statusCode(200)
                        .body("items.find { it.deviceId == 'GA-0002' }.level", equalTo("ORANGE"))
                        .body("items.find { it.deviceId == 'GA-0002' }.district", equalTo("巴南区")));
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static Path root() {
        String root = System.getProperty("safetyhub.root");
        return root != null ? Path.of(root) : new File("..").toPath().toAbsolutePath().normalize();
    }
}
