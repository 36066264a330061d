package io.safetyhub.warning.history;

import io.safetyhub.events.Reading;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Gathers readings into their device-metric-minute buckets in memory and seals a bucket when its minute is over plus
 * a grace for late readings ({@code warning.history.seal-grace}) plus its device's place in the spread
 * ({@code warning.history.seal-spread}), on this service's clock: a sealed bucket is handed out once, to be inserted
 * once. The spread is there because every device's minute ends at the same instant: sealed together, a minute of
 * 1,000 devices at 10,000 readings/s cost the embedded MongoDB 5-7 CPU-s within ~7 s (per-second /proc samples,
 * bench/results/README.md), on the two cores the whole pipeline shares.
 * A reading for a bucket already handed out opens it again (a late reading, or a
 * replay after a crash): that bucket is due at once, and its insert, which collides with the stored one, merges only
 * the samples not stored yet ({@link HistoryStore}). Counts the samples held, for back-pressure: they are released
 * once their bucket is stored. Thread-safe; plain Java, no MongoDB.
 */
final class BucketSealer {
    private final Duration grace;
    private final long spreadMillis;
    private final Duration maxAhead;
    private final Map<String, OpenBucket> byId = new HashMap<>();
    /** Open buckets by the instant they are due: their minute's end plus the grace plus their place in the spread. */
    private final TreeMap<Instant, List<OpenBucket>> byDue = new TreeMap<>();
    /** Buckets handed out and not yet stored, by id: still answered by {@link #summaries} meanwhile. */
    private final Map<String, List<OpenBucket>> inFlight = new HashMap<>();
    /** Buckets handed out whose write gave up: due again at once. */
    private final List<OpenBucket> returned = new ArrayList<>();
    /** Samples gathered and not yet stored (including those being written). */
    private long held;
    /**
     * The minute (epoch minutes) of the last bucket id made, and its ISO text: making the id of every reading from its
     * Instant was 4.8 % of what warning-service allocated at 5,000 readings/s (bench/results/README.md, "What the
     * alarm path allocates and keeps").
     */
    private long idMinute = Long.MIN_VALUE;
    private String idMinuteText;
    /** Where open buckets keep their samples, off the heap. */
    private final SampleMemory memory = new SampleMemory();
    /** The batches waiting for buckets to be stored. */
    private final BatchWaits waits = new BatchWaits();

    /**
     * @param grace    how long after its minute a bucket waits for late readings
     * @param spread   over how long after the grace the buckets of one minute are sealed, each device at a fixed
     *                 place in it (by its id's hash); zero seals them all at once
     * @param maxAhead how far ahead of this service's clock a bucket may start and still wait for its minute; one
     *                 further ahead (a device clock running ahead, a forged date) is due at once, or the batches
     *                 waiting for it would never be committed
     */
    BucketSealer(Duration grace, Duration spread, Duration maxAhead) {
        this.grace = grace;
        this.spreadMillis = spread.toMillis();
        this.maxAhead = maxAhead;
    }

    static String bucketId(String deviceId, String metric, Instant bucketStart) {
        return deviceId + "|" + metric + "|" + bucketStart;
    }

    /**
     * Adds a reading to its bucket, which the batch then waits for (when given); false when the bucket already holds a
     * sample of that source time (a redelivery). Bad-quality and non-finite values are kept, flagged: evidence.
     */
    synchronized boolean add(Reading r, int partition, BatchAck batch) {
        long minute = Math.floorDiv(r.sourceTimestamp().getEpochSecond(), 60L);
        if (minute != idMinute) { // the readings of a batch mostly share their minute: its text is made once
            idMinute = minute;
            idMinuteText = Instant.ofEpochSecond(minute * 60L).toString();
        }
        String id = r.deviceId() + "|" + r.metric() + "|" + idMinuteText; // = bucketId(deviceId, metric, start)
        long batchNumber = waits.numberOf(batch);
        OpenBucket b = byId.get(id);
        if (b == null) {
            Instant start = Instant.ofEpochSecond(minute * 60L);
            b = new OpenBucket(id, r, start, partition, memory);
            waits.opened(b, batchNumber);
            byId.put(id, b);
            byDue.computeIfAbsent(dueAt(start, r.deviceId()), k -> new ArrayList<>()).add(b);
        }
        if (batch != null) {
            waits.join(b.partition, batch);
        }
        if (!b.add(r.sourceTimestamp().toEpochMilli(), r.value(), r.quality())) {
            return false;
        }
        held++;
        return true;
    }

    /** When a bucket of this device and minute is sealed. */
    private Instant dueAt(Instant start, String deviceId) {
        long place = spreadMillis <= 0 ? 0 : Math.floorMod(mix(deviceId.hashCode()), spreadMillis);
        return start.plusSeconds(60).plus(grace).plusMillis(place);
    }

    /** Device ids differ in their last characters: their hashes are close; this scatters them over the spread. */
    private static long mix(int hash) {
        long h = hash * 0x9E3779B97F4A7C15L;
        return h ^ (h >>> 29);
    }

