package io.safetyhub.bench;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One load window: the alarm listener, the alarm probe and the simulator's load generator run together for
 * {@code seconds}; an optional fault runs on its own thread meanwhile; then the pipeline drains and every stage is
 * counted. Counts are deltas of the same figures read before and after.
 */
public final class Trial {
    /** A fault injected during the window; it reports what it did (timed, into the result's events) to {@code note}. */
    public interface Fault {
        void inject(Target target, Consumer<String> note) throws InterruptedException;
    }

    /** What one window runs. */
    public record Plan(String label, int readingsPerSecond, int devices, int connections, int inFlight, int seconds,
                       int probeDevices, long probePeriodMs, int drainMaxSeconds, boolean viaGateway,
                       String loadClient) {
    }

    private final Target target;
    private final Clock clock = Clock.systemUTC();
    private final long started = System.nanoTime();
    private boolean drainedInTime = true;
    /** Seconds after the load until warning-service's engine had read everything on Kafka; -1 when unknown. */
    private double engineCaughtUpAfter = -1;

    /** The generator kept across windows, or null for one started per window (its devices logging in anew). */
    private final LoadProcess fleet;

    public Trial(Target target) {
        this(target, null);
    }

    /** A window sent by {@code fleet}, whose devices are already connected (the plan's devices, connections, client). */
    public Trial(Target target, LoadProcess fleet) {
        this.target = target;
        this.fleet = fleet;
    }

    public TrialResult run(Plan plan, Fault fault) throws Exception {
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        List<String> loadDevices = LoadProcess.deviceIds(plan.devices());
        Instant from = clock.instant().minusSeconds(60);
        Instant to = clock.instant().plusSeconds(plan.seconds() + plan.drainMaxSeconds() + 120L);
        try (PipelineCounters counters = new PipelineCounters(target.kafka(), target.mongo(), target.warningUrl(),
                "safetyhub_warning");
             AlarmWatch watch = new AlarmWatch(clock, AlarmProbe.PREFIX);
             AlarmProbe probe = new AlarmProbe(target.access(), plan.probeDevices(), plan.probePeriodMs(), clock);
             HopScan scan = new HopScan(target.kafka())) {
            List<String> devices = new ArrayList<>(loadDevices);
            devices.addAll(probe.deviceIds());
            long kafka0 = counters.endOffsets(PipelineCounters.READINGS);
            long committed0 = counters.committed(PipelineCounters.GROUP, PipelineCounters.READINGS);
            double counted0 = counters.warningReadings();
            double[] readings0 = counters.perReplica(PipelineCounters.WARNING_READINGS);
            double[] batches0 = counters.perReplica(PipelineCounters.WARNING_BATCHES);
            long stored0 = counters.historyCount(devices, "gas_lel", from, to);
            var readingsMark = scan.mark(PipelineCounters.READINGS);
            var alarmsMark = scan.mark(AlarmWatch.ALARMS);
            openWatch(plan, watch, events);

            double perDevice = (double) plan.readingsPerSecond() / plan.devices();
            LoadRun load = fleet != null ? fleet.window(perDevice, plan.seconds())
                    : LoadProcess.start(target.simulatorJar(), target.access(), plan.devices(), perDevice,
                    plan.connections(), plan.inFlight(), plan.seconds(), plan.loadClient(),
                    target.root().resolve("bench/target/load-generator.log"));
            if (!load.awaitSending(java.time.Duration.ofMinutes(5))) {
                note(events, "the load generator had not opened its connections after 5 minutes");
            }
            note(events, fleet != null ? "load generator (devices connected since the first window) sending: the window"
                    + " starts" : "load generator connected: the window starts");
            long windowStart = System.nanoTime();
            ProcWatch procs = new ProcWatch(() -> {
                Map<String, Long> pids = new LinkedHashMap<>(target.componentPids());
                pids.put("bench (probe + listener)", ProcessHandle.current().pid());
                pids.put("load generator", load.pid());
                return pids;
            });
            probe.start();
            Thread faultThread = startFault(fault, events);
            LoadProcess.Result generated = load.await();
            probe.stop();
            procs.loadEnded();
            var nativeMemory = NativeMemory.snapshot(target.componentPids());
            double window = (System.nanoTime() - windowStart) / 1e9;
            note(events, "load done: " + generated.acked() + " PUBACKed of " + generated.sent() + " sent"
                    + (generated.acked() < 0 ? " (no result line; exit " + generated.exitCode() + ": "
                    + generated.tail() + ")" : ""));
            if (faultThread != null) {
                faultThread.join();
            }
            // Not part of the window (its time and rates): the probe's links send again what a fault left unanswered.
            if (!probe.awaitAnswered(java.time.Duration.ofSeconds(60))) {
                note(events, "the probe still had " + probe.unanswered() + " unanswered message(s) 60 s after the load:"
                        + " one answered after Kafka is counted below shows as a loss that is not one");
            }
            // Where the backlog sits when the load stops: still in the broker/adapter, or on Kafka for warning-service.
            note(events, String.format("at the end of the load: accepted %d, on Kafka %d, committed by warning %d",
                    Math.max(0, generated.acked()) + probe.acked(),
                    counters.endOffsets(PipelineCounters.READINGS) - kafka0,
                    counters.committed(PipelineCounters.GROUP, PipelineCounters.READINGS) - committed0));
            long drainStart = System.nanoTime();
            long[] last = drain(counters, devices, from, to, plan.drainMaxSeconds(), events, kafka0, counted0);
            double allStored = (System.nanoTime() - drainStart) / 1e9;
            // The backlog is what the engine still had to read. warning-service writes each history minute once,
            // when the minute is over plus a grace and its place in the seal spread (about 100 s at most), and commits
            // offsets only then: that wait is by design and is reported, not counted as backlog.
            double drain = engineCaughtUpAfter >= 0 ? engineCaughtUpAfter : allStored;
            note(events, String.format("drain: engine caught up after %s, every reading stored after %.1f s",
                    engineCaughtUpAfter >= 0 ? String.format("%.1f s", engineCaughtUpAfter)
                            : "an unknown time (warning-service restarted: its counter began again)", allStored));
            Thread.sleep(2_000); // alarm events of the last batch: published after its history is stored
            note(events, counters.batchesSince(readings0, batches0));
            nativeMemory.join().forEach(line -> note(events, line));
            procs.close(); // CPU counted until the backlog drained: what the window's readings cost in all
            HopTable hops = new HopTable(AlarmProbe.PREFIX);
            scan.readings(readingsMark, hops);
            scan.alarms(alarmsMark, hops);
            long accepted = Math.max(0, generated.acked()) + probe.acked();
            long onKafka = last[0] - kafka0;
            long committed = last[1] - committed0;
            double counted1 = counters.warningReadings();
            long counted = counted1 >= counted0 && counted0 >= 0 ? Math.round(counted1 - counted0) : -1;
            long stored = last[2] - stored0;
            HopTable.Result hopTable = hops.build(probe.expected(), watch.arrivals(), watch.source().startsWith("gateway")
                    ? "SSE write (arrival at the bench's client)" : "arrival at the bench's Kafka consumer");
            return result(plan, generated, probe, watch, accepted, onKafka, committed, counted, stored, drain, window,
                    procs.usage(), events, hopTable);
        }
    }

