package io.safetyhub.simulator.scenario;

import io.safetyhub.simulator.mqtt.DeviceAddress;
import io.safetyhub.simulator.mqtt.Measurement;
import io.safetyhub.simulator.mqtt.MqttLink;
import io.safetyhub.simulator.mqtt.Payloads;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Exactly one telemetry message at QoS 1, then exit: 0 once the broker's PUBACK arrived, 1 otherwise. A probe for
 * scripts and tests rather than a device session, so it sets no last will and publishes no status.
 */
public final class OnceScenario implements Scenario {
    private static final Logger LOG = LoggerFactory.getLogger(OnceScenario.class);

    private final ScenarioSettings settings;
    private final DeviceAddress address;
    private final Measurement measurement;

    public OnceScenario(ScenarioSettings settings, DeviceAddress address, Measurement measurement) {
        this.settings = settings;
        this.address = address;
        this.measurement = measurement;
    }

    @Override
    public int run(RunControl control) throws InterruptedException {
        String clientId = "sim-once-" + address.deviceId() + "-" + ProcessHandle.current().pid();
        MqttLink link;
        try {
            link = MqttLink.connect(settings.endpoint(), clientId,
                    settings.endpoint().credentials().forDevice(address.deviceId()), null, null, connected -> { },
                    settings.timeout());
        } catch (MqttException e) {
            LOG.error("cannot connect to {}: {}", settings.mqttUrl(), e.getMessage());
            return 1;
        }
        try (link) {
            byte[] payload = Payloads.telemetry(settings.clock().instant(), List.of(measurement));
            link.publish(address.telemetryTopic(), payload, false)
                    .get(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
            LOG.info("published {} {} {} on {} (PUBACK received)", measurement.metric(), measurement.value(),
                    measurement.unit(), address.telemetryTopic());
            return 0;
        } catch (ExecutionException | TimeoutException e) {
            LOG.error("no PUBACK from {} for {}: {}", settings.mqttUrl(), address.telemetryTopic(), e.getMessage());
            return 1;
        }
    }
}