    /**
     * Hands out (and forgets) every bucket that is due by {@code now} (its minute ended at least the grace and its
     * place in the spread before), and every bucket dated more than the allowed skew ahead of it.
     */
    synchronized List<OpenBucket> takeDue(Instant now) {
        List<OpenBucket> due = new ArrayList<>(returned);
        returned.clear();
        Iterator<List<OpenBucket>> sealed = byDue.headMap(now, true).values().iterator();
        while (sealed.hasNext()) {
            for (OpenBucket b : sealed.next()) {
                byId.remove(b.id);
                due.add(b);
            }
            sealed.remove();
        }
        // A bucket dated beyond the skew is due after this key, whatever its place in the spread; those after it that
        // are dated within the skew (a place late in the spread) stay.
        Instant latestStart = now.plus(maxAhead);
        Iterator<List<OpenBucket>> ahead = byDue.tailMap(latestStart.plusSeconds(60).plus(grace), false).values()
                .iterator();
        while (ahead.hasNext()) {
            List<OpenBucket> list = ahead.next();
            list.removeIf(b -> {
                if (!b.start.isAfter(latestStart)) {
                    return false;
                }
                byId.remove(b.id);
                due.add(b);
                return true;
            });
            if (list.isEmpty()) {
                ahead.remove();
            }
        }
        due.forEach(this::fly);
        return due;
    }

    /** Hands out every bucket of these partitions (they are being revoked), due or not. */
    synchronized List<OpenBucket> takePartitions(Collection<Integer> partitions) {
        List<OpenBucket> taken = new ArrayList<>();
        Iterator<List<OpenBucket>> minutes = byDue.values().iterator();
        while (minutes.hasNext()) {
            List<OpenBucket> minute = minutes.next();
            minute.removeIf(b -> {
                if (partitions.contains(b.partition)) {
                    byId.remove(b.id);
                    taken.add(b);
                    return true;
                }
                return false;
            });
            if (minute.isEmpty()) {
                minutes.remove();
            }
        }
        taken.forEach(this::fly);
        return taken;
    }

    /** Hands out every bucket, due or not. */
    synchronized List<OpenBucket> takeAll() {
        List<OpenBucket> all = new ArrayList<>(returned);
        all.addAll(byId.values());
        returned.clear();
        byId.clear();
        byDue.clear();
        all.forEach(this::fly);
        return all;
    }

    /** Their write gave up: they are handed out again by the next {@link #takeDue}, still counted as held. */
    synchronized void giveBack(Collection<OpenBucket> buckets) {
        returned.addAll(buckets);
    }

    private void fly(OpenBucket b) {
        List<OpenBucket> same = inFlight.computeIfAbsent(b.id, k -> new ArrayList<>(1));
        if (!same.contains(b)) {
            same.add(b);
        }
    }

    /**
     * These buckets are stored: their samples no longer count against the back-pressure limit, and their memory goes
     * back (nothing reads a stored bucket again: it has left {@link #inFlight}, under this lock). Returns the batches
     * no unstored bucket holds back any more, to be released by the caller outside this lock.
     */
    synchronized List<BatchAck> stored(Collection<OpenBucket> buckets) {
        List<BatchAck> released = new ArrayList<>();
        for (OpenBucket b : buckets) {
            held -= b.size();
            List<OpenBucket> same = inFlight.get(b.id);
            if (same != null && same.remove(b) && same.isEmpty()) {
                inFlight.remove(b.id);
            }
            b.release();
            waits.stored(b, released);
        }
        notifyAll();
        return released;
    }

    /** Bytes of off-heap memory the buckets in memory hold. */
    long sampleBytesInUse() {
        return memory.inUseBytes();
    }

    /** Bytes of off-heap memory kept for samples, in use or for reuse. */
    long sampleBytesReserved() {
        return memory.reservedBytes();
    }

    /** Samples gathered and not yet stored. */
    synchronized long held() {
        return held;
    }

    /** Batches waiting for buckets to be stored, once per partition they read from. */
    synchronized int waitingBatches() {
        return waits.waiting();
    }

    /** Buckets open in memory. */
    synchronized int open() {
        return byId.size();
    }

    /**
     * Waits while more than {@code max} samples are held (back-pressure on the consumer: they are released as their
     * buckets are stored); returns false if still over after {@code timeout}.
     */
    synchronized boolean awaitRoom(long max, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (held > max) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    /** min, max, sum, count (see {@link OpenBucket#summary()}) of the open buckets with these ids, with their tenant. */
    synchronized Map<String, Summary> summaries(Collection<String> ids) {
        Map<String, Summary> out = new HashMap<>();
        for (String id : ids) {
            List<OpenBucket> parts = new ArrayList<>(inFlight.getOrDefault(id, List.of()));
            OpenBucket open = byId.get(id);
            if (open != null) {
                parts.add(open);
            }
            for (OpenBucket b : parts) {
                double[] s = b.summary();
                out.merge(id, new Summary(b.enterpriseId, b.unit, b.start, s), (x, y) -> new Summary(x.enterpriseId(),
                        x.unit(), x.start(), new double[]{Math.min(x.minMaxSumCount()[0], s[0]),
                        Math.max(x.minMaxSumCount()[1], s[1]), x.minMaxSumCount()[2] + s[2],
                        x.minMaxSumCount()[3] + s[3]}));
            }
        }
        return out;
    }

    /** What a history query needs of an open bucket. */
    record Summary(String enterpriseId, String unit, Instant start, double[] minMaxSumCount) {
    }

    /** Forgets every bucket, giving back the memory of those not being written (a write gives back its own). */
    synchronized void clear() {
        held = 0;
        returned.forEach(OpenBucket::release);
        byId.values().forEach(OpenBucket::release);
        returned.clear();
        inFlight.clear();
        byId.clear();
        byDue.clear();
        waits.clear();
        notifyAll();
    }
}
