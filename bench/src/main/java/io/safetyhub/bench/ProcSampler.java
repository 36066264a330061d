package io.safetyhub.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * CPU and RSS of processes from /proc, each with its descendants (Keycloak's kc.sh starts a java child; the
 * launcher may start a component through setsid). CPU is utime + stime, so a window's difference divided by the
 * window's length is the cores it used on average. Of that CPU, what a JVM's JIT compiler threads and its collector
 * (the serial collector works on the VM thread, G1 on its GC and concurrent threads) spent is counted apart from
 * /proc/PID/task: a JVM pays those once per process whatever its load, so two replicas' sum over one's is only
 * meaningful beside them.
 */
public final class ProcSampler {
    /** USER_HZ: fixed at 100 on every Linux the JDK supports, whatever the kernel's HZ. */
    static final double TICKS_PER_SECOND = 100.0;

    /** One process tree at one instant. */
    public record Sample(String name, long pid, double cpuSeconds, long rssKb, long peakRssKb, double jitSeconds,
                         double gcSeconds) {
    }

    /**
     * A process tree over a window: average cores used during the load, RSS at the end, and the CPU seconds it spent
     * from the window's start until its backlog drained (what the readings of the window cost it in all).
     */
    public record Usage(String name, long pid, double cores, long rssMb, long peakRssMb, double cpuSeconds,
                        double jitSeconds, double gcSeconds) {
        /** CPU µs per reading when {@code readings} were accepted in the window. */
        public double microsPer(long readings) {
            return readings <= 0 ? 0 : Math.round(cpuSeconds * 1e6 / readings * 10) / 10.0;
        }
    }

    private ProcSampler() {
    }

    /**
     * Samples the trees rooted at the given pids (name -> pid); gone processes are left out. A listed process that
     * descends from another listed one (the load generator, a child of the bench) is counted under its own name only:
     * counted in its parent's tree too, it would count twice while it lives and make its parent's CPU fall when it
     * exits.
     */
    public static Map<String, Sample> sample(Map<String, Long> pids) {
        Map<String, Sample> out = new LinkedHashMap<>();
        Set<Long> listed = Set.copyOf(pids.values());
        pids.forEach((name, pid) -> tree(pid, listed).ifPresent(t -> out.put(name, new Sample(name, pid, t[0],
                (long) t[1], (long) t[2], t[3], t[4]))));
        return out;
    }

    /** Usage between two samples of the same trees over {@code seconds}. */
    public static List<Usage> usage(Map<String, Sample> before, Map<String, Sample> after, double seconds) {
        return after.values().stream().map(a -> {
            Sample b = before.get(a.name());
            boolean fresh = b == null || b.pid() != a.pid();
            double cpu = fresh ? a.cpuSeconds() : a.cpuSeconds() - b.cpuSeconds();
            return new Usage(a.name(), a.pid(), Math.round(cpu / Math.max(0.001, seconds) * 100) / 100.0,
                    a.rssKb() / 1024, a.peakRssKb() / 1024, cpu,
                    fresh ? a.jitSeconds() : a.jitSeconds() - b.jitSeconds(),
                    fresh ? a.gcSeconds() : a.gcSeconds() - b.gcSeconds());
        }).toList();
    }

    /**
     * cpu seconds, rss kB, peak rss kB (VmHWM summed over the tree), JIT compiler and collector cpu seconds of a pid
     * and its descendants.
     */
    private static Optional<double[]> tree(long pid, Set<Long> listed) {
        Optional<ProcessHandle> root = ProcessHandle.of(pid);
        if (root.isEmpty()) {
            return Optional.empty();
        }
        double[] total = new double[5];
        Stream<ProcessHandle> own = root.get().descendants().filter(d -> !underListed(d, pid, listed));
        Stream.concat(Stream.of(root.get()), own).forEach(p -> {
            total[0] += cpuSeconds(p.pid());
            total[1] += statusKb(p.pid(), "VmRSS:");
            total[2] += statusKb(p.pid(), "VmHWM:");
            double[] jvm = jvmThreadSeconds(p.pid());
            total[3] += jvm[0];
            total[4] += jvm[1];
        });
        return Optional.of(total);
    }

    /** Whether a descendant of {@code root} is itself listed, or below a listed process other than the root. */
    private static boolean underListed(ProcessHandle descendant, long root, Set<Long> listed) {
        for (Optional<ProcessHandle> p = Optional.of(descendant); p.isPresent() && p.get().pid() != root;
             p = p.get().parent()) {
            if (listed.contains(p.get().pid())) {
                return true;
            }
        }
        return false;
    }

    /** What a thread's name (/proc's comm, cut at 15 characters) says it does for the JVM itself. */
    enum JvmThread {
        JIT, GC, OTHER;

        static JvmThread of(String comm) {
            if (comm.startsWith("C1 CompilerThre") || comm.startsWith("C2 CompilerThre")) {
                return JIT;
            }
            if (comm.equals("VM Thread") || comm.startsWith("GC Thread") || comm.startsWith("G1 ")) {
                return GC;
            }
            return OTHER;
        }
    }

    /** JIT compiler and collector cpu seconds of one process, from its threads. */
    static double[] jvmThreadSeconds(long pid) {
        double[] seconds = new double[2];
        Path tasks = Path.of("/proc", Long.toString(pid), "task");
        try (Stream<Path> threads = Files.list(tasks)) {
            threads.forEach(task -> {
                try {
                    JvmThread kind = JvmThread.of(Files.readString(task.resolve("comm")).strip());
                    if (kind != JvmThread.OTHER) {
                        seconds[kind.ordinal()] += statSeconds(task.resolve("stat"));
                    }
                } catch (IOException | RuntimeException gone) {
                    // the thread ended between the listing and the read
                }
            });
        } catch (IOException | RuntimeException gone) {
            // the process ended
        }
        return seconds;
    }

    static double cpuSeconds(long pid) {
        return statSeconds(Path.of("/proc", Long.toString(pid), "stat"));
    }

    /** utime + stime of a /proc stat file (a process's or a thread's), 0 when it is gone. */
    static double statSeconds(Path statFile) {
        try {
            String stat = Files.readString(statFile);
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
