package io.safetyhub.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The step-up: one window per rate (readings/s), each drained and counted before the next, until a window
 * saturates (the broker falls behind the offered rate, a backlog remains, or alarms lag) or the rates run out.
 */
public final class StepRun {
    static final String ANCHORS = """
            Anchors (architecture.md): ThingsBoard MQTT→Kafka→rules→DB 5,000 msg/s at 95 % CPU on 2 vCPU (3,000/s
            recommended); SafetyHub goal on the same core count, load generator included: 10,000 readings/s end to end
            with zero loss, alarm p99 < 100 ms at 5,000/s.
            """;

    private StepRun() {
    }

    public static int run(Target target, Options o) throws Exception {
        List<Integer> rates = o.integers("rates", "1000,2000,5000,10000,20000");
        int devices = o.integer("devices", 1000);
        int connections = o.integer("connections", 16);
        int inFlight = o.integer("in-flight", 2000);
        String client = o.get("load-client", "vertx");
        boolean appendTime = "true".equals(o.get("log-append-time", "false"));
        int seconds = o.integer("duration", 30);
        int probes = o.integer("probe-devices", 20);
        int period = o.integer("probe-period-ms", 2000);
        int drain = o.integer("drain-max", 150);
        boolean viaGateway = !"kafka".equals(o.get("alarms-from", "gateway"));
        boolean keepGoing = "true".equals(o.get("past-saturation", "false"));
        int warmupSeconds = o.integer("warmup", 30);
        int warmupRate = o.integer("warmup-rate", 1000);
        String name = o.get("name", "pipeline");
        String note = o.get("note", "");
        boolean kept = !"per-window".equals(o.get("generator", "kept"));
        o.rejectUnknown();

        if (appendTime) {
            HopScan.useLogAppendTime(target.kafka(), List.of(PipelineCounters.READINGS, AlarmWatch.ALARMS));
            System.out.println("bench: " + PipelineCounters.READINGS + " and " + AlarmWatch.ALARMS
                    + " now stamp records with the broker's append time (LogAppendTime)");
        }
        // A deployed pipeline is warm; a fresh stack's first seconds are JIT compilation (the 2026-12-01 run's first
        // window had alarm p99 6.7 s at 2,000/s, the next ones 0.3-0.6 s). So a warm-up runs first; its figures go in
        // the note, not the table, and --warmup 0 measures the cold start as a window instead.
        // A deployed fleet stays connected: one generator whose devices log in once serves every window, so that a
        // window measures the pipeline under load rather than a thousand logins and a fresh generator JVM's first
        // seconds (which held every sample over 100 ms in the fourteenth session's windows). --generator per-window
        // measures those too.
        try (LoadProcess fleet = kept ? LoadProcess.fleet(target.simulatorJar(), target.access(), devices, connections,
                inFlight, client, target.root().resolve("bench/target/load-generator.log")) : null) {
            if (fleet != null) {
                long t0 = System.nanoTime();
                if (!fleet.awaitSending(java.time.Duration.ofMinutes(5))) {
                    throw new IllegalStateException("the load generator's devices had not logged in after 5 minutes"
                            + " (its output: bench/target/load-generator.log)");
                }
                String logins = String.format("The load generator is one process for the warm-up and every window: its "
                        + "%d devices logged in once, in %.1f s, and stayed connected.", devices,
                        (System.nanoTime() - t0) / 1e9);
                System.out.println("bench: " + logins);
                note = (note.isEmpty() ? "" : note + " ") + logins;
            } else {
                note = (note.isEmpty() ? "" : note + " ") + "A load generator process per window: its devices log in "
                        + "anew for each (window figures include the logins and the generator's JIT).";
            }
            return steps(target, fleet, rates, new Trial.Plan("", 0, devices, connections, inFlight, seconds, probes,
                    period, drain, viaGateway, client), warmupSeconds, warmupRate, keepGoing, name, note);
        }
    }

