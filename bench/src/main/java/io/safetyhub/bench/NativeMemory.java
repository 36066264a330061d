package io.safetyhub.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a JVM's memory goes at the end of a window's load, for the JVMs started with Native Memory Tracking
 * ({@code -XX:NativeMemoryTracking=summary}, e.g. through {@code SAFETYHUB_JVM_OPTIONS_WARNING_SERVICE}): RSS alone
 * cannot tell the heap from class metadata, compiled code or direct buffers, and the footprint goal (issue 16) is
 * decided by those. Others are left alone: attaching {@code jcmd} to every JVM would cost each window seconds.
 */
final class NativeMemory {
    private static final Pattern TOTAL = Pattern.compile("^Total: reserved=(\\d+)KB, committed=(\\d+)KB");
    private static final Pattern CATEGORY = Pattern.compile("^-\\s+(.+?) \\(reserved=(\\d+)KB, committed=(\\d+)KB");
    private static final String SELF = "Native Memory Tracking";

    private NativeMemory() {
    }

    /**
     * Starts taking the summaries of the given processes that track native memory, off the caller's thread (the
     * drain's timing starts right after the load); the future gives one line per such process.
     */
    static CompletableFuture<List<String>> snapshot(Map<String, Long> pids) {
        Map<String, Long> tracked = new LinkedHashMap<>();
        pids.forEach((name, pid) -> {
            if (tracks(pid)) {
                tracked.put(name, pid);
            }
        });
        if (tracked.isEmpty()) {
            return CompletableFuture.completedFuture(List.of());
        }
        return CompletableFuture.supplyAsync(() -> {
            List<String> lines = new ArrayList<>();
            tracked.forEach((name, pid) -> summary(pid).ifPresent(
                    committed -> lines.add(line(name, committed))));
            return lines;
        });
    }

    /** Whether the process was started with Native Memory Tracking (its command line, as /proc shows it). */
    private static boolean tracks(long pid) {
        try {
            String cmdline = Files.readString(Path.of("/proc", Long.toString(pid), "cmdline"),
                    StandardCharsets.ISO_8859_1);
            return cmdline.contains("-XX:NativeMemoryTracking=summary")
                    || cmdline.contains("-XX:NativeMemoryTracking=detail");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static Optional<Map<String, Long>> summary(long pid) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "VM.native_memory", "summary")
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
            return parse(out);
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /**
     * Committed KiB per category of a {@code VM.native_memory summary}, with "Total" first; empty when the output is
     * not one (tracking off, the process gone).
     */
    static Optional<Map<String, Long>> parse(String summary) {
        Map<String, Long> committed = new LinkedHashMap<>();
        for (String raw : summary.split("\n")) {
            String line = raw.strip();
            Matcher total = TOTAL.matcher(line);
            if (total.find()) {
                committed.put("Total", Long.parseLong(total.group(2)));
                continue;
            }
            Matcher category = CATEGORY.matcher(line);
            if (category.find()) {
                committed.put(category.group(1).strip(), Long.parseLong(category.group(3)));
            }
        }
        return committed.containsKey("Total") ? Optional.of(committed) : Optional.empty();
    }

    /**
     * One line for the results: the total without the tracking's own memory, then every category of 1 MiB or more,
     * largest first, committed MiB.
     */
    static String line(String process, Map<String, Long> committedKb) {
        long self = committedKb.getOrDefault(SELF, 0L);
        StringBuilder sb = new StringBuilder(process).append(" native memory at the end of the load (NMT, committed MiB,"
                + " its own ").append(mib(self)).append(" left out): total ")
                .append(mib(committedKb.get("Total") - self));
        committedKb.entrySet().stream()
                .filter(e -> !e.getKey().equals("Total") && !e.getKey().equals(SELF) && e.getValue() >= 1024)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> sb.append(", ").append(e.getKey()).append(' ').append(mib(e.getValue())));
        return sb.toString();
    }

    private static long mib(long kb) {
        return Math.round(kb / 1024.0);
    }
}
