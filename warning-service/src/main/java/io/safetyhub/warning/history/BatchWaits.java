package io.safetyhub.warning.history;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which consumed batches the history still holds, per partition: a batch may be acknowledged once every bucket it
 * added readings to is stored. Kept as the rule "no bucket of this partition opened by this batch or an earlier one is
 * still unstored", which implies it: batches are numbered as they come, each bucket remembers the number of the batch
 * that opened it, and a partition keeps its waiting batches in order and the opening numbers of its unstored buckets
 * sorted; storing a bucket releases the batches below the oldest number still unstored.
 * <p>
 * Why not a list of waiting batches in every bucket (the design before this one): a batch of ~80 readings at 10,000
 * readings/s touches ~80 buckets, so each bucket's list grew to ~650 entries over its minute and more, arrays outgrown
 * and dropped on the way, all old enough to be promoted and to die in the old generation: with the per-batch objects it
 * was a large share of what filled warning-service's old generation every ~2.5-3 minutes (bench/results/README.md).
 * Here a batch is one entry in one queue per partition it read from. The rule waits for some buckets a batch did not
 * touch (opened before it, sealed later in the spread), so offsets are committed up to a minute and a half after their
 * readings, as before; a device whose readings keep reopening stored buckets (late, or dated in a stuck minute) delays
 * nothing past its next store, since each reopened bucket is due at once.
 * <p>
 * Not thread-safe: {@link BucketSealer} guards it.
 */
final class BatchWaits {
    private final Map<Integer, Partition> partitions = new HashMap<>();
    private BatchAck current;
    private long number;

    /** One partition's waiting batches, in order, and how many unstored buckets each batch number opened. */
    private static final class Partition {
        final ArrayDeque<BatchAck> waiting = new ArrayDeque<>();
        final TreeMap<Long, Integer> unstoredByOpener = new TreeMap<>();
    }

    /** The batch adding a reading now (null for a reading no batch waits on): numbered at its first reading. */
    long numberOf(BatchAck batch) {
        if (batch != null && batch != current) {
            current = batch;
            batch.number = ++number;
        }
        return number;
    }

    /** A bucket is opened by the batch numbered {@code opener}. */
    void opened(OpenBucket b, long opener) {
        b.opener = opener;
        partition(b.partition).unstoredByOpener.merge(opener, 1, Integer::sum);
    }

    /** The batch added a reading to a bucket of this partition: it waits there (held once per stretch of readings). */
    void join(int partition, BatchAck batch) {
        Partition p = partition(partition);
        if (p.waiting.peekLast() != batch) {
            batch.hold();
            p.waiting.addLast(batch);
        }
    }

    /** The bucket is stored; the batches it was the last to hold back are added to {@code released}. */
    void stored(OpenBucket b, List<BatchAck> released) {
        Partition p = partitions.get(b.partition);
        if (p == null) {
            return; // forgotten by clear()
        }
        p.unstoredByOpener.computeIfPresent(b.opener, (opener, n) -> n == 1 ? null : n - 1);
        long oldest = p.unstoredByOpener.isEmpty() ? Long.MAX_VALUE : p.unstoredByOpener.firstKey();
        while (!p.waiting.isEmpty() && p.waiting.peekFirst().number < oldest) {
            released.add(p.waiting.pollFirst());
        }
    }

    /** Batches waiting, counted once per partition they wait in. */
    int waiting() {
        int n = 0;
        for (Partition p : partitions.values()) {
            n += p.waiting.size();
        }
        return n;
    }

    void clear() {
        partitions.clear();
        current = null;
    }

    private Partition partition(int partition) {
        return partitions.computeIfAbsent(partition, k -> new Partition());
    }
}
