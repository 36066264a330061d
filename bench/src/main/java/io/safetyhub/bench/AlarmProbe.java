package io.safetyhub.bench;

import io.safetyhub.simulator.mqtt.MqttEndpoint;
import io.safetyhub.simulator.mqtt.MqttLink;
import org.eclipse.paho.mqttv5.common.MqttException;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The fraction of devices that crosses a threshold: {@code devices} gas alarms {@code BENCH-A-0001}… of
 * chem-banan-01, each sending {@code gas_lel} 30 %LEL (above the 20 %LEL yellow step of GB/T 50493-2019) and, half a
 * period later, 0 %LEL (below the dead-band, so the alarm clears and the next high raises a new one). A high
 * counts as an expected alarm only when it and the message before it (a low) were both PUBACKed; its expected alarm
 * id is {@code deviceId|default-gas-lel|<epoch ms of ts>}, the warning service's own id scheme. The devices log in as
 * {@link DeviceAccess} says: one shared connection, or one each when every device has its own credentials (the
 * endpoint lets a device publish only on its own topics).
 */
public final class AlarmProbe implements AutoCloseable {
    public static final String PREFIX = "BENCH-A-";
    static final String ENTERPRISE = "chem-banan-01";
    static final String RULE = "default-gas-lel";
    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final Map<String, MqttLink> links = new java.util.HashMap<>();
    private final int devices;
    private final long periodMs;
    private final Clock clock;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "alarm-probe");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong acked = new AtomicLong();
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    /** One message of a device; {@code acked} once the broker's PUBACK arrived. */
    private static final class Sent {
        final long ts;
        final boolean high;
        volatile boolean acked;

        Sent(long ts, boolean high) {
            this.ts = ts;
            this.high = high;
        }
    }

    /** Every message per device, in send order. */
    private final Map<String, List<Sent>> sent = new ConcurrentHashMap<>();
    private long lastMs;

    public AlarmProbe(DeviceAccess access, int devices, long periodMs, Clock clock) throws MqttException {
        this.devices = devices;
        this.periodMs = periodMs;
        this.clock = clock;
        MqttEndpoint endpoint = access.endpoint();
        String run = Long.toString(ProcessHandle.current().pid());
        MqttLink shared = null;
        try {
            for (String device : deviceIds()) {
                if (endpoint.credentials().perDevice()) {
                    links.put(device, MqttLink.connect(endpoint, "bench-" + device + "-" + run,
                            endpoint.credentials().forDevice(device), null, null, l -> { }, Duration.ofSeconds(10)));
                } else {
                    if (shared == null) {
                        shared = MqttLink.connect(endpoint, "bench-probe-" + run, endpoint.credentials().forDevice(device),
                                null, null, l -> { }, Duration.ofSeconds(10));
                    }
                    links.put(device, shared);
                }
            }
        } catch (MqttException | RuntimeException e) {
            close();
            throw e;
        }
    }

    public static String deviceId(int i) {
        return String.format("%s%04d", PREFIX, i + 1);
    }

    public List<String> deviceIds() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < devices; i++) {
            ids.add(deviceId(i));
        }
        return ids;
    }

    /** Starts the cycles, spread evenly over the period; the first message of each device is a low. */
    public void start() {
        long step = Math.max(1, periodMs / Math.max(1, devices));
        for (int i = 0; i < devices; i++) {
            String device = deviceId(i);
            sent.put(device, java.util.Collections.synchronizedList(new ArrayList<>()));
            timer.scheduleAtFixedRate(() -> send(device, 0), i * step, periodMs, TimeUnit.MILLISECONDS);
            timer.scheduleAtFixedRate(() -> send(device, 30), i * step + periodMs / 2, periodMs, TimeUnit.MILLISECONDS);
        }
    }

    public void stop() {
        timer.shutdownNow();
    }

    private synchronized Instant uniqueNow() {
        // Source times key history samples and alarm ids: two messages of a device never share a millisecond.
        long ms = Math.max(clock.millis(), lastMs + 1);
        lastMs = ms;
        return Instant.ofEpochMilli(ms);
    }

    private void send(String device, double value) {
        Instant ts = uniqueNow();
        Sent record = new Sent(ts.toEpochMilli(), value > 0);
        sent.get(device).add(record);
        published.incrementAndGet();
        String json = "{\"ts\":\"" + TS.format(ts) + "\",\"readings\":[{\"metric\":\"gas_lel\",\"value\":" + value
                + ",\"unit\":\"%LEL\"}]}";
        links.get(device).publish("safetyhub/" + ENTERPRISE + "/gas-alarm/" + device + "/telemetry",
                json.getBytes(StandardCharsets.UTF_8), false, new MqttLink.Outcome() {
                    @Override
                    public void acknowledged() {
                        record.acked = true;
                        acked.incrementAndGet();
                    }

                    @Override
                    public void refused(Throwable why) {
                        refused.incrementAndGet();
                    }
                    // in doubt: the link sends it again after the reconnect; a later PUBACK still counts
                });
    }

    public long acked() {
        return acked.get();
    }

    /**
     * Waits, at most {@code bound}, until every message sent has been answered (PUBACK or refusal); false if some are
     * still unanswered. After a fault the links hold what was not acknowledged and send it again once reconnected:
     * counted before that, the late PUBACKs would arrive after Kafka was counted and show as loss.
     */
    public boolean awaitAnswered(Duration bound) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        while (unanswered() > 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }

    /** Messages sent that have neither a PUBACK nor a refusal yet. */
    public long unanswered() {
        return published.get() - acked.get() - refused.get();
    }

    public long refused() {
        return refused.get();
    }

    /** Expected alarm id -> send time (epoch ms): every PUBACKed high whose preceding low was PUBACKed too. */
    public Map<String, Long> expected() {
        Map<String, Long> out = new java.util.HashMap<>();
        sent.forEach((device, messages) -> {
            synchronized (messages) {
                for (int i = 1; i < messages.size(); i++) {
                    Sent high = messages.get(i);
                    Sent before = messages.get(i - 1);
                    if (high.high && high.acked && !before.high && before.acked) {
                        out.put(device + "|" + RULE + "|" + high.ts, high.ts);
                    }
                }
            }
        });
        return out;
    }

    @Override
    public void close() {
        stop();
        new java.util.HashSet<>(links.values()).forEach(MqttLink::close);
    }
}
