package io.safetyhub.warning.history;

import io.safetyhub.events.Quality;
import io.safetyhub.warning.support.Engines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An open bucket's samples in off-heap memory: kept in source-time order, each time once, across its growth. */
class OpenBucketTest {
    private static final Instant T0 = Instant.parse("2026-12-02T01:00:00Z");
    private static final long MS = T0.toEpochMilli();

    private final SampleMemory memory = new SampleMemory();

    private OpenBucket bucket() {
        return new OpenBucket("GA-1|gas_lel|" + T0, Engines.reading("GA-1", "gas-alarm", "gas_lel", 0, T0), T0, 0,
                memory);
    }

    @Test
    void shouldKeepSamplesInSourceTimeOrderWhenTheyArriveOutOfOrderAcrossGrowth() {
        OpenBucket b = bucket();
        // 40 samples, evens ascending then odds descending: every odd one is inserted between two held ones, and the
        // bucket grows from 8 to 64 on the way.
        for (int i = 0; i < 40; i += 2) {
            assertTrue(b.add(MS + i * 100L, i, null));
        }
        for (int i = 39; i > 0; i -= 2) {
            assertTrue(b.add(MS + i * 100L, i, i % 3 == 0 ? Quality.UNCERTAIN : Quality.GOOD));
        }
        assertEquals(40, b.size());
        for (int i = 0; i < 40; i++) {
            assertEquals(MS + i * 100L, b.time(i), "time at " + i);
            assertEquals(i, b.value(i), "value at " + i);
            byte quality = i % 2 == 0 ? 0 : (byte) ((i % 3 == 0 ? Quality.UNCERTAIN : Quality.GOOD).ordinal() + 1);
            assertEquals(quality, b.qualityCode(i), "quality at " + i);
        }
        assertEquals(64 * SampleMemory.BYTES_PER_SAMPLE, memory.inUseBytes(), "one 64-sample region, the rest given back");
        b.release();
        assertEquals(0, memory.inUseBytes());
    }

    @Test
    void shouldRefuseASampleWhenItsSourceTimeIsAlreadyHeld() {
        OpenBucket b = bucket();
        for (int i = 0; i < 12; i++) {
            b.add(MS + i * 1_000L, i, null);
        }
        assertFalse(b.add(MS + 11_000, 99, null), "the last one again: a redelivery");
        assertFalse(b.add(MS + 3_000, 99, null), "an earlier one again");
        assertEquals(12, b.size());
        assertEquals(3.0, b.value(3), "the first delivery's value stays");
        assertArrayEquals(new double[]{0, 11, 66, 12}, b.summary(), "min, max, sum, count");
        b.release();
    }

    @ParameterizedTest(name = "{0} samples -> a region of {1}")
    @CsvSource({"1, 8", "8, 8", "9, 16", "16, 16", "17, 32", "300, 512", "600, 1024", "1025, 2048"})
    void shouldTakeTheSmallestPowerOfTwoRegionWhenAskedForACapacity(int samples, int capacity) {
        SampleMemory.Region region = memory.take(samples);
        assertEquals(capacity, region.capacity);
        assertEquals((long) capacity * SampleMemory.BYTES_PER_SAMPLE, memory.inUseBytes());
        memory.give(region);
        assertEquals(0, memory.inUseBytes());
    }
}