    private static int steps(Target target, LoadProcess fleet, List<Integer> rates, Trial.Plan shape,
                             int warmupSeconds, int warmupRate, boolean keepGoing, String name, String note)
            throws Exception {
        int devices = shape.devices();
        int seconds = shape.seconds();
        if (warmupSeconds > 0) {
            System.out.printf("bench: warm-up %d readings/s for %d s (not a window)%n", warmupRate, warmupSeconds);
            TrialResult w = new Trial(target, fleet).run(plan(shape, "warm-up", warmupRate, warmupSeconds), null);
            note = (note.isEmpty() ? "" : note + " ") + "A warm-up of " + warmupSeconds + " s at " + warmupRate
                    + " readings/s ran first (not a window: JIT compilation of a fresh stack): " + w.verdict()
                    + "; alarm p50/p99 " + w.alarmLatencyMs().p50() + " / " + w.alarmLatencyMs().p99() + " ms.";
        }
        List<TrialResult> results = new ArrayList<>();
        for (int rate : rates) {
            System.out.printf("bench: window %d readings/s (%d devices, %d s)%n", rate, devices, seconds);
            TrialResult r = new Trial(target, fleet).run(plan(shape, rate + "/s", rate, seconds), null);
            results.add(r);
            System.out.print(Report.header() + Report.row(r));
            System.out.print(Report.hops(List.of(r)));
            System.out.println("bench: " + r.verdict());
            if (!r.countsMatch() && r.verdict().startsWith("MISMATCH")) {
                System.out.println("bench: !!! COUNTS DO NOT MATCH at " + r.label() + ": " + r.verdict() + " !!!");
            }
            if (r.saturated() && !keepGoing) {
                break;
            }
        }
        write(target, name, note, results);
        return results.stream().allMatch(TrialResult::countsMatch) ? 0 : 3;
    }

    private static Trial.Plan plan(Trial.Plan shape, String label, int rate, int seconds) {
        return new Trial.Plan(label, rate, shape.devices(), shape.connections(), shape.inFlight(), seconds,
                shape.probeDevices(), shape.probePeriodMs(), shape.drainMaxSeconds(), shape.viaGateway(),
                shape.loadClient());
    }

    static void write(Target target, String name, String note, List<TrialResult> results) throws Exception {
        Path root = target.root();
        Map<String, Object> machine = Report.machine(root);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("bench", name);
        json.put("machine", machine);
        json.put("note", note);
        json.put("devicesReach", target.access().describe());
        json.put("anchors", ANCHORS.replace("\n", " ").trim());
        json.put("windows", results);
        Path dir = root.resolve("bench/results");
        Report.writeJson(dir.resolve(name + ".json"), json);

        StringBuilder md = new StringBuilder("# Pipeline step-up (`bench/run`)\n\n");
        md.append(Report.describe(machine)).append(". ").append(note).append("\n\n");
        md.append("Devices reach the MQTT endpoint at " + target.access().describe() + ".\n\n");
        md.append("Path: simulator load generator → MQTT endpoint → device-adapter → Kafka `telemetry.readings.v1` → "
                + "warning-service (rules + history buckets in mongo-wire). Every process on this one machine.\n\n");
        md.append(Report.header());
        results.forEach(r -> md.append(Report.row(r)));
        md.append("\n").append(saturation(results)).append("\n\n");
        md.append("## CPU and memory per process\n\n").append(Report.processes(results));
        md.append("\n## Hop by hop\n\n").append(Report.hops(results));
        md.append("\n## Load generator\n\n").append(Report.generators(results));
        md.append("\n## Notes per window\n\n");
        for (TrialResult r : results) {
            md.append("- ").append(r.label()).append(": ").append(r.verdict()).append("; alarms via ")
                    .append(r.alarmSource()).append("; ").append(String.join("; ", r.events())).append('\n');
        }
        md.append("\n").append(ANCHORS);
        Report.writeMarkdown(dir.resolve(name + ".md"), md.toString());
        System.out.println("bench: wrote " + dir.resolve(name + ".json") + " and " + name + ".md");
    }

    static String saturation(List<TrialResult> results) {
        TrialResult best = null;
        for (TrialResult r : results) {
            if (!r.saturated() && r.countsMatch()) {
                best = r;
            }
        }
        TrialResult first = results.stream().filter(TrialResult::saturated).findFirst().orElse(null);
        String held = best == null ? "No window held its offered rate." : String.format(
                "Highest window held without loss or backlog: **%d readings/s** (%.0f stored/s including the drain).",
                best.offeredPerSecond(), best.storedPerSecond());
        return held + (first == null ? " No window saturated." : " Saturates at " + first.label() + ": "
                + first.saturation() + ".");
    }
}
