package io.safetyhub.warning.history;

import io.safetyhub.events.Quality;
import io.safetyhub.events.Reading;
import org.bson.Document;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * The samples of one device, metric and minute gathered in memory until the bucket is sealed and inserted once. Held
 * compactly (a minute at 5 readings/s is 300 samples), off the heap ({@link SampleMemory}): columns of source time,
 * value and quality, sorted by source time and without duplicates (a second reading with the same source time is a
 * redelivery). The Mongo document is built only at seal time. Not thread-safe: the
 * {@link BucketSealer} guards it.
 */
final class OpenBucket {

    final String id;
    final String deviceId;
    final String enterpriseId;
    final String metric;
    final String unit;
    final Instant start;
    final int partition;
    private final SampleMemory memory;
    /** The samples, off the heap (see {@link SampleMemory}); null once the bucket is released. */
    private SampleMemory.Region samples;
    private int size;
    /** The number of the batch that opened this bucket ({@link BatchWaits}). */
    long opener;

    /** A bucket whose samples are kept in {@code memory}, until {@link #release()}. */
    OpenBucket(String id, Reading first, Instant start, int partition, SampleMemory memory) {
        this.memory = memory;
        this.samples = memory.take(SampleMemory.MIN_CAPACITY);
        this.id = id;
        this.deviceId = first.deviceId();
        this.enterpriseId = first.enterpriseId();
        this.metric = first.metric();
        this.unit = first.unit();
        this.start = start;
        this.partition = partition;
    }

    /** Adds a sample; false when one with the same source time is already here (a redelivery). */
    boolean add(long time, double value, Quality quality) {
        int at = size;
        if (size > 0 && time <= samples.time(size - 1)) {
            int found = search(time);
            if (found >= 0) {
                return false;
            }
            at = -found - 1;
        }
        if (size == samples.capacity) {
            SampleMemory.Region grown = memory.take(size * 2);
            grown.copyFrom(samples, size);
            memory.give(samples);
            samples = grown;
        }
        for (int i = size; i > at; i--) { // rare: readings mostly arrive in order and are appended
            samples.set(i, samples.time(i - 1), samples.value(i - 1), samples.quality(i - 1));
        }
        samples.set(at, time, value, (byte) (quality == null ? 0 : quality.ordinal() + 1));
        size++;
        return true;
    }

    /** As {@link java.util.Arrays#binarySearch(long[], long)} over the source times held. */
    private int search(long time) {
        int low = 0;
        int high = size - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            long t = samples.time(mid);
            if (t < time) {
                low = mid + 1;
            } else if (t > time) {
                high = mid - 1;
            } else {
                return mid;
            }
        }
        return -(low + 1);
    }

    /**
     * The bucket is stored and forgotten: its memory goes back for another bucket. It must not be read afterwards;
     * a read that would see another bucket's samples fails instead.
     */
    void release() {
        if (samples != null) {
            memory.give(samples);
            samples = null;
        }
    }

    int size() {
        return size;
    }

    long time(int i) {
        return samples.time(i);
    }

    /** min, max, sum, count of the finite values of samples not of quality BAD (what the history queries show). */
    double[] summary() {
        double[] s = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0, 0};
        for (int i = 0; i < size; i++) {
            double v = samples.value(i);
            if (Double.isFinite(v) && samples.quality(i) != Quality.BAD.ordinal() + 1) {
                s[0] = Math.min(s[0], v);
                s[1] = Math.max(s[1], v);
                s[2] += v;
                s[3]++;
            }
        }
        return s;
    }

    double value(int i) {
        return samples.value(i);
    }

    /** Quality ordinal + 1, 0 when the reading carried none. */
    byte qualityCode(int i) {
        return samples.quality(i);
    }

    /** The whole bucket as inserted once: the stored shape of architecture.md's "Telemetry history". */
    Document toDocument(Duration retention) {
        return BucketColumns.of(this).writeTo(header(retention));
    }

    /** Identity, place and expiry of the bucket: everything but its samples and summary. */
    Document header(Duration retention) {
        return new Document("_id", id)
                .append("deviceId", deviceId)
                .append("enterpriseId", enterpriseId)
                .append("metric", metric)
                .append("unit", unit)
                .append("bucketStart", Date.from(start))
                .append("expireAt", Date.from(start.plus(retention)));
    }

}
