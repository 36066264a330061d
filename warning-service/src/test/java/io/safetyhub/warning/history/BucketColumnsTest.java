package io.safetyhub.warning.history;

import io.safetyhub.events.Quality;
import io.safetyhub.warning.support.Engines;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The stored columns of a history bucket: what a replay, a late reading and the queries rely on. */
class BucketColumnsTest {
    private static final Instant T0 = Instant.parse("2026-12-02T01:00:00Z");
    private static final long S = 1_000;

    private static OpenBucket bucket(Object... timeValueQuality) {
        OpenBucket b = new OpenBucket("GA-1|gas_lel|" + T0, Engines.reading("GA-1", "gas-alarm", "gas_lel", 0, T0), T0, 0);
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

        assertEquals(List.of(new Date(T0.toEpochMilli() + S), new Date(T0.toEpochMilli() + 2 * S),
                new Date(T0.toEpochMilli() + 3 * S), new Date(T0.toEpochMilli() + 4 * S)), merged.getList("t", Date.class));
        assertEquals(List.of(10.0, 20.0, 30.0, 40.0), merged.getList("v", Double.class), "3 s keeps its stored 30");
        assertEquals(4L, merged.getLong("count"));
        assertEquals(100.0, merged.getDouble("sum"));
    }

    @Test
    void shouldLeaveBadAndNonFiniteSamplesOutOfTheSummaryWhenStoringThem() {
        Document d = stored(bucket(1 * S, 5.0, Quality.GOOD, 2 * S, 500.0, Quality.BAD, 3 * S, Double.NaN, null,
                4 * S, 7.0, Quality.UNCERTAIN));

        assertEquals(Arrays.asList(5.0, 500.0, null, 7.0), d.getList("v", Double.class), "every sample is evidence");
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

        assertEquals(d, again);
        assertNull(again.getList("q", String.class).get(1), "a sample without quality stays without");
    }
}
