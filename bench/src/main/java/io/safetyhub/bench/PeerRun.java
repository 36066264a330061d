package io.safetyhub.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

/**
 * {@code bench/run peers}: the same open-loop generator and alarm probe, at the same rates as the step-up, against
 * what a district integrator would run instead and against the floor, each alone on the machine:
 * <ul>
 *   <li>{@code peer}: Debian's mosquitto (persistence on, saved every 1,000 changes) with Node-RED running the
 *   committed flow {@code bench/peers/node-red/flows.json} (QoS 1 in, readings appended to a file, the first gas
 *   thresholds, alarms published back at QoS 1); stored = lines appended, alarms heard on
 *   {@code safetyhub/+/+/+/alarm};</li>
 *   <li>{@code mosquitto}: the same mosquitto with nothing attached (what the broker alone costs);</li>
 *   <li>{@code floor}: {@link MqttFloor}, which only acknowledges; stored = PUBLISHes it counted.</li>
 * </ul>
 * SafetyHub's figures come from the step results named by {@code --compare}; the results file holds every target's
 * windows and SafetyHub / target ratios per rate.
 */
public final class PeerRun {
    private PeerRun() {
    }

    /** One target's window. */
    public record PeerWindow(String target, int offeredPerSecond, long accepted, double acceptedPerSecond, long sunk,
                             long loss, long alarmsExpected, long alarmsRaised, long alarmDuplicates,
                             Percentiles alarmLatencyMs, double drainSeconds, LoadProcess.Generator generator,
                             List<ProcSampler.Usage> processes, double systemMicrosPerReading, List<String> notes) {
        PeerComparison.Figures figures() {
            return new PeerComparison.Figures(target, offeredPerSecond, acceptedPerSecond, accepted, loss,
                    alarmLatencyMs.count() > 0 ? alarmLatencyMs.p50() : -1,
                    alarmLatencyMs.count() > 0 ? alarmLatencyMs.p99() : -1,
                    generator.pubackUs()[1], systemMicrosPerReading);
        }
    }

    public static int run(Target target, Options o) throws Exception {
        String compare = o.get("compare", "pipeline");
        Path compareFile = target.root().resolve("bench/results/" + compare + ".json");
        JsonNode safetyHub = Files.isRegularFile(compareFile) ? new ObjectMapper().readTree(compareFile.toFile()) : null;
        List<PeerComparison.Figures> shFigures = safetyHub == null ? List.of() : PeerComparison.safetyHub(safetyHub);
        String defaultRates = shFigures.isEmpty() ? "1000,2000,5000,10000" : shFigures.stream()
                .map(f -> Integer.toString(f.offeredPerSecond())).collect(Collectors.joining(","));
        List<Integer> rates = o.integers("rates", defaultRates);
        Settings s = new Settings(o.integer("devices", 1000), o.integer("connections", 16), o.integer("in-flight", 2000),
                o.integer("duration", 30), o.integer("probe-devices", 20), o.integer("probe-period-ms", 2000),
                o.integer("drain-max", 90), o.get("load-client", "vertx"));
        List<String> targets = List.of(o.get("targets", "peer,mosquitto,floor").split(","));
        int peerPort = o.integer("peer-port", 18830);
        int brokerPort = o.integer("broker-port", 18831);
        int floorPort = o.integer("floor-port", 18832);
        int nodeRedPort = o.integer("node-red-port", 18800);
        String name = o.get("name", "peers");
        String benchJar = o.get("bench-jar", target.root().resolve("bench/target/bench.jar").toString());
        o.rejectUnknown();

        Path peerDir = target.root().resolve("bench/peers/node-red");
        Path run = target.root().resolve("bench/peers/run");
        List<PeerWindow> windows = new ArrayList<>();
        try (PeerProcesses procs = new PeerProcesses(run)) {
            for (String t : targets) {
                switch (t.trim()) {
                    case "peer" -> {
                        Path readings = run.resolve("readings.jsonl");
                        Files.deleteIfExists(readings); // each window counts what it appended; the file starts empty
                        var broker = procs.mosquitto("peer-mosquitto", peerPort);
                        var flow = procs.nodeRed(peerDir, peerPort, nodeRedPort, readings);
                        LineCounter lines = new LineCounter(readings);
                        for (int rate : rates) {
                            windows.add(PeerWindows.window("peer (Node-RED + mosquitto)", "tcp://127.0.0.1:" + peerPort,
                                    rate, s, target, Map.of("mosquitto", broker.pid(), "node-red", flow.pid()),
                                    lines::count, true));
                        }
                        procs.stop(flow);
                        procs.stop(broker);
                    }
                    case "mosquitto" -> {
                        var broker = procs.mosquitto("bare-mosquitto", brokerPort);
                        for (int rate : rates) {
                            windows.add(PeerWindows.window("mosquitto alone", "tcp://127.0.0.1:" + brokerPort, rate, s,
                                    target, Map.of("mosquitto", broker.pid()), null, false));
                        }
                        procs.stop(broker);
                    }
                    case "floor" -> {
                        var floor = procs.floor(benchJar, floorPort);
                        LongSupplier received = () -> PeerProcesses.floorReceived(floor);
                        for (int rate : rates) {
                            windows.add(PeerWindows.window("floor (Vert.x MQTT, acknowledge only)",
                                    "tcp://127.0.0.1:" + floorPort, rate, s, target, Map.of("floor", floor.pid()),
                                    received, false));
                        }
                        procs.stop(floor);
                    }
                    default -> throw new IllegalArgumentException("unknown target " + t + " (peer, mosquitto, floor)");
                }
            }
        }
        write(target.root(), name, compare, safetyHub, shFigures, windows);
        return windows.stream().allMatch(w -> w.loss() <= 0) ? 0 : 3;
    }

