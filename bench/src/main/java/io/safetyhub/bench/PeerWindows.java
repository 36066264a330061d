package io.safetyhub.bench;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/** One window of the peer run against one target: load, probe, drain, counts, CPU. */
final class PeerWindows {
    private PeerWindows() {
    }

    /**
     * @param system the target's own processes (name -> pid), whose CPU is the system's
     * @param sink   what the target counted behind its endpoint so far (lines stored, PUBLISHes received), or null
     * @param alarms whether the target raises alarms (the probe runs and its alarms are listened for)
     */
    static PeerRun.PeerWindow window(String name, String url, int rate, PeerRun.Settings s, Target target,
                                     Map<String, Long> system, LongSupplier sink, boolean alarms) throws Exception {
        System.out.printf("bench: %s, %d readings/s (%d devices, %d s)%n", name, rate, s.devices(), s.seconds());
        Clock clock = Clock.systemUTC();
        List<String> notes = new ArrayList<>();
        DeviceAccess access = DeviceAccess.anonymous(url);
        long sink0 = sink == null ? 0 : Math.max(0, sink.getAsLong());
        try (AlarmWatch watch = new AlarmWatch(clock, AlarmProbe.PREFIX);
             AlarmProbe probe = alarms ? new AlarmProbe(access, s.probeDevices(), s.probePeriodMs(), clock) : null) {
            if (alarms) {
                watch.startMqtt(url, "safetyhub/+/+/+/alarm");
            }
            LoadProcess load = LoadProcess.start(target.simulatorJar(), access, s.devices(), (double) rate / s.devices(),
                    s.connections(), s.inFlight(), s.seconds(), s.loadClient(),
                    target.root().resolve("bench/target/load-generator.log"));
            load.awaitSending(java.time.Duration.ofMinutes(5)); // CPU counted from the first message, not the logins
            ProcWatch procs = new ProcWatch(() -> {
                Map<String, Long> pids = new LinkedHashMap<>(system);
                pids.put("load generator", load.pid());
                pids.put("bench", ProcessHandle.current().pid());
                return pids;
            });
            if (probe != null) {
                probe.start();
            }
            LoadProcess.Result generated = load.await();
            if (probe != null) {
                probe.stop();
            }
            procs.loadEnded();
            long accepted = Math.max(0, generated.acked()) + (probe == null ? 0 : probe.acked());
            if (generated.acked() < 0) {
                notes.add("the generator printed no result (exit " + generated.exitCode() + ": " + generated.tail() + ")");
            }
            long drainStart = System.nanoTime();
            long sunk = sink == null ? -1 : drain(sink, sink0, accepted, s.drainMaxSeconds(), notes);
            double drain = Trial.round((System.nanoTime() - drainStart) / 1e9);
            if (alarms) {
                Thread.sleep(2_000); // the last alarms on their way back
            }
            procs.close();
            List<ProcSampler.Usage> usage = procs.usage();
            double cpu = usage.stream().filter(u -> !PeerComparison.MEASURING.contains(u.name()))
                    .mapToDouble(ProcSampler.Usage::cpuSeconds).sum();
            Map<String, Long> expected = probe == null ? Map.of() : probe.expected();
            Map<String, Long> arrived = watch.arrivals();
            long raised = expected.keySet().stream().filter(arrived::containsKey).count();
            double seconds = generated.elapsedMs() > 0 ? generated.elapsedMs() / 1000.0 : s.seconds();
            PeerRun.PeerWindow w = new PeerRun.PeerWindow(name, rate, accepted, Trial.round(accepted / seconds), sunk,
                    sunk < 0 ? -1 : Math.max(0, accepted - sunk), expected.size(), raised, watch.duplicates(),
                    Percentiles.of(watch.latencies(expected.keySet())), drain, generated.generator(), usage,
                    accepted <= 0 ? -1 : Trial.round(cpu * 1e6 / accepted), notes);
            System.out.printf("bench: %s at %d/s: accepted %d, behind it %d, alarms %d/%d, %s, %.1f µs/reading%n", name,
                    rate, accepted, sunk, raised, expected.size(), w.alarmLatencyMs().describe(),
                    w.systemMicrosPerReading());
            return w;
        }
    }

    /** Waits until the count behind the endpoint reached what was accepted and stopped moving, or the limit. */
    private static long drain(LongSupplier sink, long sink0, long accepted, int maxSeconds, List<String> notes)
            throws InterruptedException {
        long deadline = System.nanoTime() + maxSeconds * 1_000_000_000L;
        long previous = -1;
        int steady = 0;
        while (true) {
            long now = sink.getAsLong() - sink0;
            steady = now == previous ? steady + 1 : 0;
            previous = now;
            if ((now >= accepted && steady >= 1) || steady >= 5) {
                return now;
            }
            if (System.nanoTime() > deadline) {
                notes.add("not drained within " + maxSeconds + " s");
                return now;
            }
            Thread.sleep(1_000);
        }
    }
}
