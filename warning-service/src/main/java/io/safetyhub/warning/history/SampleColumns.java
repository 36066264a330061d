package io.safetyhub.warning.history;

import java.util.ArrayDeque;

/**
 * The arrays an open bucket keeps its samples in (source time, value, quality), and a pool of them: the arrays of a
 * stored bucket become those of a new one, and a growing bucket hands its outgrown arrays to the next.
 * <p>
 * Why a pool: a bucket lives its minute plus the seal grace, ~70 s. Allocated afresh, its arrays were copied by every
 * young collection until promoted and then died in the old generation: GC logs of warning-service under bench/run
 * step showed young pauses of 10 ms p50 / 113-127 ms p99 and a full collection of 64-511 ms every 1.5-2 minutes,
 * the largest share of the alarms' p99 (bench/results/README.md). Pooled, they are allocated once and stay in the old
 * generation, where no young collection copies them. Capacities are powers of two from 8; the pool keeps at most
 * {@code maxPooledSamples} samples' worth, the rest is left to the collector. Not thread-safe: {@link BucketSealer}
 * guards it.
 */
final class SampleColumns {
    static final int MIN_CAPACITY = 8;
    /** Capacity classes 8, 16, ... 2^20; a bucket larger than that (17 readings/s for a minute) is not pooled. */
    private static final int CLASSES = 18;

    /** One set of parallel arrays of the same length. */
    record Columns(long[] times, double[] values, byte[] qualities) {
        int capacity() {
            return times.length;
        }
    }

    private final long maxPooledSamples;
    @SuppressWarnings("unchecked")
    private final ArrayDeque<Columns>[] free = new ArrayDeque[CLASSES];
    private long pooledSamples;

    SampleColumns(long maxPooledSamples) {
        this.maxPooledSamples = maxPooledSamples;
        for (int i = 0; i < CLASSES; i++) {
            free[i] = new ArrayDeque<>();
        }
    }

    /** Columns of at least {@code minCapacity} samples: pooled ones where there are, else new ones. */
    Columns take(int minCapacity) {
        int k = classOf(minCapacity);
        if (k >= CLASSES) {
            return allocate(minCapacity);
        }
        Columns pooled = free[k].poll();
        if (pooled != null) {
            pooledSamples -= pooled.capacity();
            return pooled;
        }
        return allocate(MIN_CAPACITY << k);
    }

    /** Columns no bucket uses any more (a stored bucket's, or outgrown ones), for a later {@link #take}. */
    void give(Columns columns) {
        int capacity = columns.capacity();
        int k = classOf(capacity);
        if (k >= CLASSES || MIN_CAPACITY << k != capacity || pooledSamples + capacity > maxPooledSamples) {
            return;
        }
        free[k].push(columns);
        pooledSamples += capacity;
    }

    /** Samples' worth of columns waiting in the pool. */
    long pooledSamples() {
        return pooledSamples;
    }

    /** The smallest k with 8 << k >= capacity. */
    static int classOf(int capacity) {
        if (capacity <= MIN_CAPACITY) {
            return 0;
        }
        return 32 - Integer.numberOfLeadingZeros(capacity - 1) - 3;
    }

    private static Columns allocate(int capacity) {
        return new Columns(new long[capacity], new double[capacity], new byte[capacity]);
    }
}
