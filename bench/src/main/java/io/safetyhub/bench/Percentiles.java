package io.safetyhub.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Latency figures of one run, nearest-rank percentiles over every sample (no sampling, no histogram buckets). */
public record Percentiles(int count, long p50, long p90, long p99, long max) {

    public static final Percentiles NONE = new Percentiles(0, -1, -1, -1, -1);

    public static Percentiles of(List<Long> samples) {
        if (samples.isEmpty()) {
            return NONE;
        }
        List<Long> sorted = new ArrayList<>(samples);
        Collections.sort(sorted);
        return new Percentiles(sorted.size(), rank(sorted, 50), rank(sorted, 90), rank(sorted, 99),
                sorted.get(sorted.size() - 1));
    }

    /** Nearest rank: the smallest sample with at least {@code pct} % of the samples at or below it. */
    static long rank(List<Long> sorted, int pct) {
        int index = (int) Math.ceil(pct / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    public String describe() {
        return count == 0 ? "no samples" : String.format("p50 %d ms, p90 %d ms, p99 %d ms, max %d ms (%d alarms)",
                p50, p90, p99, max, count);
    }
}
