package io.safetyhub.warning.history;

import io.safetyhub.events.Quality;
import io.safetyhub.warning.support.Engines;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The stored columns of a history bucket: what a replay, a late reading and the queries rely on. */
class BucketColumnsTest {
    private static final Instant T0 = Instant.parse("2026-12-02T01:00:00Z");
    private static final long S = 1_000;

    private static OpenBucket bucket(Object... timeValueQuality) {
        OpenBucket b = new OpenBucket("GA-1|gas_lel|" + T0, Engines.reading("GA-1", "gas-alarm", "gas_lel", 0, T0), T0, 0,
                new SampleMemory());
        for (int i = 0; i < timeValueQuality.length; i += 3) {
            b.add(T0.toEpochMilli() + (long) timeValueQuality[i], (double) timeValueQuality[i + 1],
                    (Quality) timeValueQuality[i + 2]);
        }
        return b;
    }

    private static Document stored(OpenBucket b) {
        return BucketColumns.of(b).writeTo(new Document());
    }

    @Test
    void shouldKeepTheStoredSampleAndAddOnlyNewTimesWhenAReplayMeetsAStoredBucket() {
        Document old = stored(bucket(1 * S, 10.0, null, 3 * S, 30.0, null));
        OpenBucket replay = bucket(3 * S, 99.0, null, 2 * S, 20.0, null, 4 * S, 40.0, null);

        Document merged = BucketColumns.of(old).union(BucketColumns.of(replay)).writeTo(new Document());

        long t0 = T0.toEpochMilli();
        assertArrayEquals(new long[]{t0 + S, t0 + 2 * S, t0 + 3 * S, t0 + 4 * S}, BucketColumns.timesOf(merged));
        assertArrayEquals(new double[]{10.0, 20.0, 30.0, 40.0}, BucketColumns.of(merged).values(),
                "3 s keeps its stored 30");
        assertEquals(4L, merged.getLong("count"));
        assertEquals(100.0, merged.getDouble("sum"));
    }

    @Test
    void shouldLeaveBadAndNonFiniteSamplesOutOfTheSummaryWhenStoringThem() {
        Document d = stored(bucket(1 * S, 5.0, Quality.GOOD, 2 * S, 500.0, Quality.BAD, 3 * S, Double.NaN, null,
                4 * S, 7.0, Quality.UNCERTAIN));

        assertArrayEquals(new double[]{5.0, 500.0, Double.NaN, 7.0}, BucketColumns.of(d).values(),
                "every sample is evidence");
        assertEquals(Arrays.asList("GOOD", "BAD", null, "UNCERTAIN"), d.getList("q", String.class));
        assertEquals(2L, d.getLong("count"));
        assertEquals(5.0, d.getDouble("min"));
        assertEquals(7.0, d.getDouble("max"));
        assertEquals(12.0, d.getDouble("sum"));
    }

    @Test
    void shouldOmitTheQualityColumnWhenEverySampleIsGoodOrUnqualified() {
        Document d = stored(bucket(1 * S, 5.0, Quality.GOOD, 2 * S, 6.0, null));

        assertFalse(d.containsKey("q"));
    }

    @Test
    void shouldReadBackWhatItWroteWhenRoundTrippedThroughADocument() {
        Document d = stored(bucket(1 * S, 5.0, Quality.BAD, 2 * S, 6.0, null));

        Document again = BucketColumns.of(d).writeTo(new Document());

        assertArrayEquals(BucketColumns.timesOf(d), BucketColumns.timesOf(again));
        assertArrayEquals(BucketColumns.of(d).values(), BucketColumns.of(again).values());
        assertEquals(d.getList("q", String.class), again.getList("q", String.class));
        assertEquals(d.get("count"), again.get("count"));
        assertNull(again.getList("q", String.class).get(1), "a sample without quality stays without");
    }

    @Test
    void shouldStoreTimesAndValuesAsEightBytesASampleWhenWritten() {
        Document d = stored(bucket(1 * S, 5.0, null, 2 * S, 6.5, null, 3 * S, 7.0, null));

        byte[] t = (byte[]) d.get("t");
        byte[] v = (byte[]) d.get("v");
        assertEquals(24, t.length, "3 samples × 8 bytes of epoch milliseconds");
        assertEquals(T0.toEpochMilli() + 2 * S, ByteBuffer.wrap(t).getLong(8), "big-endian, in time order");
        assertEquals(6.5, ByteBuffer.wrap(v).getDouble(8));
    }

    @Test
    void shouldReadAndMergeABucketStoredAsArraysWhenAReplayMeetsIt() {
        // The shape buckets had before binary columns: arrays of dates and doubles, null for a non-finite value.
        long t0 = T0.toEpochMilli();
        Document old = new Document("t", List.of(new Date(t0 + S), new Date(t0 + 3 * S)))
                .append("v", Arrays.asList(10.0, null)).append("count", 1L).append("sum", 10.0);

        BucketColumns merged = BucketColumns.of(old).union(BucketColumns.of(bucket(2 * S, 20.0, null, 3 * S, 99.0, null)));

        assertArrayEquals(new long[]{t0 + S, t0 + 2 * S, t0 + 3 * S}, merged.times());
        assertArrayEquals(new double[]{10.0, 20.0, Double.NaN}, merged.values(), "3 s keeps its stored sample");
    }
}