    private void openWatch(Plan plan, AlarmWatch watch, List<String> events) {
        if (plan.viaGateway()) {
            try {
                String token = Tokens.password(target.keycloakUrl(), "reg.city", "safetyhub");
                if (watch.startSse(target.gatewayUrl(), token)) {
                    note(events, "alarm latency measured on " + watch.source());
                    return;
                }
                note(events, "the gateway has no SSE stream at /api/alarms/stream (yet): falling back to Kafka");
            } catch (java.io.IOException e) {
                note(events, "no token for the gateway stream (" + e.getMessage() + "): falling back to Kafka");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        watch.startKafka(target.kafka());
        note(events, "alarm latency measured on " + watch.source());
    }

    private Thread startFault(Fault fault, List<String> events) {
        if (fault == null) {
            return null;
        }
        Thread t = new Thread(() -> {
            try {
                fault.inject(target, what -> note(events, what));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                note(events, "fault failed: " + e);
            }
        }, "fault");
        t.start();
        return t;
    }

    /**
     * Waits until warning-service has committed everything on the topic and the history count stopped moving (two
     * equal reads), or {@code maxSeconds}. Returns the last end offsets, committed offsets and history count.
     */
    private long[] drain(PipelineCounters counters, List<String> devices, Instant from, Instant to, int maxSeconds,
                         List<String> events, long kafka0, double counted0) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + maxSeconds * 1_000_000_000L;
        double lastCounted = counted0;
        boolean restarted = counted0 < 0;
        long previousStored = -1;
        long previousEnd = -1;
        int steady = 0;
        long[] last = new long[3];
        while (true) {
            last[0] = counters.endOffsets(PipelineCounters.READINGS);
            last[1] = counters.committed(PipelineCounters.GROUP, PipelineCounters.READINGS);
            // Steady: nothing more arriving on Kafka (the adapter may still be working off the broker's queue).
            steady = last[0] == previousEnd ? steady + 1 : 0;
            boolean committedAll = last[0] >= 0 && last[1] >= last[0] && steady >= 2;
            // The history count reads every bucket of the window, and the embedded server deserialises each whole to
            // project its count: polled every second of a ~70 s drain it was most of mongo-wire's CPU in a window
            // (0.4-0.6 cores). warning-service commits a batch only once its buckets are stored, so it is counted
            // once the offsets say so (twice, to see it steady), or at the deadline.
            boolean overdue = System.nanoTime() > deadline;
            last[2] = committedAll || overdue ? counters.historyCount(devices, "gas_lel", from, to) : -1;
            previousEnd = last[0];
            double counted = counters.warningReadings();
            restarted |= counted < lastCounted; // a process counter that went down began again in a new process
            lastCounted = counted;
            if (!restarted && engineCaughtUpAfter < 0 && steady >= 1 && counted - counted0 >= last[0] - kafka0) {
                engineCaughtUpAfter = (System.nanoTime() - start) / 1e9;
            }
            boolean caughtUp = committedAll && last[2] == previousStored;
            if (caughtUp || overdue) {
                if (!caughtUp) {
                    note(events, "drain: not caught up after " + maxSeconds + " s (warning-service lag "
                            + (last[0] - last[1]) + ")");
                    drainedInTime = false;
                }
                return last;
            }
            previousStored = last[2];
            Thread.sleep(1_000);
        }
    }

    private TrialResult result(Plan plan, LoadProcess.Result generated, AlarmProbe probe, AlarmWatch watch,
                               long accepted, long onKafka, long committed, long counted, long stored, double drain,
                               double window, List<ProcSampler.Usage> usage, List<String> events,
                               HopTable.Result hops) {
        Map<String, Long> expected = probe.expected();
        Map<String, Long> arrived = watch.arrivals();
        long raised = expected.keySet().stream().filter(arrived::containsKey).count();
        Set<String> unexpected = new HashSet<>(arrived.keySet());
        unexpected.removeAll(expected.keySet());
        Percentiles latency = Percentiles.of(watch.latencies(expected.keySet()));
        List<String> missing = expected.keySet().stream().filter(id -> !arrived.containsKey(id)).sorted().limit(20)
                .toList();
        // A message whose connection went before its PUBACK is sent again by the device: Kafka may hold it twice (the
        // history keeps one), and one still unanswered at the end may be stored although never counted as accepted.
        long inDoubt = Math.max(0, generated.generator().inDoubt());
        long resent = Math.max(0, generated.generator().resent());
        // Loss is judged where it matters: every accepted reading stored once. Kafka may also hold a few records twice
        // that the adapter itself sent again (its spool replays what an outage left unacknowledged, and the broker
        // may have appended some before it went): at-least-once, absorbed by the history's keys; reported, not hidden.
        long twiceOnKafka = Math.max(0, onKafka - accepted - inDoubt - resent);
        boolean match = onKafka >= accepted && committed >= onKafka && within(stored, accepted, inDoubt);
        boolean drained = drainedInTime;
        String verdict = match ? "counts match: accepted = on Kafka = stored"
                + (inDoubt + resent > 0 ? " (within the " + resent + " sent again after a lost connection, "
                + inDoubt + " of them unanswered at the end)" : "")
                + (twiceOnKafka > 0 ? "; " + twiceOnKafka + " record(s) twice on Kafka (the adapter re-sent them after"
                + " the outage), stored once" : "")
                : !drained ? String.format("NOT DRAINED within the drain limit: accepted %d, on Kafka %d, committed %d, "
                + "stored %d so far (loss cannot be judged)", accepted, onKafka, committed, stored)
                : String.format("MISMATCH: accepted %d, on Kafka %d, committed %d, stored %d (%+d)", accepted, onKafka,
                committed, stored, stored - accepted);
        // The generator's own elapsed time: the window also holds its JVM start, which is no part of the rate.
        double sending = generated.elapsedMs() > 0 ? generated.elapsedMs() / 1000.0 : window;
        double acceptedRate = accepted / Math.max(0.001, sending);
        double storedRate = stored / Math.max(0.001, window + drain);
        List<String> why = new ArrayList<>();
        if (acceptedRate < 0.95 * plan.readingsPerSecond()) {
            why.add(String.format("broker accepted only %.0f/s of %d/s offered", acceptedRate, plan.readingsPerSecond()));
        }
        if (drain > 10) {
            why.add(String.format("backlog: %.0f s to drain after the window", drain));
        }
        if (latency.p99() > 1000) {
            why.add("alarm p99 " + latency.p99() + " ms");
        }
        return new TrialResult(plan.label(), plan.readingsPerSecond(), plan.devices(), plan.seconds(), generated.sent(),
                generated.acked(), generated.refused(), probe.acked(), probe.refused(), accepted, onKafka, committed,
                counted, stored, round(drain), round(acceptedRate), round(storedRate), expected.size(), raised,
                unexpected.size(), watch.duplicates(), missing, latency, watch.source(), usage, List.copyOf(events), verdict, match,
                String.join("; ", why), generated.generator(), hops);
    }

    static boolean within(long counted, long accepted, long inDoubt) {
        return counted >= accepted && counted <= accepted + inDoubt;
    }

    private void note(List<String> events, String what) {
        String line = String.format("+%5.1fs %s", (System.nanoTime() - started) / 1e9, what);
        events.add(line);
        System.out.println("bench: " + line);
    }

    static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
