package io.safetyhub.simulator.load;

import io.safetyhub.simulator.mqtt.DeviceAddress;
import io.safetyhub.simulator.mqtt.Measurement;
import io.safetyhub.simulator.mqtt.MqttLink;
import io.safetyhub.simulator.mqtt.Payloads;
import io.safetyhub.simulator.scenario.RunControl;
import org.eclipse.paho.mqttv5.common.MqttException;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code devices} gas alarms each publishing {@code rate} telemetry messages per second (one {@code gas_lel} reading
 * each, {@code ts} = the send time) at QoS 1, spread over {@code connections} MQTT connections. Messages are paced
 * on a fixed schedule; when the broker cannot keep up the pacing falls behind rather than dropping messages.
 */
public final class LoadGenerator {
    /** Unacknowledged publishes per connection (within any broker's receive maximum). */
    private static final int IN_FLIGHT = 10;

    /** What was sent: messages handed to the broker, PUBACKed, and refused. */
    public record Result(long sent, long acked, long failed, Duration elapsed) {
        public double ackedPerSecond() {
            return acked / Math.max(0.001, elapsed.toNanos() / 1e9);
        }
    }

    private final String url;
    private final String enterpriseId;
    private final int devices;
    private final double rate;
    private final int connections;
    private final Clock clock;

    public LoadGenerator(String url, String enterpriseId, int devices, double rate, int connections, Clock clock) {
        this.url = url;
        this.enterpriseId = enterpriseId;
        this.devices = devices;
        this.rate = rate;
        this.connections = connections;
        this.clock = clock;
    }

    /** The id of the {@code i}-th device (0-based): {@code LOAD-00001}… */
    public static String deviceId(int i) {
        return String.format("LOAD-%05d", i + 1);
    }

    public Result run(RunControl control, Duration timeout) throws MqttException, InterruptedException {
        List<MqttLink> links = new ArrayList<>();
        List<Semaphore> windows = new ArrayList<>();
        String run = Long.toString(ProcessHandle.current().pid());
        try {
            for (int c = 0; c < connections; c++) {
                links.add(MqttLink.connect(url, "sim-load-" + run + "-" + c, null, null, link -> { }, timeout));
                windows.add(new Semaphore(IN_FLIGHT));
            }
            AtomicLong acked = new AtomicLong();
            AtomicLong failed = new AtomicLong();
            long sent = 0;
            double perSecond = devices * rate;
            long start = System.nanoTime();
            while (control.running()) {
                int device = (int) (sent % devices);
                long due = start + (long) (sent / perSecond * 1e9);
                long wait = due - System.nanoTime();
                if (wait > 0 && !control.pause(Duration.ofNanos(wait))) {
                    break;
                }
                int c = device % connections;
                Semaphore window = windows.get(c);
                window.acquire();
                byte[] payload = Payloads.telemetry(clock.instant(),
                        List.of(new Measurement("gas_lel", sent % 5, "%LEL")));
                String topic = new DeviceAddress(enterpriseId, "gas-alarm", deviceId(device)).telemetryTopic();
                links.get(c).publish(topic, payload, false).whenComplete((ignored, failure) -> {
                    window.release();
                    (failure == null ? acked : failed).incrementAndGet();
                });
                sent++;
            }
            for (Semaphore window : windows) {
                window.tryAcquire(IN_FLIGHT, timeout.toMillis(), TimeUnit.MILLISECONDS);
            }
            return new Result(sent, acked.get(), failed.get(), Duration.ofNanos(System.nanoTime() - start));
        } finally {
            links.forEach(MqttLink::close);
        }
    }
}
