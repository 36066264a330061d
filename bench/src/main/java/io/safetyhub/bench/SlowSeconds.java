package io.safetyhub.bench;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * In which seconds of a window one hop's slow samples fell: a tail bunched into the same few seconds of every minute
 * is a periodic stall (a job that runs once a minute), a tail spread over the whole window is saturation. Samples
 * are filed under the second they arrived in (the hop's end), with the second of its minute, since the pipeline's
 * periodic work (history sealing, a minute plus the grace) is on the wall clock.
 */
final class SlowSeconds {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);
    private final long thresholdMs;
    /** epoch second -> {samples, samples over the threshold, max ms}. */
    private final Map<Long, long[]> bySecond = new TreeMap<>();

    SlowSeconds(long thresholdMs) {
        this.thresholdMs = thresholdMs;
    }

    void add(long arrivedAtMs, long latencyMs) {
        long[] s = bySecond.computeIfAbsent(Math.floorDiv(arrivedAtMs, 1000L), k -> new long[3]);
        s[0]++;
        if (latencyMs > thresholdMs) {
            s[1]++;
        }
        s[2] = Math.max(s[2], latencyMs);
    }

    /** One line: how many samples were over the threshold, in how many seconds, and the {@code worst} of them. */
    String describe(String hop, int worst) {
        long samples = 0;
        long over = 0;
        int slowSeconds = 0;
        for (long[] s : bySecond.values()) {
            samples += s[0];
            over += s[1];
            slowSeconds += s[1] > 0 ? 1 : 0;
        }
        if (over == 0) {
            return String.format("%s: none of %d sample(s) over %d ms", hop, samples, thresholdMs);
        }
        StringBuilder sb = new StringBuilder(String.format("%s over %d ms: %d of %d sample(s) (%.2f %%), in %d of %d "
                + "second(s); the worst (UTC, second of its minute: samples, share over, max ms):", hop, thresholdMs,
                over, samples, 100.0 * over / samples, slowSeconds, bySecond.size()));
        List<Map.Entry<Long, long[]>> ranked = bySecond.entrySet().stream().filter(e -> e.getValue()[1] > 0)
                .sorted(Comparator.comparingLong((Map.Entry<Long, long[]> e) -> e.getValue()[1]).reversed())
                .limit(worst)
                .sorted(Map.Entry.comparingByKey()).toList();
        String sep = " ";
        for (Map.Entry<Long, long[]> e : ranked) {
            long[] s = e.getValue();
            sb.append(sep).append(String.format("%s (:%02d): %d, %.0f %%, %d", TIME.format(Instant.ofEpochSecond(
                    e.getKey())), Math.floorMod(e.getKey(), 60L), s[0], 100.0 * s[1] / s[0], s[2]));
            sep = "; ";
        }
        return sb.toString();
    }
}
