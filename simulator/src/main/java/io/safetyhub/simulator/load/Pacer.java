package io.safetyhub.simulator.load;

/**
 * The open-loop schedule of a load: message {@code i} is due at {@code start + i / rate}, whatever happened to the
 * messages before it. The sender wakes on 1 ms ticks of the monotonic clock and sends every message due by then; a
 * message sent after its due time is late by the difference, and that lateness is measured rather than hidden (no
 * coordinated omission: a slow endpoint does not slow the schedule down, it makes messages late). Pure arithmetic on
 * nanosecond readings passed in, so it is tested without a clock.
 */
public final class Pacer {
    public static final long TICK_NANOS = 1_000_000L;

    private final long startNanos;
    private final double perSecond;

    /**
     * @param startNanos {@link System#nanoTime()} at which message 0 is due
     * @param perSecond  messages per second over all devices; any positive rate, fractions included
     */
    public Pacer(long startNanos, double perSecond) {
        if (!(perSecond > 0) || Double.isInfinite(perSecond)) {
            throw new IllegalArgumentException("rate must be a positive number of messages per second, got " + perSecond);
        }
        this.startNanos = startNanos;
        this.perSecond = perSecond;
    }

    /** When message {@code i} (0-based) is due. */
    public long dueNanos(long i) {
        return startNanos + (long) Math.ceil(i * 1e9 / perSecond);
    }

    /** How many messages are due at {@code nowNanos}, i.e. the count whose due time is at or before it. */
    public long dueBy(long nowNanos) {
        long elapsed = nowNanos - startNanos;
        if (elapsed < 0) {
            return 0;
        }
        long count = (long) Math.floor(elapsed * perSecond / 1e9) + 1;
        // Floating point may land one off at an exact boundary: settle it against dueNanos itself.
        while (count > 0 && dueNanos(count - 1) > nowNanos) {
            count--;
        }
        while (dueNanos(count) <= nowNanos) {
            count++;
        }
        return count;
    }

    /** The first 1 ms tick after {@code nowNanos}, counted from the start. */
    public long nextTick(long nowNanos) {
        long elapsed = Math.max(0, nowNanos - startNanos);
        return startNanos + (elapsed / TICK_NANOS + 1) * TICK_NANOS;
    }

    /** How late message {@code i} is when sent at {@code sentNanos}; never negative (it is never sent early). */
    public long latenessNanos(long i, long sentNanos) {
        return Math.max(0, sentNanos - dueNanos(i));
    }

    /** The device of message {@code i}: round robin, so every device sends at the same rate. */
    public static int deviceOf(long i, int devices) {
        return (int) (i % devices);
    }

    /**
     * The source time of a device's next message, in epoch ms: now, but always after its previous one. Readings are
     * keyed by device + source time, so two messages of one device in the same millisecond (a burst after a stall)
     * would count as one.
     */
    public static long sourceMillis(long nowMillis, long previousMillis) {
        return Math.max(nowMillis, previousMillis + 1);
    }
}
