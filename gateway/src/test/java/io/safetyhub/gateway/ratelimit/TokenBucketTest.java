package io.safetyhub.gateway.ratelimit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenBucketTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void shouldGrantBurstThenRefuseWithWaitUntilOneTokenIsBackWhenEmpty() {
        TokenBucket bucket = new TokenBucket(2, 0.5, 0);
        assertEquals(0, bucket.take(0));
        assertEquals(0, bucket.take(0));
        assertEquals(2 * SECOND, bucket.take(0));
        assertEquals(SECOND, bucket.take(SECOND));
        assertEquals(0, bucket.take(2 * SECOND));
    }

    @Test
    void shouldNeverHoldMoreThanCapacityWhenIdleForLong() {
        TokenBucket bucket = new TokenBucket(3, 10, 0);
        assertTrue(bucket.fullAt(1000 * SECOND));
        for (int i = 0; i < 3; i++) {
            assertEquals(0, bucket.take(1000 * SECOND));
        }
        assertTrue(bucket.take(1000 * SECOND) > 0);
        assertFalse(bucket.fullAt(1000 * SECOND));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "api /api 200 50; api; /api; 200; 50",
            "probe /api/public/rate-probe 3 0.001; probe; /api/public/rate-probe; 3; 0.001"})
    void shouldParseRateClassWhenEntryIsWellFormed(String entry, String name, String prefix, double burst, double rate) {
        RateClass parsed = RateClass.parse(entry);
        assertEquals(new RateClass(name, prefix, burst, rate), parsed);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"api /api 200", "x /api/a zero 1", "x /api/a 0 1", "x /api/a 5 0", "x /other/ 5 1", "x other 5 1"})
    void shouldRefuseRateClassWhenEntryIsMalformed(String entry) {
        assertThrows(IllegalArgumentException.class, () -> RateClass.parse(entry));
    }
}
