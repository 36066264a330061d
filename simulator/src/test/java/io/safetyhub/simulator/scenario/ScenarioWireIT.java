package io.safetyhub.simulator.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.safetyhub.devstack.testing.TestInfra;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** The scripted scenarios against the real MQTT broker of the test harness, watched by a plain subscriber. */
class ScenarioWireIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private MqttClient watcher;
    private String url;

    record Received(String topic, JsonNode body) {
    }

    @BeforeEach
    void watch() throws Exception {
        url = TestInfra.shared().mqttUrl();
        watcher = new MqttClient(url, "watcher-" + System.nanoTime(), new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        watcher.connect(options);
        watcher.subscribe("safetyhub/#", 1);
        watcher.setCallback(new org.eclipse.paho.mqttv5.client.MqttCallback() {
            @Override
            public void disconnected(org.eclipse.paho.mqttv5.client.MqttDisconnectResponse response) {
            }

            @Override
            public void mqttErrorOccurred(org.eclipse.paho.mqttv5.common.MqttException exception) {
            }

            @Override
            public void messageArrived(String topic, org.eclipse.paho.mqttv5.common.MqttMessage message)
                    throws Exception {
                if (message.getPayload().length > 0) {
                    received.add(new Received(topic, JSON.readTree(message.getPayload())));
                }
            }

            @Override
            public void deliveryComplete(org.eclipse.paho.mqttv5.client.IMqttToken token) {
            }

            @Override
            public void connectComplete(boolean reconnect, String serverURI) {
            }

            @Override
            public void authPacketArrived(int reasonCode, org.eclipse.paho.mqttv5.common.packet.MqttProperties p) {
            }
        });
    }

    @AfterEach
    void stop() throws Exception {
        watcher.disconnect();
        watcher.close();
    }

    @Test
    void shouldPublishTheLastWillWhenTheOfflineDeviceDropsItsConnection() throws Exception {
        Scenario scenario = new DeviceOfflineScenario(settings(), Duration.ofMillis(600),
                DeviceOfflineScenario.Mode.WILL, new Random(1));
        Thread runner = run(scenario, Duration.ofSeconds(4));

        Received will = arrival(r -> r.topic().equals("safetyhub/chem-banan-01/gas-alarm/GA-0002/status")
                && !r.body().path("online").asBoolean(true) && !r.body().has("ts"));
        assertNotNull(will, "no last will of GA-0002");
        int afterWill = received.indexOf(will);
        Received stillAlive = arrival(r -> received.indexOf(r) > afterWill
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
        return new ScenarioSettings(url, Duration.ofMillis(100), Duration.ofSeconds(10), Clock.systemUTC());
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
                () -> received.stream().filter(wanted).findFirst().orElse(null), java.util.Objects::nonNull);
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
