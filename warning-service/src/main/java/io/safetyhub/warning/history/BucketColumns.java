package io.safetyhub.warning.history;

import io.safetyhub.events.Quality;
import org.bson.Document;
import org.bson.types.Binary;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;

/**
 * A bucket's samples as stored: three parallel columns, {@code t} (source time, ascending, each once: it is also the
 * key that makes a replay idempotent), {@code v} (the value; a value that was not finite is kept, it is evidence) and,
 * only when some sample carried a quality other than GOOD, {@code q} (its quality name or null), plus the summary the
 * history queries read ({@code count}, {@code sum}, {@code min}, {@code max} over finite values not of quality BAD).
 * {@code t} and {@code v} are BSON binary: big-endian 8-byte epoch milliseconds and IEEE 754 doubles, one per sample.
 * <p>
 * Why columns and not one sub-document per sample: the embedded server builds a map per sub-document and its store
 * serialises each one; 2,000 buckets of 300 samples cost it 12.3 µs of CPU a sample as {@code {t, v, q}}
 * documents plus a {@code keys} array, 2.8 µs as columns of dates and doubles. Why binary and not arrays: to insert a
 * bucket, the embedded server's store (H2 MVStore) reads the B-tree leaf it goes into and writes it again, Java-
 * serialising every array element of every bucket in that leaf (page reads and writes were three quarters of
 * mongo-wire's CPU profile in a 10,000 readings/s window). {@code bench/run bucket-shapes}, 1,000 buckets of 600 samples
 * a minute: 1.6-2.1 µs of mongo-wire's CPU a sample as binary against 2.6-4.4 µs as arrays once warm, and half the
 * file (260 MB against 537 MB for 7.2 million samples). On real MongoDB a value is 8 bytes instead of 13.
 * Buckets stored as arrays (before this) are still read.
 */
public final class BucketColumns {
    private static final Quality[] QUALITIES = Quality.values();

    private final long[] times;
    private final double[] values;
    /** Quality ordinal + 1; 0 when the reading carried none. */
    private final byte[] qualities;
    private final int size;

    private BucketColumns(long[] times, double[] values, byte[] qualities, int size) {
        this.times = times;
        this.values = values;
        this.qualities = qualities;
        this.size = size;
    }

    static BucketColumns of(OpenBucket open) {
        int n = open.size();
        long[] t = new long[n];
        double[] v = new double[n];
        byte[] q = new byte[n];
        for (int i = 0; i < n; i++) {
            t[i] = open.time(i);
            v[i] = open.value(i);
            q[i] = open.qualityCode(i);
        }
        return new BucketColumns(t, v, q, n);
    }

    /** The columns of a stored bucket document (binary columns, or the arrays of buckets stored before them). */
    static BucketColumns of(Document stored) {
        long[] times = timesOf(stored);
        int n = times.length;
        double[] values = new double[n];
        byte[] binaryValues = bytes(stored.get("v"));
        if (binaryValues != null) {
            ByteBuffer.wrap(binaryValues).asDoubleBuffer().get(values, 0, Math.min(n, binaryValues.length / 8));
        } else {
            List<?> v = stored.getList("v", Object.class, List.of());
            for (int i = 0; i < n; i++) {
                values[i] = i < v.size() && v.get(i) instanceof Number number ? number.doubleValue() : Double.NaN;
            }
        }
        List<?> q = stored.getList("q", Object.class, List.of());
        byte[] qualities = new byte[n];
        for (int i = 0; i < n; i++) {
            qualities[i] = i < q.size() && q.get(i) instanceof String name ? (byte) (Quality.valueOf(name).ordinal() + 1) : 0;
        }
        return new BucketColumns(times, values, qualities, n);
    }

    /** The source times of a stored bucket, epoch milliseconds, ascending: what a reader checks a replay against. */
    public static long[] timesOf(Document stored) {
        byte[] binary = bytes(stored.get("t"));
        if (binary != null) {
            long[] times = new long[binary.length / 8];
            ByteBuffer.wrap(binary).asLongBuffer().get(times);
            return times;
        }
        return stored.getList("t", Date.class, List.of()).stream().mapToLong(Date::getTime).toArray();
    }

    /** A binary column as read back from MongoDB ({@link Binary}) or as written ({@code byte[]}); null for an array. */
    private static byte[] bytes(Object column) {
        if (column instanceof Binary binary) {
            return binary.getData();
        }
        return column instanceof byte[] raw ? raw : null;
    }

    /** Both sets of samples by source time; where both hold a time, this one's sample stays (it was stored first). */
    BucketColumns union(BucketColumns other) {
        long[] t = new long[size + other.size];
        double[] v = new double[t.length];
        byte[] q = new byte[t.length];
        int i = 0;
        int j = 0;
        int n = 0;
        while (i < size || j < other.size) {
            boolean mine = j == other.size || i < size && times[i] <= other.times[j];
            if (i < size && j < other.size && times[i] == other.times[j]) {
                j++; // the same sample, redelivered
            }
            BucketColumns from = mine ? this : other;
            int at = mine ? i++ : j++;
            t[n] = from.times[at];
            v[n] = from.values[at];
            q[n] = from.qualities[at];
            n++;
        }
        return new BucketColumns(t, v, q, n);
    }

    int size() {
        return size;
    }

    /** Writes the columns and their summary into the bucket document. */
    Document writeTo(Document d) {
        ByteBuffer t = ByteBuffer.allocate(size * 8);
        ByteBuffer v = ByteBuffer.allocate(size * 8);
        boolean qualified = false;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        long count = 0;
        for (int i = 0; i < size; i++) {
            t.putLong(times[i]);
            v.putDouble(values[i]);
            qualified |= qualities[i] != 0 && qualities[i] != Quality.GOOD.ordinal() + 1;
            if (Double.isFinite(values[i]) && qualities[i] != Quality.BAD.ordinal() + 1) {
                min = Math.min(min, values[i]);
                max = Math.max(max, values[i]);
                sum += values[i];
                count++;
            }
        }
        d.append("t", t.array()).append("v", v.array());
        if (qualified) {
            List<String> q = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                q.add(qualities[i] == 0 ? null : QUALITIES[qualities[i] - 1].name());
            }
            d.append("q", q);
        }
        d.append("count", count).append("sum", sum);
        if (count > 0) {
            d.append("min", min).append("max", max);
        }
        return d;
    }

    long[] times() {
        return Arrays.copyOf(times, size);
    }

    double[] values() {
        return Arrays.copyOf(values, size);
    }
}
