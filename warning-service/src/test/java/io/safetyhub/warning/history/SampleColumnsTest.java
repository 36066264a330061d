package io.safetyhub.warning.history;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

/** The pool of history buckets' sample arrays: powers of two from 8, bounded, handed out again. */
class SampleColumnsTest {

    @ParameterizedTest(name = "{0} samples -> class {1}")
    @CsvSource({"1, 0", "8, 0", "9, 1", "16, 1", "17, 2", "300, 6", "600, 7", "1048576, 17", "1048577, 18"})
    void shouldPickTheSmallestPowerOfTwoClassWhenAskedForACapacity(int capacity, int expected) {
        assertEquals(expected, SampleColumns.classOf(capacity));
    }

    @Test
    void shouldHandOutAStoredBucketsArraysWhenANewBucketNeedsTheirSize() {
        SampleColumns pool = new SampleColumns(10_000);
        SampleColumns.Columns first = pool.take(600);
        assertEquals(1024, first.capacity());
        pool.give(first);
        assertEquals(1024, pool.pooledSamples());
        assertSame(first, pool.take(513), "the same class: the pooled arrays");
        assertEquals(0, pool.pooledSamples());
        assertNotSame(first, pool.take(600), "none left in the pool: new arrays");
    }

    @Test
    void shouldKeepNoMoreThanItsBoundWhenManyBucketsAreStoredAtOnce() {
        SampleColumns pool = new SampleColumns(2_048);
        pool.give(pool.take(1024));
        pool.give(pool.take(1024));
        pool.give(pool.take(1024));
        // take() reused the first pooled set each time; now three different sets are given back.
        SampleColumns.Columns a = pool.take(1024);
        SampleColumns.Columns b = pool.take(1024);
        SampleColumns.Columns c = pool.take(1024);
        pool.give(a);
        pool.give(b);
        pool.give(c); // over the bound: left to the collector
        assertEquals(2_048, pool.pooledSamples());
    }

    @Test
    void shouldNotPoolArraysWhenTheirLengthIsNoCapacityClass() {
        SampleColumns pool = new SampleColumns(10_000);
        pool.give(new SampleColumns.Columns(new long[600], new double[600], new byte[600]));
        assertEquals(0, pool.pooledSamples());
    }
}
