package io.safetyhub.simulator.scenario;

import io.safetyhub.simulator.mqtt.SimulatedDevice;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A few simulated devices, one MQTT connection each, publishing their models' next measurements together. */
final class Fleet implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Fleet.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final List<DeviceModel> models;
    private final List<SimulatedDevice> devices;

    private Fleet(List<DeviceModel> models, List<SimulatedDevice> devices) {
        this.models = models;
        this.devices = devices;
    }

    /**
     * Connects every device, waiting with back-off (1 s to 30 s) while the broker is unreachable, since the launcher
     * may start the simulator while the broker is still coming up. Empty when stopped before all are connected.
     */
    static Optional<Fleet> connect(ScenarioSettings settings, List<DeviceModel> models, RunControl control)
            throws InterruptedException {
        List<SimulatedDevice> devices = new ArrayList<>();
        Duration backoff = Duration.ofSeconds(1);
        boolean warned = false;
        for (DeviceModel model : models) {
            while (true) {
                try {
                    devices.add(SimulatedDevice.connect(settings.endpoint(), settings.instance(), model.address(),
                            settings.clock(), settings.timeout()));
                    break;
                } catch (MqttException e) {
                    if (!warned) {
                        LOG.warn("cannot connect to the MQTT endpoint {} ({}); retrying with back-off up to {}",
                                settings.mqttUrl(), e.getMessage(), MAX_BACKOFF);
                        warned = true;
                    }
                    if (!control.pause(backoff)) {
                        devices.forEach(SimulatedDevice::close);
                        return Optional.empty();
                    }
                    backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
                }
            }
        }
        LOG.info("{} devices connected to {}", devices.size(), settings.mqttUrl());
        return Optional.of(new Fleet(models, devices));
    }

    /** Connects the devices, then publishes one message per device every interval until told to stop. */
    static void publishUntilStopped(ScenarioSettings settings, List<DeviceModel> models, RunControl control)
            throws InterruptedException {
        Optional<Fleet> connected = connect(settings, models, control);
        if (connected.isEmpty()) {
            return;
        }
        try (Fleet fleet = connected.get()) {
            do {
                fleet.publishAll();
            } while (control.pause(settings.interval()));
        }
    }

    /** Publishes one telemetry message per device; failures are logged by each device. */
    void publishAll() {
        for (int i = 0; i < models.size(); i++) {
            devices.get(i).publish(models.get(i).next());
        }
    }

    /** The connected device of the {@code index}-th model. */
    SimulatedDevice device(int index) {
        return devices.get(index);
    }

    /** Publishes the next message of the {@code index}-th model only. */
    void publish(int index) {
        devices.get(index).publish(models.get(index).next());
    }

    int size() {
        return models.size();
    }

    @Override
    public void close() {
        devices.forEach(SimulatedDevice::close);
        LOG.info("{} devices disconnected", devices.size());
    }
}
