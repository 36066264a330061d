package io.safetyhub.simulator.scenario;

import io.safetyhub.simulator.mqtt.DeviceCredentials;
import io.safetyhub.simulator.mqtt.MqttEndpoint;
import io.safetyhub.simulator.mqtt.TestEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code --scenario load --windows stdin}: windows read line by line, sent over connections opened once. */
class LoadScenarioTest {
    private TestEndpoint endpoint;

    @BeforeEach
    void listen() throws Exception {
        endpoint = TestEndpoint.start();
    }

    @AfterEach
    void stop() throws Exception {
        endpoint.close();
    }

    private LoadScenario scenario(String input) {
        MqttEndpoint target = MqttEndpoint.anonymous(endpoint.url()).withCredentials(DeviceCredentials.ownId("pw"));
        ScenarioSettings settings = new ScenarioSettings(target, "test", Duration.ofSeconds(1), Duration.ofSeconds(10),
                Clock.systemUTC());
        return new LoadScenario(settings, 4, 1, 1, 40, true, new StringReader(input));
    }

    @Test
    void shouldSendEachInputLineAsAWindowWhenWindowsComeFromInput() throws Exception {
        int exit = scenario("20 0.5\n\n40 0.5\n").run(new RunControl(Optional.empty()));

        assertEquals(0, exit);
        int received = endpoint.received().size();
        assertTrue(received >= 100, "about 4 x 20 x 0.5 + 4 x 40 x 0.5 = 120 messages, got " + received);
        assertEquals(4, endpoint.logins(), "the four devices logged in once for both windows");
    }

    @Test
    void shouldStopWithUsageExitWhenAWindowLineIsNotTwoPositiveNumbers() throws Exception {
        int exit = scenario("20 0.3\nfast 10\n40 0.3\n").run(new RunControl(Optional.empty()));

        assertEquals(2, exit);
        assertEquals(4, endpoint.logins());
        assertTrue(endpoint.received().size() < 4 * 20, "only the first window was sent: " + endpoint.received().size());
    }
}
