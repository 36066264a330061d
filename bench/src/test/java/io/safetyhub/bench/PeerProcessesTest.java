package io.safetyhub.bench;

import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PeerProcessesTest {

    @Test
    void shouldPersistAndSaveOftenWhenMosquittoIsThePeersBroker() {
        String config = PeerProcesses.mosquittoConfig(18830, Path.of("/tmp/peer"));

        assertTrue(config.contains("listener 18830 127.0.0.1\n"));
        assertTrue(config.contains("persistence true\n"));
        assertTrue(config.contains("autosave_on_changes true\nautosave_interval 1000\n"));
        assertTrue(config.contains("max_inflight_messages 1000\n"), "the same window as the pipeline's endpoint");
    }

    @Test
    void shouldCountOnlyWhatWasAppendedWhenAskedAgain(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("readings.jsonl");
        LineCounter counter = new LineCounter(file);
        assertEquals(0, counter.count());
        Files.writeString(file, "{\"a\":1}\n{\"a\":2}\n{\"a\":");

        assertEquals(2, counter.count());
        Files.writeString(file, "3}\n", java.nio.file.StandardOpenOption.APPEND);
        assertEquals(3, counter.count());
    }

    @Test
    void shouldAcknowledgeAndCountEveryPublishWhenItIsTheFloor() throws Exception {
        try (MqttFloor floor = MqttFloor.start(0, 1000)) {
            MqttClient client = new MqttClient("tcp://127.0.0.1:" + floor.port(), "floor-test", new MemoryPersistence());
            client.connect(new MqttConnectionOptions());
            for (int i = 0; i < 5; i++) {
                client.publish("safetyhub/chem-banan-01/gas-alarm/LOAD-00001/telemetry", new byte[] {'{', '}'}, 1, false);
            }
            client.disconnect();
            client.close();

            await().atMost(Duration.ofSeconds(10)).until(() -> floor.received() == 5);
            assertTrue(floor.status().startsWith("floor: received 5 "));
        }
    }
}
