package io.safetyhub.warning.history;

import io.safetyhub.events.Quality;
import io.safetyhub.events.Reading;
import org.bson.Document;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;

/**
 * The samples of one device, metric and minute gathered in memory until the bucket is sealed and inserted once. Held
 * compactly (a minute at 5 readings/s is 300 samples): parallel arrays of source time, value and quality, sorted by
 * source time and without duplicates (a second reading with the same source time is a redelivery), plus the batches
 * waiting for this bucket to be stored. The Mongo document is built only at seal time. Not thread-safe: the
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
    private final SampleColumns pool;
    private long[] times;
    private double[] values;
    /** Quality ordinal + 1; 0 when the reading carried none. */
    private byte[] qualities;
    private int size;
    private final List<BatchAck> waiting = new ArrayList<>(2);

    OpenBucket(String id, Reading first, Instant start, int partition) {
        this(id, first, start, partition, new SampleColumns(0));
    }

    /** A bucket whose sample arrays come from, and go back to, {@code pool}. */
    OpenBucket(String id, Reading first, Instant start, int partition, SampleColumns pool) {
        this.pool = pool;
        use(pool.take(SampleColumns.MIN_CAPACITY));
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
        int at;
        if (size == 0 || time > times[size - 1]) {
            at = size; // the usual case: readings arrive in order
        } else {
            int found = Arrays.binarySearch(times, 0, size, time);
            if (found >= 0) {
                return false;
            }
            at = -found - 1;
        }
        if (size == times.length) {
            SampleColumns.Columns outgrown = new SampleColumns.Columns(times, values, qualities);
            SampleColumns.Columns grown = pool.take(size * 2);
            System.arraycopy(times, 0, grown.times(), 0, size);
            System.arraycopy(values, 0, grown.values(), 0, size);
            System.arraycopy(qualities, 0, grown.qualities(), 0, size);
            use(grown);
            pool.give(outgrown);
        }
        System.arraycopy(times, at, times, at + 1, size - at);
        System.arraycopy(values, at, values, at + 1, size - at);
        System.arraycopy(qualities, at, qualities, at + 1, size - at);
        times[at] = time;
        values[at] = value;
        qualities[at] = (byte) (quality == null ? 0 : quality.ordinal() + 1);
        size++;
        return true;
    }

    private void use(SampleColumns.Columns columns) {
        times = columns.times();
        values = columns.values();
        qualities = columns.qualities();
    }

    /**
     * The bucket is stored and forgotten: its arrays go back to the pool for another bucket. It must not be read
     * afterwards; its arrays are dropped here, so a read that would see another bucket's samples fails instead.
     */
    void release() {
        if (times != null) {
            pool.give(new SampleColumns.Columns(times, values, qualities));
            times = null;
            values = null;
            qualities = null;
        }
    }

    /** The batch waits for this bucket; held once per batch (a batch's readings of a bucket arrive together). */
    void waitedOnBy(BatchAck batch) {
        if (waiting.isEmpty() || waiting.get(waiting.size() - 1) != batch) {
            batch.hold();
            waiting.add(batch);
        }
    }

    List<BatchAck> waiting() {
        return waiting;
    }

    int size() {
        return size;
    }

    long time(int i) {
        return times[i];
    }

    /** min, max, sum, count of the finite values of samples not of quality BAD (what the history queries show). */
    double[] summary() {
        double[] s = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0, 0};
        for (int i = 0; i < size; i++) {
            if (counted(i)) {
                s[0] = Math.min(s[0], values[i]);
                s[1] = Math.max(s[1], values[i]);
                s[2] += values[i];
                s[3]++;
            }
        }
        return s;
    }

    private boolean counted(int i) {
        return Double.isFinite(values[i]) && qualities[i] != Quality.BAD.ordinal() + 1;
    }

    double value(int i) {
        return values[i];
    }

    /** Quality ordinal + 1, 0 when the reading carried none. */
    byte qualityCode(int i) {
        return qualities[i];
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
