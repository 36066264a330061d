package io.safetyhub.adapter.mqtt;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.safetyhub.adapter.device.DeviceKind;
import io.safetyhub.adapter.testing.DeviceTlsResource;
import io.safetyhub.adapter.testing.MqttDevices;
import io.safetyhub.adapter.testing.TestDevice;
import io.safetyhub.devstack.testing.RealInfraResource;
import jakarta.inject.Inject;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.Test;

import javax.net.SocketFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Password guessing: 100 wrong passwords from one address (127.0.0.3) while an honest device logs in and publishes from
 * another (127.0.0.2). The guesser is throttled after its burst (CONNACK 0x9F, no hash computed); the honest device
 * is not slowed down by it: every one of its logins and publishes completes within Paho's own timeouts. And the other
 * side of the same throttle: a fleet behind one address (127.0.0.4) that logs in all at once gets in, 20 checks at a time.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfraResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = DeviceTlsResource.class, restrictToAnnotatedClass = false)
class GuessingThrottleIT {
    private static final int GUESSES = 100;
    private static final int HONEST_ROUNDS = 5;
    private static final int FLEET = 80;

    @Inject
    MqttDevices mqtt;

    @Test
    void shouldThrottleTheGuesserAndNotTheOthersWhenOneAddressSendsAHundredWrongPasswords() throws Exception {
        MqttDevices.Registered target = mqtt.register("GA", "chem-banan-01", DeviceKind.GAS_ALARM);
        MqttDevices.Registered honest = mqtt.register("GA", "chem-banan-01", DeviceKind.GAS_ALARM);
        Map<Integer, Integer> codes = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> guesses = new ArrayList<>();
            for (int i = 0; i < GUESSES; i++) {
                String guess = "guess-" + i;
                guesses.add(pool.submit(() -> codes.merge(attempt(target.id(), guess, "127.0.0.3"), 1, Integer::sum)));
            }
            for (int round = 0; round < HONEST_ROUNDS; round++) {
                try (TestDevice device = new TestDevice(mqtt.plainUrl(), "chem-banan-01", "gas-alarm", honest.id(),
                        honest.password(), from("127.0.0.2"))) {
                    assertEquals(0, device.publishTelemetry("""
                            {"ts":"2026-11-22T08:00:00Z","readings":[{"metric":"gas_lel","value":1,"unit":"%LEL"}]}"""));
                }
            }
            for (Future<?> guess : guesses) {
                guess.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        int throttled = codes.getOrDefault(0x9F, 0);
        int checked = codes.getOrDefault(0x86, 0);
        assertEquals(GUESSES, throttled + checked, "every guess refused: " + codes);
        assertTrue(throttled >= 60, "most guesses refused without a hash once the burst of 20 was spent: " + codes);
        MqttAccessIT.awaitCounted("outcome=\"throttled\"");
    }

    @Test
    void shouldLetEveryDeviceInWhenAFleetBehindOneAddressLogsInAtOnce() throws Exception {
        List<MqttDevices.Registered> fleet = new ArrayList<>();
        for (int i = 0; i < FLEET; i++) {
            fleet.add(mqtt.register("GA", "chem-banan-01", DeviceKind.GAS_ALARM));
        }
        Map<Integer, Integer> codes = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(FLEET);
        try {
            List<Future<?>> logins = new ArrayList<>();
            for (MqttDevices.Registered device : fleet) {
                logins.add(pool.submit(() -> codes.merge(attempt(device.id(), device.password(), "127.0.0.4"), 1,
                        Integer::sum)));
            }
            for (Future<?> login : logins) {
                login.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertEquals(Map.of(0, FLEET), codes, FLEET + " devices behind one address (burst 20), every one accepted");
    }

    /** One CONNECT from {@code address}; the CONNACK reason code (0 = accepted). */
    private int attempt(String deviceId, String password, String address) {
        try (TestDevice ignored = new TestDevice(mqtt.plainUrl(), "chem-banan-01", "gas-alarm", deviceId, password,
                from(address))) {
            return 0;
        } catch (MqttException e) {
            return e.getReasonCode();
        }
    }

    /** Connection options whose socket leaves from this loopback address (Linux routes all of 127/8 to lo). */
    private static MqttConnectionOptions from(String address) {
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setSocketFactory(new SocketFactory() {
            @Override
            public Socket createSocket() throws IOException {
                Socket socket = new Socket();
                socket.bind(new InetSocketAddress(address, 0));
                return socket;
            }

            @Override
            public Socket createSocket(String host, int port) throws IOException {
                throw new UnsupportedOperationException("Paho creates, binds via createSocket(), then connects");
            }

            @Override
            public Socket createSocket(String host, int port, InetAddress local, int localPort) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Socket createSocket(InetAddress host, int port) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Socket createSocket(InetAddress host, int port, InetAddress local, int localPort) {
                throw new UnsupportedOperationException();
            }
        });
        return options;
    }
}
