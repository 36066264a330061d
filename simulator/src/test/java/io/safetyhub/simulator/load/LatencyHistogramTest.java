package io.safetyhub.simulator.load;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LatencyHistogramTest {

    @Test
    void shouldGiveExactPercentilesWhenValuesAreSmall() {
        LatencyHistogram h = new LatencyHistogram();
        for (int v = 1; v <= 100; v++) {
            h.record(v);
        }

        assertEquals(50, h.percentile(50));
        assertEquals(99, h.percentile(99));
        assertEquals(100, h.max());
        assertEquals(100, h.count());
    }

    @Test
    void shouldStayWithinOnePercentWhenValuesAreLarge() {
        for (long v : new long[] {256, 257, 1_000, 12_345, 999_999, 60_000_000L, 3_600_000_000L}) {
            long lowest = LatencyHistogram.lowest(LatencyHistogram.index(v));
            assertTrue(lowest <= v && v - lowest <= v / 100 + 1, v + " kept as " + lowest);
        }
    }

    @Test
    void shouldPutEachValueInTheBucketItStartsWhenBucketsAreWalked() {
        for (int i = 0; i < 256 + 25 * 128; i++) {
            assertEquals(i, LatencyHistogram.index(LatencyHistogram.lowest(i)), "bucket " + i);
        }
    }

    @Test
    void shouldReportNothingWhenEmpty() {
        LatencyHistogram h = new LatencyHistogram();

        assertEquals(-1, h.percentile(99));
        assertEquals("-1/-1/-1/-1", h.summary());
    }

    @Test
    void shouldCountNegativeDurationsAsZeroWhenRecorded() {
        LatencyHistogram h = new LatencyHistogram();
        h.record(-5);

        assertEquals(0, h.max());
    }
}
