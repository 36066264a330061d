package io.safetyhub.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Writes a run's results as JSON and as a markdown summary, both stamped with the machine and the commit. */
public final class Report {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Report() {
    }

    /** Cores, memory, load average, commit (with "+dirty" when the tree has uncommitted changes) and the time. */
    public static Map<String, Object> machine(Path root) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("measuredAt", Instant.now().toString());
        m.put("cores", Runtime.getRuntime().availableProcessors());
        m.put("loadAverageAtEnd", read("/proc/loadavg").split(" ")[0]);
        m.put("memTotal", read("/proc/meminfo").lines().findFirst().orElse("").replaceAll("\\s+", " "));
        String commit = git(root, "rev-parse", "--short", "HEAD");
        m.put("commit", commit + (git(root, "status", "--porcelain").isBlank() ? "" : "+dirty"));
        m.put("java", System.getProperty("java.version"));
        return m;
    }

    /** One line for a markdown summary: time, cores, commit, load average at the end. */
    public static String describe(Map<String, Object> machine) {
        return String.format("Measured %s on %s cores (%s), commit %s, Java %s; load average at the end %s",
                machine.get("measuredAt"), machine.get("cores"), machine.get("memTotal"), machine.get("commit"),
                machine.get("java"), machine.get("loadAverageAtEnd"));
    }

    public static void writeJson(Path file, Map<String, Object> content) throws IOException {
        Files.createDirectories(file.getParent());
        JSON.writeValue(file.toFile(), content);
    }

    public static void writeMarkdown(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    /** The table row of one window. */
    public static String row(TrialResult r) {
        return String.format("| %s | %d | %d | %d | %d | %d | %d | %.0f | %.0f | %.1f | %d/%d (%d dup) | %s | %s |%n",
                r.label(), r.offeredPerSecond(), r.accepted(), r.onKafka(), r.committed(), r.stored(),
                r.stored() - r.accepted(), r.acceptedPerSecond(), r.storedPerSecond(), r.drainSeconds(),
                r.alarmsRaised(), r.alarmsExpected(), r.alarmDuplicates(), latency(r.alarmLatencyMs()),
                r.saturated() ? "**" + r.saturation() + "**" : "no");
    }

    public static String header() {
        return "| window | offered/s | accepted (PUBACK) | on Kafka | committed by warning | stored in history "
                + "| stored − accepted | accepted/s | stored/s (incl. drain) | drain s | alarms raised/expected "
                + "| alarm latency p50/p90/p99/max ms | saturated |\n"
                + "|---|---|---|---|---|---|---|---|---|---|---|---|---|\n";
    }

    static String latency(Percentiles p) {
        return p.count() == 0 ? "—" : p.p50() + " / " + p.p90() + " / " + p.p99() + " / " + p.max();
    }

    /**
     * Per process of each window: cores during the load, RSS, and CPU µs per accepted reading (CPU seconds from the
     * window's start until its backlog drained, over the readings accepted in it), and of those CPU seconds what the
     * JVM's JIT compilers and its collector took.
     */
    public static String processes(List<TrialResult> results) {
        StringBuilder sb = new StringBuilder("| window | process | CPU cores (load) | CPU s (load + drain) "
                + "| of which JIT s | of which GC s | CPU µs per accepted reading | RSS MiB | peak RSS MiB |\n"
                + "|---|---|---|---|---|---|---|---|---|\n");
        for (TrialResult r : results) {
            double total = 0;
            double seconds = 0;
            for (ProcSampler.Usage u : r.processes()) {
                sb.append(String.format("| %s | %s | %.2f | %.1f | %.1f | %.1f | %.1f | %d | %d |%n", r.label(),
                        u.name(), u.cores(), u.cpuSeconds(), u.jitSeconds(), u.gcSeconds(), u.microsPer(r.accepted()),
                        u.rssMb(), u.peakRssMb()));
                total += u.cores();
                seconds += u.cpuSeconds();
            }
            sb.append(String.format("| %s | **all** | **%.2f** | **%.1f** | | | **%.1f** | | |%n", r.label(), total,
                    seconds, r.accepted() <= 0 ? 0 : seconds * 1e6 / r.accepted()));
        }
        return sb.toString();
    }

    /** The hop table of each window, then what the pipeline's records could not tell. */
    public static String hops(List<TrialResult> results) {
        StringBuilder sb = new StringBuilder("| window | from | to | over | samples | p50 ms | p99 ms | max ms |\n"
                + "|---|---|---|---|---|---|---|---|\n");
        List<String> notes = new java.util.ArrayList<>();
        List<String> tails = new java.util.ArrayList<>();
        for (TrialResult r : results) {
            HopTable.Result h = r.hops() == null ? HopTable.Result.NONE : r.hops();
            h.tails().forEach(t -> tails.add(r.label() + ": " + t));
            for (HopTable.Hop hop : h.hops()) {
                Percentiles p = hop.ms();
                sb.append(String.format("| %s | %s | %s | %s | %d | %s | %s | %s |%n", r.label(), hop.from(), hop.to(),
                        hop.over(), p.count(), p.count() == 0 ? "—" : p.p50(), p.count() == 0 ? "—" : p.p99(),
                        p.count() == 0 ? "—" : p.max()));
            }
            h.notes().stream().filter(n -> !notes.contains(n)).forEach(notes::add);
        }
        notes.forEach(n -> sb.append("\n- ").append(n));
        if (!tails.isEmpty()) {
            sb.append("\n\nWhere the tail sits: the seconds whose samples took over ").append(HopTable.SLOW_MS)
                    .append(" ms, by the second they arrived in\n");
            tails.forEach(t -> sb.append("\n- ").append(t));
        }
        return sb.append('\n').toString();
    }

    /** What the open-loop generator reported of itself in each window. */
    public static String generators(List<TrialResult> results) {
        StringBuilder sb = new StringBuilder("| window | in flight (max) | lateness p50/p99/p99.9/max µs "
                + "| PUBACK p50/p99/p99.9/max µs | its CPU µs per message | unanswered at the end |\n"
                + "|---|---|---|---|---|---|\n");
        for (TrialResult r : results) {
            LoadProcess.Generator g = r.generator() == null ? LoadProcess.Generator.UNKNOWN : r.generator();
            sb.append(String.format("| %s | %d | %s | %s | %.1f | %d |%n", r.label(), g.window(), joined(g.latenessUs()),
                    joined(g.pubackUs()), g.cpuMicrosPerMessage(), g.inDoubt()));
        }
        return sb.toString();
    }

    static String joined(long[] values) {
        return java.util.Arrays.stream(values).mapToObj(Long::toString).collect(java.util.stream.Collectors.joining("/"));
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file));
        } catch (IOException e) {
            return "";
        }
    }

    static String git(Path root, String... args) {
        String[] command = new String[args.length + 3];
        command[0] = "git";
        command[1] = "-C";
        command[2] = root.toString();
        System.arraycopy(args, 0, command, 3, args.length);
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 ? out : "unknown";
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }
}
