package io.safetyhub.adapter.messaging;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;

/**
 * Keeps at most {@code limit} records inside one emitter's pipeline (its buffer plus the Kafka sink's in-flight
 * sends). An emitter whose bounded buffer overflows fails its stream for good, so sends beyond the limit wait here,
 * first come first served, until Kafka acknowledges or refuses an earlier record.
 */
final class InFlightLimit {
    private final Semaphore permits;
    private final Queue<Runnable> waiting = new ConcurrentLinkedQueue<>();

    InFlightLimit(int limit) {
        this.permits = new Semaphore(limit);
    }

    /** Runs {@code send} holding one permit, now or once one is released; the send must lead to {@link #release()}. */
    void submit(Runnable send) {
        waiting.add(send);
        drain();
    }

    void release() {
        permits.release();
        drain();
    }

    int waiting() {
        return waiting.size();
    }

    private void drain() {
        while (!waiting.isEmpty() && permits.tryAcquire()) {
            Runnable next = waiting.poll();
            if (next == null) {
                // Another thread took the last waiting send between the check and the poll.
                permits.release();
            } else {
                next.run();
            }
        }
    }
}
