package io.safetyhub.e2e;

import io.restassured.RestAssured;
import io.safetyhub.devstack.testing.TestInfra;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The simulator's scenarios, every hop real (simulator -> MQTT -> device-adapter -> Kafka -> warning-service
 * -> MongoDB -> gateway with Keycloak tokens), each producing the alarm domain.md's defaults call for.
 * <p>
 * A scenario runs for 8 s, so the four tests run two at a time: the only concurrent tests of the module (see
 * junit-platform.properties; the class still runs alone, after the previous one). Each test locks the demo devices
 * its scenario drives, since two scenarios on one device would interleave their readings (gale's 50 % load would
 * clear crane-overload's alarm, device-offline's normal GA-0001 readings the gas leak); the pairs that may meet
 * drive different devices of different enterprises under different rules.
 */
class ScenarioAlarmsIT {
    private static final String GA_0001 = "device GA-0001";
    private static final String GA_0002 = "device GA-0002";
    private static final String TC_0001 = "device TC-0001";

    private static final Duration PATH_TIMEOUT = Duration.ofSeconds(60);
    /**
     * A message per device every 250 ms: the scenarios are scripts of messages (two per step, the last step from the
     * seventh), not of seconds. The simulator's --duration also counts its MQTT connect, which takes seconds on a busy
     * machine: 8 s at 250 ms leaves more messages after any connect delay than the former 10 s at 1 s did.
     */
    private static final String INTERVAL = "0.25";

    private static final List<String> APPS = List.of("enterprise-service", "device-adapter", "warning-service",
            "gateway");
    @BeforeAll
    static void startPlatform() {
        RestAssured.baseURI = E2ePlatform.start(APPS).get("gateway");
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT)
    @ResourceLock(GA_0001)
    void shouldRaiseAnOrangeGasAlarmWhenTheGasLeakScenarioPasses50PercentLel() throws Exception {
        simulate("gas-leak", "--duration", "8");
        await().atMost(PATH_TIMEOUT).untilAsserted(() ->
                given().auth().oauth2(TestInfra.shared().token("ent.chem"))
                        .queryParam("status", "ACTIVE").when().get("/api/alarms")
                        .then().statusCode(200)
                        .body("items.find { it.deviceId == 'GA-0001' && it.ruleId == 'default-gas-lel' }.level",
                                equalTo("ORANGE")));
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT)
    @ResourceLock(TC_0001)
    void shouldRaiseAnOrangeLoadAlarmOnlyForTheBuilderWhenTheCraneIsOverloaded() throws Exception {
        simulate("crane-overload", "--duration", "8");
        await().atMost(PATH_TIMEOUT).untilAsserted(() ->
                given().auth().oauth2(TestInfra.shared().token("ent.build"))
                        .when().get("/api/alarms")
                        .then().statusCode(200)
                        // 105 % of the rated load: past the 100 % limiter (II), short of 110 % (I), GB 5144-2006.
                        .body("items.find { it.deviceId == 'TC-0001' && it.ruleId == 'default-crane-load-ratio' }"
                                + ".level", equalTo("ORANGE")));
        given().auth().oauth2(TestInfra.shared().token("ent.chem")).when().get("/api/alarms")
                .then().statusCode(200).body("items.deviceId", not(hasItem("TC-0001")));
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT)
    @ResourceLock(TC_0001)
    void shouldRaiseAnOrangeWindAlarmWhenTheGaleScenarioReachesBeaufortSix() throws Exception {
        simulate("gale", "--duration", "8");
        await().atMost(PATH_TIMEOUT).untilAsserted(() ->
                given().auth().oauth2(TestInfra.shared().token("ent.build"))
                        .when().get("/api/alarms")
                        .then().statusCode(200)
                        // 12 m/s: past 10.8 (Beaufort 6, stop lifting), short of 13.9 (JGJ 276-2012 3.0.12).
                        .body("items.find { it.deviceId == 'TC-0001' && it.ruleId == 'default-crane-wind-speed' }"
                                + ".level", equalTo("ORANGE")));
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT)
    @ResourceLock(GA_0001)
    @ResourceLock(GA_0002)
    void shouldRaiseAnOfflineAlarmWhenTheDeviceOfflineScenarioDropsGa0002() throws Exception {
        simulate("device-offline", "--offline-after", "1", "--offline-mode", "will", "--duration", "8");
        await().atMost(PATH_TIMEOUT).untilAsserted(() ->
                given().auth().oauth2(TestInfra.shared().token("reg.banan"))
                        .when().get("/api/alarms")
                        .then().statusCode(200)
                        .body("items.find { it.deviceId == 'GA-0002' && it.kind == 'OFFLINE' }.level",
                                equalTo("BLUE")));
    }

    private static void simulate(String scenario, String... extra) throws Exception {
        List<String> command = new ArrayList<>(List.of(java(), "-jar",
                root().resolve("simulator/target/simulator.jar").toString(), "--mqtt", TestInfra.shared().mqttUrl(),
                "--password", io.safetyhub.devstack.Platform.DEMO_DEVICE_PASSWORD, "--state-dir", "none",
                "--scenario", scenario, "--interval", INTERVAL));
        command.addAll(List.of(extra));
        Process simulator = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(TestInfra.shared().home().resolve("logs/simulator-" + scenario + ".log").toFile())
                .start();
        assertTrue(simulator.waitFor(60, TimeUnit.SECONDS), "the simulator did not finish " + scenario);
        assertEquals(0, simulator.exitValue(), "the simulator failed; see simulator-" + scenario + ".log");
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static Path root() {
        String root = System.getProperty("safetyhub.root");
        return root != null ? Path.of(root) : new File("..").toPath().toAbsolutePath().normalize();
    }
}