    /** What every window of the run shares. */
    record Settings(int devices, int connections, int inFlight, int seconds, int probeDevices, int probePeriodMs,
                    int drainMaxSeconds, String loadClient) {
    }

    static void write(Path root, String name, String compare, JsonNode safetyHub, List<PeerComparison.Figures> sh,
                      List<PeerWindow> windows) throws Exception {
        Map<String, Object> machine = Report.machine(root);
        List<PeerComparison.Figures> others = windows.stream().map(PeerWindow::figures).toList();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("bench", name);
        json.put("machine", machine);
        json.put("safetyHubFrom", "bench/results/" + compare + ".json" + (safetyHub == null ? " (missing)"
                : ", measured " + safetyHub.path("machine").path("measuredAt").asText() + " at commit "
                + safetyHub.path("machine").path("commit").asText()));
        json.put("safetyHub", sh);
        json.put("windows", windows);
        json.put("comparison", others);
        Path dir = root.resolve("bench/results");
        Report.writeJson(dir.resolve(name + ".json"), json);
        StringBuilder md = new StringBuilder("# SafetyHub against a peer and the floor (`bench/run peers`)\n\n");
        md.append(Report.describe(machine)).append(".\n\nSafetyHub: ").append(json.get("safetyHubFrom"))
                .append(". Same generator (open loop, QoS 1), same alarm probe, same rates; each target alone.\n\n");
        md.append(PeerComparison.table(sh, others)).append("\n## Per window\n\n");
        for (PeerWindow w : windows) {
            md.append(String.format("- %s at %d/s: accepted %d (%.0f/s), %s, alarms %d/%d (%d dup), latency %s; "
                            + "drain %.1f s; %s%n", w.target(), w.offeredPerSecond(), w.accepted(), w.acceptedPerSecond(),
                    w.sunk() < 0 ? "nothing behind it to count" : "counted behind it " + w.sunk() + ", loss " + w.loss(),
                    w.alarmsRaised(), w.alarmsExpected(), w.alarmDuplicates(), w.alarmLatencyMs().describe(),
                    w.drainSeconds(), String.join("; ", w.notes())));
            for (ProcSampler.Usage u : w.processes()) {
                md.append(String.format("  - %s: %.2f cores, %.1f µs per accepted reading, %d MiB%n", u.name(), u.cores(),
                        u.microsPer(w.accepted()), u.rssMb()));
            }
        }
        Report.writeMarkdown(dir.resolve(name + ".md"), md.toString());
        System.out.println("bench: wrote " + dir.resolve(name + ".json") + " and " + name + ".md");
    }
}
