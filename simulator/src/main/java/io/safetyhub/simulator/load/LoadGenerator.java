package io.safetyhub.simulator.load;

import com.sun.management.OperatingSystemMXBean;
import io.safetyhub.simulator.mqtt.DeviceAddress;
import io.safetyhub.simulator.mqtt.MqttEndpoint;
import io.safetyhub.simulator.scenario.RunControl;
import org.eclipse.paho.mqttv5.common.MqttException;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Open-loop load: {@code devices} gas alarms {@code LOAD-00001}… each publishing {@code rate} telemetry messages per
 * second (one {@code gas_lel} reading each, {@code ts} = the send time, strictly increasing per device) at QoS 1.
 * Messages are due on a fixed schedule ({@link Pacer}, 1 ms ticks); payloads are copies of a prebuilt template; many
 * messages are in flight over several connections ({@link LoadLinks}). When the endpoint is slower than the schedule,
 * messages go out late and the lateness is measured; none is skipped. With per-device credentials each device has a
 * connection of its own, since the endpoint lets a device publish only on its own topics.
 */
public final class LoadGenerator {
    /** Messages awaiting a PUBACK over all connections, unless told otherwise. */
    public static final int DEFAULT_IN_FLIGHT = 2_000;

    /** What was sent, what became of it, and what it cost. */
    public record Result(long sent, long acked, long failed, long inDoubt, Duration elapsed, int inFlightWindow,
                         LatencyHistogram lateness, LatencyHistogram ackLatency, double cpuMicrosPerMessage,
                         long resent) {
        public Result(long sent, long acked, long failed, Duration elapsed) {
            this(sent, acked, failed, 0, elapsed, 0, new LatencyHistogram(), new LatencyHistogram(), -1, 0);
        }

        public double ackedPerSecond() {
            return acked / Math.max(0.001, elapsed.toNanos() / 1e9);
        }
    }

    private final MqttEndpoint endpoint;
    private final String enterpriseId;
    private final int devices;
    private final double rate;
    private final int connections;
    private final int inFlight;
    private final Clock clock;
    private final boolean eventLoopClient;

    public LoadGenerator(MqttEndpoint endpoint, String enterpriseId, int devices, double rate, int connections,
                         int inFlight, Clock clock) {
        this(endpoint, enterpriseId, devices, rate, connections, inFlight, clock, false);
    }

    private LoadGenerator(MqttEndpoint endpoint, String enterpriseId, int devices, double rate, int connections,
                          int inFlight, Clock clock, boolean eventLoopClient) {
        this.eventLoopClient = eventLoopClient;
        this.endpoint = endpoint;
        this.enterpriseId = enterpriseId;
        this.devices = devices;
        this.rate = rate;
        this.connections = connections;
        this.inFlight = inFlight;
        this.clock = clock;
    }

    /** Anonymous, in memory, {@link #DEFAULT_IN_FLIGHT} in flight (what device-adapter's load bench uses). */
    public LoadGenerator(String url, String enterpriseId, int devices, double rate, int connections, Clock clock) {
        this(MqttEndpoint.anonymous(url), enterpriseId, devices, rate, connections, DEFAULT_IN_FLIGHT, clock);
    }

    /**
     * The same load sent by Vert.x MQTT clients on one event loop ({@link EventLoopLinks}) instead of Paho's thread
     * set per connection: for throughput runs, where the generator must not be what limits the rate.
     */
    public LoadGenerator eventLoopClient(boolean on) {
        return new LoadGenerator(endpoint, enterpriseId, devices, rate, connections, inFlight, clock, on);
    }

    /** The id of the {@code i}-th device (0-based): {@code LOAD-00001}… */
    public static String deviceId(int i) {
        return String.format("LOAD-%05d", i + 1);
    }

    public Result run(RunControl control, Duration timeout) throws MqttException, InterruptedException {
        String[] topics = new String[devices];
        for (int d = 0; d < devices; d++) {
            topics[d] = new DeviceAddress(enterpriseId, "gas-alarm", deviceId(d)).telemetryTopic();
        }
        try (Links links = eventLoopClient ? EventLoopLinks.open(endpoint, devices, connections, inFlight, timeout)
                : LoadLinks.open(endpoint, devices, connections, inFlight, timeout)) {
            return send(links, topics, control, timeout);
        }
    }

    private Result send(Links links, String[] topics, RunControl control, Duration timeout)
            throws InterruptedException {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        TelemetryTemplate template = new TelemetryTemplate();
        LatencyHistogram lateness = new LatencyHistogram();
        LatencyHistogram ackLatency = new LatencyHistogram();
        AtomicLong acked = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        AtomicLong resent = new AtomicLong();
        long[] lastMillis = new long[devices];
        control.startNow();
        long cpuStart = os.getProcessCpuTime();
        long start = System.nanoTime();
        Pacer pacer = new Pacer(start, devices * rate);
        long sent = 0;
        sending:
        while (control.running()) {
            long due = pacer.dueBy(System.nanoTime());
            while (sent < due) {
                int device = Pacer.deviceOf(sent, devices);
                Semaphore window = links.window(device);
                while (!window.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                    if (!control.running()) {
                        break sending; // the endpoint is away and the run is over
                    }
                }
                long at = System.nanoTime();
                lateness.record(pacer.latenessNanos(sent, at) / 1_000);
                long ts = Pacer.sourceMillis(clock.millis(), lastMillis[device]);
                lastMillis[device] = ts;
                if (!links.publish(device, topics[device], template.render(ts, (int) (sent % 5)),
                        new Counted(at, window, acked, refused, resent, ackLatency), control)) {
                    window.release();
                    break sending; // the run ended while the connection was away: this one was never sent
                }
                sent++;
            }
            LockSupport.parkNanos(Math.max(0, pacer.nextTick(System.nanoTime()) - System.nanoTime()));
        }
        links.awaitAcks(timeout);
        long cpu = os.getProcessCpuTime() - cpuStart;
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        long inDoubt = Math.max(0, sent - acked.get() - refused.get());
        return new Result(sent, acked.get(), refused.get(), inDoubt, elapsed, links.totalWindow(), lateness,
                ackLatency, sent == 0 ? -1 : cpu / 1_000.0 / sent, resent.get());
    }

    /** Counts one message's outcome and frees its place in the window once the endpoint answered. */
    private record Counted(long sentNanos, Semaphore window, AtomicLong acked, AtomicLong refused, AtomicLong resent,
                           LatencyHistogram ackLatency) implements io.safetyhub.simulator.mqtt.MqttLink.Outcome {
        @Override
        public void acknowledged() {
            ackLatency.record((System.nanoTime() - sentNanos) / 1_000);
            acked.incrementAndGet();
            window.release();
        }

        @Override
        public void refused(Throwable why) {
            refused.incrementAndGet();
            window.release();
        }

        /** The client keeps the message and sends it again after the reconnect; its place stays taken. */
        @Override
        public void inDoubt(Throwable why) {
            resent.incrementAndGet();
        }
    }

    /** The devices' topics, for callers that count on Kafka. */
    public static List<String> deviceIds(int devices) {
        return java.util.stream.IntStream.range(0, devices).mapToObj(LoadGenerator::deviceId).toList();
    }
}
