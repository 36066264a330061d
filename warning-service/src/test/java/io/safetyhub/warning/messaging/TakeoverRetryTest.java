package io.safetyhub.warning.messaging;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Taking over partitions is never given up: their readings must not reach the engine before their alarms are loaded. */
class TakeoverRetryTest {

    @Test
    void shouldTryAgainWithLongerWaitsWhenLoadingTheAlarmsFailsUntilItSucceeds() {
        AtomicInteger calls = new AtomicInteger();
        List<Duration> waits = new ArrayList<>();

        int attempts = TakeoverRetry.untilDone("loading", () -> {
            if (calls.incrementAndGet() < 8) {
                throw new IllegalStateException("Chunk 11614 not found");
            }
        }, waits::add);

        assertEquals(8, attempts);
        assertEquals(8, calls.get());
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8),
                Duration.ofSeconds(16), Duration.ofSeconds(30), Duration.ofSeconds(30)), waits, "doubling, at most 30 s");
    }

    @Test
    void shouldRunOnceWithoutWaitingWhenTheStepSucceeds() {
        List<Duration> waits = new ArrayList<>();

        assertEquals(1, TakeoverRetry.untilDone("loading", () -> { }, waits::add));
        assertTrue(waits.isEmpty());
    }

    @Test
    void shouldGiveUpWithAnExceptionWhenInterruptedWhileWaiting() {
        IllegalStateException stopped = assertThrows(IllegalStateException.class, () -> TakeoverRetry.untilDone("loading",
                () -> {
                    throw new IllegalStateException("MongoDB away");
                }, wait -> {
                    throw new InterruptedException("shutting down");
                }));

        assertTrue(stopped.getMessage().contains("interrupted"), stopped.getMessage());
        assertTrue(Thread.interrupted(), "the interrupt is kept for the caller");
    }
}
