package io.safetyhub.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the time of a window went, hop by hop, from timestamps the pipeline already writes: the payload's {@code ts}
 * (device send), {@code Reading.receivedAt} (adapter receive), the readings record's timestamp (Kafka), the alarm
 * event's {@code decidedAt} when it has one and its {@code occurredAt} (event built), the alarms record's timestamp,
 * and the arrival on the bench's SSE client. Reading hops are over every reading of the window; alarm hops over the
 * probe's expected alarms whose every timestamp was found. All on one machine, so one clock.
 */
public final class HopTable {
    /** One hop's latency figures in ms over {@code samples}. */
    public record Hop(String from, String to, String over, Percentiles ms) {
    }

    /**
     * The table of one window, what it could not see, and in which seconds the slow samples of the device's hop and
     * of the alarms fell ({@link SlowSeconds}).
     */
    public record Result(String readingsTimestampType, String alarmsTimestampType, List<Hop> hops, List<String> notes,
                         List<String> tails) {
        public static final Result NONE = new Result("?", "?", List.of(), List.of("no hop scan"), List.of());
    }

    /** Over this, a sample is part of the tail issue 16 is about (alarm p99 ≤ 100 ms). */
    static final long SLOW_MS = 100;
    /**
     * The first seconds of a window, also reported apart: the load generator is a fresh JVM per window (its compilers
     * take most of a core for a few seconds) and its 1,000 devices have just logged in (each login a connection
     * record written), a start no steady fleet goes through.
     */
    static final long SETTLE_MS = 10_000;
    private static final int WORST_SECONDS = 6;

    /** What one readings record says. */
    record Seen(long receivedAtMs, long recordMs) {
    }

    /** What one RAISED alarm record says; {@code decidedAtMs} -1 when the event has no such field. */
    record Raised(long decidedAtMs, long occurredAtMs, long recordMs) {
    }

    private final String probePrefix;
    private final List<Long> sendToReceive = new ArrayList<>();
    private final List<Long> receiveToRecord = new ArrayList<>();
    private final SlowSeconds slowReceives = new SlowSeconds(SLOW_MS);
    /** Send time of each reading, in the order of {@link #sendToReceive}. */
    private final List<Long> sendTimes = new ArrayList<>();
    private long firstSendMs = Long.MAX_VALUE;
    private final Map<String, Seen> probeReadings = new HashMap<>();
    private final Map<String, Raised> raised = new HashMap<>();
    private final java.util.SortedSet<String> readingsTypes = new java.util.TreeSet<>();
    private final java.util.SortedSet<String> alarmsTypes = new java.util.TreeSet<>();

    public HopTable(String probePrefix) {
        this.probePrefix = probePrefix;
    }

    /** One record of {@code telemetry.readings.v1}. */
    public void reading(String deviceId, long sourceMs, long receivedAtMs, long recordMs, String timestampType) {
        readingsTypes.add(timestampType);
        sendToReceive.add(receivedAtMs - sourceMs);
        slowReceives.add(receivedAtMs, receivedAtMs - sourceMs);
        sendTimes.add(sourceMs);
        firstSendMs = Math.min(firstSendMs, sourceMs);
        receiveToRecord.add(recordMs - receivedAtMs);
        if (deviceId.startsWith(probePrefix)) {
            probeReadings.put(deviceId + "|" + sourceMs, new Seen(receivedAtMs, recordMs));
        }
    }

    /** One RAISED record of {@code alarms.events.v1}; the first one of an alarm id counts. */
    public void raised(String alarmId, long decidedAtMs, long occurredAtMs, long recordMs, String timestampType) {
        alarmsTypes.add(timestampType);
        raised.putIfAbsent(alarmId, new Raised(decidedAtMs, occurredAtMs, recordMs));
    }

