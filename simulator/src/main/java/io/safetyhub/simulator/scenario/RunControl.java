package io.safetyhub.simulator.scenario;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** When a running scenario should end: on a stop request (Ctrl-C, the launcher's SIGTERM) or after an optional duration. */
public final class RunControl {
    private final CountDownLatch stop;
    private final Optional<Duration> duration;
    private volatile long deadlineNanos;

    public RunControl(Optional<Duration> duration) {
        this(new CountDownLatch(1), duration);
    }

    private RunControl(CountDownLatch stop, Optional<Duration> duration) {
        this.stop = stop;
        this.duration = duration;
        this.deadlineNanos = deadline(System.nanoTime());
    }

    /**
     * A run of {@code length} from now within this one: it ends at its own deadline, or earlier when this one is
     * asked to stop (a load generator's windows, one after another, all end on the launcher's SIGTERM).
     */
    public RunControl window(Duration length) {
        return new RunControl(stop, Optional.of(length));
    }

    private long deadline(long from) {
        return duration.map(d -> from + d.toNanos()).orElse(Long.MAX_VALUE);
    }

    /**
     * Counts the duration from now: a load generator calls it once its connections are up, so that a window of
     * {@code --duration} seconds is that long of sending, whatever connecting a thousand devices took.
     */
    public void startNow() {
        deadlineNanos = deadline(System.nanoTime());
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
