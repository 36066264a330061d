package io.safetyhub.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * CPU and RSS of processes from /proc, each with its descendants (Keycloak's kc.sh starts a java child; the
 * launcher may start a component through setsid). CPU is utime + stime, so a window's difference divided by the
 * window's length is the cores it used on average.
 */
public final class ProcSampler {
    /** USER_HZ: fixed at 100 on every Linux the JDK supports, whatever the kernel's HZ. */
    static final double TICKS_PER_SECOND = 100.0;

    /** One process tree at one instant. */
    public record Sample(String name, long pid, double cpuSeconds, long rssKb, long peakRssKb) {
    }

    /**
     * A process tree over a window: average cores used during the load, RSS at the end, and the CPU seconds it spent
     * from the window's start until its backlog drained (what the readings of the window cost it in all).
     */
    public record Usage(String name, long pid, double cores, long rssMb, long peakRssMb, double cpuSeconds) {
        /** CPU µs per reading when {@code readings} were accepted in the window. */
        public double microsPer(long readings) {
            return readings <= 0 ? 0 : Math.round(cpuSeconds * 1e6 / readings * 10) / 10.0;
        }
    }

    private ProcSampler() {
    }

    /** Samples the trees rooted at the given pids (name -> pid); gone processes are left out. */
    public static Map<String, Sample> sample(Map<String, Long> pids) {
        Map<String, Sample> out = new LinkedHashMap<>();
        pids.forEach((name, pid) -> tree(pid).ifPresent(t -> out.put(name, new Sample(name, pid, t[0], (long) t[1],
                (long) t[2]))));
        return out;
    }

    /** Usage between two samples of the same trees over {@code seconds}. */
    public static List<Usage> usage(Map<String, Sample> before, Map<String, Sample> after, double seconds) {
        return after.values().stream().map(a -> {
            Sample b = before.get(a.name());
            double cpu = b == null || b.pid() != a.pid() ? a.cpuSeconds() : a.cpuSeconds() - b.cpuSeconds();
            return new Usage(a.name(), a.pid(), Math.round(cpu / Math.max(0.001, seconds) * 100) / 100.0,
                    a.rssKb() / 1024, a.peakRssKb() / 1024, cpu);
        }).toList();
    }

    /** cpu seconds, rss kB, peak rss kB (VmHWM summed over the tree) of a pid and its descendants. */
    private static Optional<double[]> tree(long pid) {
        Optional<ProcessHandle> root = ProcessHandle.of(pid);
        if (root.isEmpty()) {
            return Optional.empty();
        }
        double[] total = new double[3];
        Stream.concat(Stream.of(root.get()), root.get().descendants()).forEach(p -> {
            total[0] += cpuSeconds(p.pid());
            total[1] += statusKb(p.pid(), "VmRSS:");
            total[2] += statusKb(p.pid(), "VmHWM:");
        });
        return Optional.of(total);
    }

    static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // The command name may hold spaces and parentheses: fields are counted after the last ')'.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }

    static long statusKb(long pid, String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith(key)) {
                    return Long.parseLong(line.substring(key.length()).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
        return 0;
    }
}
