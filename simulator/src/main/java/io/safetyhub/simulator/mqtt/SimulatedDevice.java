package io.safetyhub.simulator.mqtt;

import org.eclipse.paho.mqttv5.common.MqttException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A device with its own MQTT connection, behaving as the contract says a real one does: its last will is
 * {@code {"online":false}} retained on its status topic, it states {@code {"online":true}} retained whenever it
 * (re)connects, and it says {@code {"online":false}} before leaving cleanly.
 */
public final class SimulatedDevice implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SimulatedDevice.class);

    private final DeviceAddress address;
    private final Clock clock;
    private final Duration timeout;
    private final AtomicBoolean failing = new AtomicBoolean();
    private final AtomicBoolean dropped = new AtomicBoolean();
    private final MqttLink link;

    private SimulatedDevice(DeviceAddress address, Clock clock, Duration timeout, MqttEndpoint endpoint,
                            String clientId) throws MqttException {
        this.address = address;
        this.clock = clock;
        this.timeout = timeout;
        this.link = MqttLink.connect(endpoint, clientId, endpoint.credentials().forDevice(address.deviceId()),
                address.statusTopic(), Payloads.lastWill(), this::online, timeout);
    }

    /**
     * Connects the device as {@code sim-<deviceId>-<instance>}, logging in with its credentials. The instance is the
     * process id unless given, so that a second simulator run for the same device (say {@code once} while
     * {@code normal} runs) does not take the first one's session over; a fixed instance name keeps the client id,
     * and with it the unacknowledged messages in the state directory, across restarts of the simulator.
     */
    public static SimulatedDevice connect(MqttEndpoint endpoint, String instance, DeviceAddress address, Clock clock,
                                          Duration timeout) throws MqttException {
        return new SimulatedDevice(address, clock, timeout, endpoint, clientId(address.deviceId(), instance));
    }

    public static String clientId(String deviceId, String instance) {
        return "sim-" + deviceId + "-" + instance;
    }

    public DeviceAddress address() {
        return address;
    }

    /** Publishes one telemetry message stamped now; failures are logged once per outage, not per message. */
    public CompletableFuture<Void> publish(List<Measurement> measurements) {
        return link.publish(address.telemetryTopic(), Payloads.telemetry(clock.instant(), measurements), false)
                .whenComplete((ignored, failure) -> {
                    if (failure != null && failing.compareAndSet(false, true)) {
                        LOG.warn("{}: telemetry not accepted by {} ({}); will keep trying", address.deviceId(),
                                link.url(), failure.getMessage());
                    } else if (failure == null && failing.compareAndSet(true, false)) {
                        LOG.info("{}: telemetry accepted again", address.deviceId());
                    }
                });
    }

    /** Loses its connection without a word: the broker sends the last will {@code {"online":false}}. */
    public void dropConnection() {
        if (dropped.compareAndSet(false, true)) {
            LOG.info("{}: connection dropped without DISCONNECT; the broker sends the last will", address.deviceId());
            link.drop();
        }
    }

    /** Says offline (retained), then disconnects cleanly; nothing when the connection was dropped. */
    @Override
    public void close() {
        if (dropped.get()) {
            return;
        }
        try {
            link.publish(address.statusTopic(), Payloads.status(clock.instant(), false), true)
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("{}: offline status not acknowledged ({}); the broker's last will covers it",
                    address.deviceId(), e.getMessage());
        }
        link.close();
    }

    private void online(MqttLink connected) {
        connected.publish(address.statusTopic(), Payloads.status(clock.instant(), true), true)
                .whenComplete((ignored, failure) -> {
                    if (failure != null) {
                        LOG.warn("{}: online status not acknowledged ({})", address.deviceId(), failure.getMessage());
                    }
                });
    }
}
