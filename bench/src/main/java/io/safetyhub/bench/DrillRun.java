package io.safetyhub.bench;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A fault drill: a steady load window with one fault in the middle of it, then the counts. The faults go through
 * {@code bin/safetyhub kill|stop|start NAME}, i.e. the same processes {@code up} started.
 */
public final class DrillRun {
    private DrillRun() {
    }

    public static int run(Target target, String drill, Options o) throws Exception {
        int rate = o.integer("rate", 1000);
        int devices = o.integer("devices", 500);
        int seconds = o.integer("duration", 80);
        int faultAt = o.integer("fault-at", 10);
        int outage = o.integer("outage", 30);
        int drain = o.integer("drain-max", 240);
        int inFlight = o.integer("in-flight", 2000);
        // Paho by default: its devices keep their unacknowledged messages and resend them after the fault.
        String client = o.get("load-client", "paho");
        o.rejectUnknown();
        Trial.Fault fault = switch (drill) {
            case "kill-adapter" -> (t, note) -> killAndRestart(t, "device-adapter", faultAt, note);
            case "kill-warning" -> (t, note) -> killAndRestart(t, "warning-service", faultAt, note);
            case "stop-kafka" -> (t, note) -> stopFor(t, "kafka", faultAt, outage, note);
            // The MQTT endpoint is device-adapter itself (no broker): stopped cleanly for the outage, devices keep
            // their unacknowledged messages and reconnect when it is back.
            case "stop-mqtt" -> (t, note) -> stopFor(t, "device-adapter", faultAt, outage, note);
            default -> throw new IllegalArgumentException("unknown drill " + drill
                    + " (kill-adapter, kill-warning, stop-kafka, stop-mqtt)");
        };
        TrialResult r = new Trial(target).run(new Trial.Plan(drill, rate, devices, 16, inFlight, seconds, 20, 2000,
                drain, false, client),
                fault);
        // A generator that died (no result line: its sent and acknowledged are unknown) proves nothing about loss.
        boolean loadRan = r.generatorSent() > 0 && r.generatorAcked() >= 0;
        boolean clean = loadRan && r.countsMatch() && r.alarmsRaised() == r.alarmsExpected() && r.alarmDuplicates() == 0;
        String summary = String.format("readings sent %d (PUBACKed %d + probe %d = %d accepted), on Kafka %d, stored %d; "
                        + "alarms expected %d, raised %d, unexpected %d, duplicate %d -> %s", r.generatorSent(),
                r.generatorAcked(), r.probeAcked(), r.accepted(), r.onKafka(), r.stored(), r.alarmsExpected(),
                r.alarmsRaised(), r.alarmsUnexpected(), r.alarmDuplicates(), clean ? "NO LOSS, NO DUPLICATE"
                        : !loadRan ? "THE LOAD GENERATOR FAILED: no verdict" : r.verdict().startsWith("NOT DRAINED") ? "NOT DRAINED in time: no verdict" : "LOSS OR DUPLICATE");
        System.out.println("drill " + drill + ": " + summary);
        write(target.root(), drill, r, summary);
        return clean ? 0 : 3;
    }

    private static void killAndRestart(Target t, String name, int at, Consumer<String> note) throws InterruptedException {
        Thread.sleep(at * 1000L);
        note.accept("kill -9 " + name + ": exit " + t.launcher("kill", name));
        note.accept("restart " + name + ": exit " + t.launcher("start", name) + " (ready)");
    }

    private static void stopFor(Target t, String name, int at, int outage, Consumer<String> note)
            throws InterruptedException {
        Thread.sleep(at * 1000L);
        note.accept("stop " + name + ": exit " + t.launcher("stop", name));
        Thread.sleep(outage * 1000L);
        note.accept("start " + name + " after " + outage + " s: exit " + t.launcher("start", name) + " (ready)");
    }

    static void write(Path root, String drill, TrialResult r, String summary) throws Exception {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("drill", drill);
        json.put("machine", Report.machine(root));
        json.put("summary", summary);
        json.put("result", r);
        Path dir = root.resolve("bench/results");
        Report.writeJson(dir.resolve("drill-" + drill + ".json"), json);
        String md = "# Fault drill `" + drill + "`\n\n" + summary + "\n\n" + Report.describe(Report.machine(root)) + ".\n\n"
                + Report.header() + Report.row(r) + "\n" + Report.processes(List.of(r)) + "\n" + Report.hops(List.of(r))
                + "\n## Timeline\n\n"
                + String.join("\n", r.events().stream().map(e -> "- " + e).toList()) + "\n";
        Report.writeMarkdown(dir.resolve("drill-" + drill + ".md"), md);
    }
}
