package io.safetyhub.adapter.mqtt;

import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The throttle against password guessing, on a hand-driven clock. */
class GuessingThrottleTest {
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    private final AtomicLong now = new AtomicLong(1_000 * SECOND);
    private final GuessingThrottle throttle = new GuessingThrottle(20, 3 * SECOND, 1000, now::get);

    @Test
    void shouldThrottleTheAddressWhenItFailedTwentyTimes() {
        int allowed = 0;
        for (int i = 0; i < 100; i++) {
            allowed += throttle.tryAcquire("10.0.0.9") ? 1 : 0;
        }

        assertEquals(20, allowed, "100 wrong passwords: 20 checked, 80 refused without a hash");
    }

    @Test
    void shouldLeaveOtherAddressesAloneWhenOneIsThrottled() {
        for (int i = 0; i < 100; i++) {
            throttle.tryAcquire("10.0.0.9");
        }

        assertTrue(throttle.tryAcquire("10.0.0.10"));
    }

    @Test
    void shouldAllowOneMoreAttemptPerRefillWhenThrottled() {
        for (int i = 0; i < 20; i++) {
            throttle.tryAcquire("10.0.0.9");
        }
        assertFalse(throttle.tryAcquire("10.0.0.9"));

        now.addAndGet(3 * SECOND);
        assertTrue(throttle.tryAcquire("10.0.0.9"));
        assertFalse(throttle.tryAcquire("10.0.0.9"));
        now.addAndGet(60 * SECOND);
        for (int i = 0; i < 20; i++) {
            assertTrue(throttle.tryAcquire("10.0.0.9"), "full again after a minute, attempt " + i);
        }
        assertFalse(throttle.tryAcquire("10.0.0.9"), "never more than the burst");
    }

    @Test
    void shouldNeverThrottleHonestReconnectsWhenTheyLogInSuccessfully() {
        for (int i = 0; i < 1000; i++) {
            assertTrue(throttle.tryAcquire("10.0.0.7"));
            throttle.succeeded("10.0.0.7");
        }
    }

    @Test
    void shouldForgetTheLeastRecentAddressWhenTheTableIsFull() {
        GuessingThrottle small = new GuessingThrottle(1, SECOND, 2, now::get);
        small.tryAcquire("a");
        small.tryAcquire("b");
        small.tryAcquire("c");

        assertEquals(2, small.tracked());
        assertTrue(small.tryAcquire("a"), "a was forgotten and starts with a full bucket");
        assertFalse(small.tryAcquire("c"));
    }
}
