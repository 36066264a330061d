package io.safetyhub.simulator.load;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Counts of durations in microseconds, exact below 256 µs and within 1 % above (128 sub-buckets per power of two),
 * up to about 70 minutes. Recording is one atomic increment, safe from any thread; percentiles are read at the end.
 */
public final class LatencyHistogram {
    private static final int EXACT = 256;
    private static final int SUB = 128;
    private static final int SHIFT = 7; // log2(SUB)
    private static final int MAX_EXPONENT = 25; // 2^(25+7) µs ≈ 71 min
    private final AtomicLongArray counts = new AtomicLongArray(EXACT + MAX_EXPONENT * SUB);

    public void record(long micros) {
        counts.incrementAndGet(index(Math.max(0, micros)));
    }

    static int index(long v) {
        if (v < EXACT) {
            return (int) v;
        }
        int exponent = 63 - Long.numberOfLeadingZeros(v) - SHIFT; // v >> exponent is in [128, 255]
        if (exponent > MAX_EXPONENT) {
            return EXACT + MAX_EXPONENT * SUB - 1;
        }
        return EXACT + (exponent - 1) * SUB + (int) ((v >> exponent) - SUB);
    }

    /** The lowest value that falls into bucket {@code index}. */
    static long lowest(int index) {
        if (index < EXACT) {
            return index;
        }
        int exponent = (index - EXACT) / SUB + 1;
        long mantissa = SUB + (index - EXACT) % SUB;
        return mantissa << exponent;
    }

    public long count() {
        long n = 0;
        for (int i = 0; i < counts.length(); i++) {
            n += counts.get(i);
        }
        return n;
    }

    /** Nearest-rank percentile (the bucket's lowest value); -1 when nothing was recorded. */
    public long percentile(double pct) {
        long total = count();
        if (total == 0) {
            return -1;
        }
        long rank = Math.max(1, (long) Math.ceil(pct / 100.0 * total));
        long seen = 0;
        for (int i = 0; i < counts.length(); i++) {
            seen += counts.get(i);
            if (seen >= rank) {
                return lowest(i);
            }
        }
        return lowest(counts.length() - 1);
    }

    public long max() {
        for (int i = counts.length() - 1; i >= 0; i--) {
            if (counts.get(i) > 0) {
                return lowest(i);
            }
        }
        return -1;
    }

    /** {@code p50/p99/p99.9/max} in µs, as the result line prints it. */
    public String summary() {
        return percentile(50) + "/" + percentile(99) + "/" + percentile(99.9) + "/" + max();
    }
}
