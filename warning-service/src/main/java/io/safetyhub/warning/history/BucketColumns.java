package io.safetyhub.warning.history;

import io.safetyhub.events.Quality;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;

/**
 * A bucket's samples as stored: three parallel columns, {@code t} (source time, ascending, each once: it is also the
 * key that makes a replay idempotent), {@code v} (the value, null when it was not finite: kept, it is evidence) and,
 * only when some sample carried a quality other than GOOD, {@code q} (its quality name or null), plus the summary the
 * history queries read ({@code count}, {@code sum}, {@code min}, {@code max} over finite values not of quality BAD).
 * <p>
 * Why columns and not one sub-document per sample: the embedded server builds a map per sub-document and its store
 * serialises each one; 2,000 buckets of 300 samples cost it 12.3 µs of CPU a sample as {@code {t, v, q}}
 * documents plus a {@code keys} array, 2.8 µs as columns (and about half the bytes in real MongoDB).
 */
final class BucketColumns {
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

    /** The columns of a stored bucket document. */
    static BucketColumns of(Document stored) {
        List<Date> t = stored.getList("t", Date.class, List.of());
        List<?> v = stored.getList("v", Object.class, List.of());
        List<?> q = stored.getList("q", Object.class, List.of());
        int n = t.size();
        long[] times = new long[n];
        double[] values = new double[n];
        byte[] qualities = new byte[n];
        for (int i = 0; i < n; i++) {
            times[i] = t.get(i).getTime();
            values[i] = i < v.size() && v.get(i) instanceof Number number ? number.doubleValue() : Double.NaN;
            qualities[i] = i < q.size() && q.get(i) instanceof String name ? (byte) (Quality.valueOf(name).ordinal() + 1) : 0;
        }
        return new BucketColumns(times, values, qualities, n);
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
        List<Date> t = new ArrayList<>(size);
        List<Double> v = new ArrayList<>(size);
        boolean qualified = false;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        long count = 0;
        for (int i = 0; i < size; i++) {
            t.add(new Date(times[i]));
            boolean finite = Double.isFinite(values[i]);
            v.add(finite ? values[i] : null);
            qualified |= qualities[i] != 0 && qualities[i] != Quality.GOOD.ordinal() + 1;
            if (finite && qualities[i] != Quality.BAD.ordinal() + 1) {
                min = Math.min(min, values[i]);
                max = Math.max(max, values[i]);
                sum += values[i];
                count++;
            }
        }
        d.append("t", t).append("v", v);
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
}
