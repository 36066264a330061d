package io.safetyhub.simulator.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.safetyhub.simulator.mqtt.TestEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The scripted scenarios against an MQTT endpoint in this JVM (Vert.x, as device-adapter's; it records every publish
 * and the last will of a dropped connection): what a device of each scenario puts on the wire.
 */
class ScenarioWireTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TestEndpoint endpoint;

    record Received(String topic, JsonNode body) {
    }

    @BeforeEach
    void listen() throws Exception {
        endpoint = TestEndpoint.start();
    }

    @AfterEach
    void stop() throws Exception {
        endpoint.close();
    }

    private List<Received> received() {
        return endpoint.received().stream().filter(r -> !r.payload().isEmpty())
                .map(r -> new Received(r.topic(), parse(r.payload()))).toList();
    }

    private static JsonNode parse(String payload) {
        try {
            return JSON.readTree(payload);
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + payload, e);
        }
    }

    @Test
    void shouldPublishTheLastWillWhenTheOfflineDeviceDropsItsConnection() throws Exception {
        Scenario scenario = new DeviceOfflineScenario(settings(), Duration.ofMillis(600),
                DeviceOfflineScenario.Mode.WILL, new Random(1));
        Thread runner = run(scenario, Duration.ofSeconds(4));

        Received will = arrival(r -> r.topic().equals("safetyhub/chem-banan-01/gas-alarm/GA-0002/status")
                && !r.body().path("online").asBoolean(true) && !r.body().has("ts"));
        assertNotNull(will, "no last will of GA-0002");
        int afterWill = received().indexOf(will);
        Received stillAlive = arrival(r -> received().indexOf(r) > afterWill
                && r.topic().equals("safetyhub/chem-banan-01/gas-alarm/GA-0001/telemetry"));
        assertNotNull(stillAlive, "GA-0001 stopped too");
        runner.join();
    }

    @Test
    void shouldReachOneHundredFivePercentWhenCraneIsOverloaded() throws Exception {
        Thread runner = run(CraneScenario.overload(settings()), Duration.ofSeconds(3));

        Received over = arrival(r -> r.topic().equals("safetyhub/build-yubei-01/tower-crane/TC-0001/telemetry")
                && ratio(r.body(), "load_ratio") == 105.0);
        assertNotNull(over, "no load_ratio 105");
        runner.join();
    }

    @Test
    void shouldReachTwelveMetresPerSecondWhenGaleBlows() throws Exception {
        Thread runner = run(CraneScenario.gale(settings()), Duration.ofSeconds(3));

        Received gale = arrival(r -> r.topic().endsWith("TC-0001/telemetry") && ratio(r.body(), "wind_speed") == 12.0);
        assertNotNull(gale, "no wind_speed 12");
        assertFalse(ratio(gale.body(), "load_ratio") > 90, "gale should not also overload");
        runner.join();
    }

    private ScenarioSettings settings() {
        return new ScenarioSettings(endpoint.url(), Duration.ofMillis(100), Duration.ofSeconds(10), Clock.systemUTC());
    }

    private static Thread run(Scenario scenario, Duration duration) {
        Thread thread = new Thread(() -> {
            try {
                scenario.run(new RunControl(Optional.of(duration)));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        thread.start();
        return thread;
    }

    /** The first message received that is wanted, waiting at most 10 s for it. */
    private Received arrival(Predicate<Received> wanted) {
        return await().atMost(Duration.ofSeconds(10)).until(
                () -> received().stream().filter(wanted).findFirst().orElse(null), java.util.Objects::nonNull);
    }

    private static double ratio(JsonNode body, String metric) {
        for (JsonNode entry : body.path("readings")) {
            if (entry.path("metric").asText().equals(metric)) {
                return entry.path("value").asDouble();
            }
        }
        return Double.NaN;
    }
}
