package io.safetyhub.simulator.scenario;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** When a running scenario should end: on a stop request (Ctrl-C, the launcher's SIGTERM) or after an optional duration. */
public final class RunControl {
    private final CountDownLatch stop = new CountDownLatch(1);
    private final long deadlineNanos;

    public RunControl(Optional<Duration> duration) {
        this.deadlineNanos = duration.map(d -> System.nanoTime() + d.toNanos()).orElse(Long.MAX_VALUE);
    }

    public void requestStop() {
        stop.countDown();
    }

    public boolean running() {
        return stop.getCount() > 0 && System.nanoTime() < deadlineNanos;
    }

    /** Waits for {@code period} (less if the deadline comes first); false when the scenario should end. */
    public boolean pause(Duration period) throws InterruptedException {
        long wait = Math.min(period.toNanos(), Math.max(0, deadlineNanos - System.nanoTime()));
        return !stop.await(wait, TimeUnit.NANOSECONDS) && running();
    }
}