    /**
     * The table: reading hops over every reading, alarm hops over the expected alarms (alarm id -> send time, the id
     * being {@code device|rule|ts}) with their arrival on the stream (alarm id -> epoch ms), when there is one.
     */
    public Result build(Map<String, Long> expected, Map<String, Long> arrivals, String arrivalPlace) {
        List<String> notes = new ArrayList<>();
        // A topic switched during the run holds records of both kinds: say so rather than pick one.
        String readingsType = readingsTypes.isEmpty() ? "?" : String.join("+", readingsTypes);
        String alarmsType = alarmsTypes.isEmpty() ? "?" : String.join("+", alarmsTypes);
        String kafka = "Kafka record (" + describe(readingsType) + ")";
        List<Hop> hops = new ArrayList<>();
        hops.add(new Hop("device send (payload ts)", "adapter receive (Reading.receivedAt)", "every reading",
                Percentiles.of(sendToReceive)));
        hops.add(new Hop("adapter receive", kafka, "every reading", Percentiles.of(receiveToRecord)));

        List<Long> a1 = new ArrayList<>();
        List<Long> a2 = new ArrayList<>();
        List<Long> toDecided = new ArrayList<>();
        List<Long> decidedToBuilt = new ArrayList<>();
        List<Long> toBuilt = new ArrayList<>();
        List<Long> builtToRecord = new ArrayList<>();
        List<Long> recordToArrival = new ArrayList<>();
        List<Long> total = new ArrayList<>();
        SlowSeconds slowAlarms = new SlowSeconds(SLOW_MS);
        int incomplete = 0;
        boolean decided = false;
        for (Map.Entry<String, Long> e : expected.entrySet()) {
            String id = e.getKey();
            long sent = e.getValue();
            Seen reading = probeReadings.get(id.substring(0, id.indexOf('|')) + "|" + sent);
            Raised alarm = raised.get(id);
            Long arrived = arrivals.get(id);
            if (reading == null || alarm == null || arrived == null) {
                incomplete++;
                continue;
            }
            a1.add(reading.receivedAtMs() - sent);
            a2.add(reading.recordMs() - reading.receivedAtMs());
            if (alarm.decidedAtMs() >= 0) {
                decided = true;
                toDecided.add(alarm.decidedAtMs() - reading.recordMs());
                decidedToBuilt.add(alarm.occurredAtMs() - alarm.decidedAtMs());
            }
            toBuilt.add(alarm.occurredAtMs() - reading.recordMs());
            builtToRecord.add(alarm.recordMs() - alarm.occurredAtMs());
            recordToArrival.add(arrived - alarm.recordMs());
            total.add(arrived - sent);
            slowAlarms.add(arrived, arrived - sent);
        }
        String over = "alarms";
        hops.add(new Hop("device send (payload ts)", "adapter receive", over, Percentiles.of(a1)));
        hops.add(new Hop("adapter receive", kafka, over, Percentiles.of(a2)));
        if (decided) {
            hops.add(new Hop(kafka, "engine decision (AlarmEvent.decidedAt)", over, Percentiles.of(toDecided)));
            hops.add(new Hop("engine decision", "event built (AlarmEvent.occurredAt)", over,
                    Percentiles.of(decidedToBuilt)));
        } else {
            hops.add(new Hop(kafka, "engine decided and event built (AlarmEvent.occurredAt)", over,
                    Percentiles.of(toBuilt)));
            notes.add("AlarmEvent carries no decision time: occurredAt is stamped when AlarmEventPublisher builds the "
                    + "event, after the whole polled batch was evaluated and each raise written to MongoDB; "
                    + "warning-service should add AlarmEvent.decidedAt (the engine's clock when it returned the change, "
                    + "= Alarm.updatedAt of that change) so this hop splits into consume+decide and write+build");
        }
        hops.add(new Hop("event built", "alarm record on alarms.events.v1 (" + describe(alarmsType) + ")", over,
                Percentiles.of(builtToRecord)));
        hops.add(new Hop("alarm record", arrivalPlace, over, Percentiles.of(recordToArrival)));
        hops.add(new Hop("device send", arrivalPlace, over + " (end to end)", Percentiles.of(total)));
        if (readingsTypes.contains("CreateTime") || alarmsTypes.contains("CreateTime")) {
            notes.add("the topics use CreateTime: a record's timestamp is when the producer (device-adapter, "
                    + "warning-service) handed it to its Kafka client, not the broker's append; the broker's own time "
                    + "needs message.timestamp.type=LogAppendTime on the topic (bench option --log-append-time true)");
        }
        if (incomplete > 0) {
            notes.add(incomplete + " expected alarm(s) left out of the alarm hops: reading, RAISED record or arrival "
                    + "not found");
        }
        List<String> tails = List.of(slowReceives.describe("device send → adapter receive (every reading)",
                WORST_SECONDS), slowAlarms.describe("alarms, device send → " + arrivalPlace, WORST_SECONDS),
                settled(expected, arrivals));
        return new Result(readingsType, alarmsType, hops, notes, tails);
    }

    /** The end-to-end alarm and device-hop figures of the window less its first {@link #SETTLE_MS}. */
    private String settled(Map<String, Long> expected, Map<String, Long> arrivals) {
        long from = firstSendMs == Long.MAX_VALUE ? Long.MAX_VALUE : firstSendMs + SETTLE_MS;
        List<Long> alarms = new ArrayList<>();
        expected.forEach((id, sent) -> {
            Long arrived = arrivals.get(id);
            if (arrived != null && sent >= from) {
                alarms.add(arrived - sent);
            }
        });
        List<Long> receives = new ArrayList<>();
        for (int i = 0; i < sendTimes.size(); i++) {
            if (sendTimes.get(i) >= from) {
                receives.add(sendToReceive.get(i));
            }
        }
        Percentiles a = Percentiles.of(alarms);
        Percentiles r = Percentiles.of(receives);
        return String.format("after the window's first %d s: alarms end to end p50 / p90 / p99 / max %s ms over %d; "
                + "device send → adapter receive p50 / p99 / max %s ms over %d readings", SETTLE_MS / 1000,
                a.count() == 0 ? "—" : a.p50() + " / " + a.p90() + " / " + a.p99() + " / " + a.max(), a.count(),
                r.count() == 0 ? "—" : r.p50() + " / " + r.p99() + " / " + r.max(), r.count());
    }

    static String describe(String timestampType) {
        return switch (timestampType) {
            case "CreateTime" -> "CreateTime: producer send";
            case "LogAppendTime" -> "LogAppendTime: broker append";
            default -> timestampType;
        };
    }
}
