package io.safetyhub.simulator.load;

import com.sun.management.OperatingSystemMXBean;
import io.safetyhub.simulator.mqtt.DeviceAddress;
import io.safetyhub.simulator.mqtt.MqttEndpoint;
import io.safetyhub.simulator.scenario.RunControl;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 * messages go out late and the lateness is measured; none is skipped. A device whose connection cannot take its
 * message when it falls due (window full, reconnecting) owes it ({@link Owed}) and the others go on, as a fleet's
 * independent devices would; what it owes goes out first, in order, once it can. With per-device credentials each
 * device has a connection of its own, since the endpoint lets a device publish only on its own topics.
 */
public final class LoadGenerator {
    private static final Logger LOG = LoggerFactory.getLogger(LoadGenerator.class);
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
        try (Session session = open(timeout)) {
            return session.send(rate, control, timeout);
        }
    }

    /**
     * Opens every device's connection (logs every device in) for windows sent one after another over the same
     * connections: a fleet that stays connected, as deployed devices do, rather than one that logs in anew for each.
     */
    public Session open(Duration timeout) throws MqttException, InterruptedException {
        String[] topics = new String[devices];
        for (int d = 0; d < devices; d++) {
            topics[d] = new DeviceAddress(enterpriseId, "gas-alarm", deviceId(d)).telemetryTopic();
        }
        Links links = eventLoopClient ? EventLoopLinks.open(endpoint, devices, connections, inFlight, timeout)
                : LoadLinks.open(endpoint, devices, connections, inFlight, timeout);
        return new Session(links, topics);
    }

    /** The open connections; each {@link #send} is one window of load over them, counted on its own. */
    public final class Session implements AutoCloseable {
        private final Links links;
        private final String[] topics;
        /** Each device's last source time, kept across windows so that its readings' times keep increasing. */
        private final long[] lastMillis;

        private Session(Links links, String[] topics) {
            this.links = links;
            this.topics = topics;
            this.lastMillis = new long[topics.length];
        }

        /** {@code perDevice} messages per second from every device until {@code control} ends, then every answer. */
        public Result send(double perDevice, RunControl control, Duration timeout) throws InterruptedException {
            OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            LatencyHistogram lateness = new LatencyHistogram();
            LatencyHistogram ackLatency = new LatencyHistogram();
            AtomicLong acked = new AtomicLong();
            AtomicLong refused = new AtomicLong();
            AtomicLong resent = new AtomicLong();
            control.startNow();
            long cpuStart = os.getProcessCpuTime();
            long start = System.nanoTime();
            Pacer pacer = new Pacer(start, devices * perDevice);
            Owed owed = new Owed(devices);
            Sender sender = new Sender(links, topics, new TelemetryTemplate(), clock, lateness, pacer, lastMillis,
                    index -> new Counted(System.nanoTime(), links.window(Pacer.deviceOf(index, devices)), acked,
                            refused, resent, ackLatency));
            long scheduled = 0;
            while (control.running()) {
                // What devices owe goes first, each device's in order; then what fell due since the last tick.
                for (int device = owed.nextOwing(0); device >= 0; device = owed.nextOwing(device + 1)) {
                    while (owed.owes(device) && sender.trySend(device, owed.oldestIndex(device))) {
                        owed.take(device);
                    }
                }
                for (long due = pacer.dueBy(System.nanoTime()); scheduled < due; scheduled++) {
                    int device = Pacer.deviceOf(scheduled, devices);
                    if (owed.owes(device) || !sender.trySend(device, scheduled)) {
                        owed.add(device, scheduled);
                    }
                }
                LockSupport.parkNanos(Math.max(0, pacer.nextTick(System.nanoTime()) - System.nanoTime()));
            }
            if (owed.total() > 0) {
                LOG.info("load: {} message(s) fell due to devices whose connection could not take them before the end",
                        owed.total());
            }
            long sent = sender.sent();
            links.awaitAcks(timeout);
            long cpu = os.getProcessCpuTime() - cpuStart;
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            long inDoubt = Math.max(0, sent - acked.get() - refused.get());
            return new Result(sent, acked.get(), refused.get(), inDoubt, elapsed, links.totalWindow(), lateness,
                    ackLatency, sent == 0 ? -1 : cpu / 1_000.0 / sent, resent.get());
        }

        @Override
        public void close() {
            links.close();
        }
    }

    /** Sends one message of the schedule if the device's connection can take it now; counts what it sent. */
    private static final class Sender {
        private final Links links;
        private final String[] topics;
        private final TelemetryTemplate template;
        private final Clock clock;
        private final LatencyHistogram lateness;
        private final Pacer pacer;
        private final java.util.function.LongFunction<Counted> outcomes;
        private static final long MIN_BACK_OFF_NANOS = 10_000_000L;
        private static final long MAX_BACK_OFF_NANOS = 250_000_000L;
        private final long[] lastMillis;
        private final long[] backOff;
        private final long[] retryAt;
        private long sent;

        private Sender(Links links, String[] topics, TelemetryTemplate template, Clock clock, LatencyHistogram lateness,
                       Pacer pacer, long[] lastMillis, java.util.function.LongFunction<Counted> outcomes) {
            this.links = links;
            this.topics = topics;
            this.template = template;
            this.clock = clock;
            this.lateness = lateness;
            this.pacer = pacer;
            this.outcomes = outcomes;
            this.lastMillis = lastMillis;
            this.backOff = new long[topics.length];
            this.retryAt = new long[topics.length];
        }

        /**
         * False, with nothing sent, when the device's window is full or its connection cannot take it now. A refusal
         * of the client (reconnecting) costs an exception, so the device is not asked again for a while: 10 ms,
         * doubling up to {@link #MAX_BACK_OFF_NANOS} while it keeps refusing (500 devices asked every 1 ms tick
         * during a reconnect storm made the generator take the machine's cores from the endpoint it waited for).
         */
        boolean trySend(int device, long index) {
            long now = System.nanoTime();
            if (backOff[device] > 0 && now - retryAt[device] < 0) {
                return false;
            }
            Semaphore window = links.window(device);
            if (!window.tryAcquire()) {
                return false;
            }
            long ts = Pacer.sourceMillis(clock.millis(), lastMillis[device]);
            if (!links.offer(device, topics[device], template.render(ts, (int) (index % 5)), outcomes.apply(index))) {
                window.release();
                backOff[device] = Math.min(MAX_BACK_OFF_NANOS, Math.max(MIN_BACK_OFF_NANOS, 2 * backOff[device]));
                retryAt[device] = now + backOff[device];
                return false;
            }
            backOff[device] = 0;
            lastMillis[device] = ts;
            lateness.record(pacer.latenessNanos(index, System.nanoTime()) / 1_000);
            sent++;
            return true;
        }

        long sent() {
            return sent;
        }
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
