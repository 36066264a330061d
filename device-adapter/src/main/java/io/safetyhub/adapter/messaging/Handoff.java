package io.safetyhub.adapter.messaging;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The queue from the event loops that accept device messages to the one thread that takes them (FIFO, any number of
 * submitters, one taker). A blocking queue wakes its taker for nearly every record under load, since the taker empties
 * it faster than records come: at 10,000 readings/s that was a futex call on the event loop and a context switch of
 * the sender for each record, 11 % of device-adapter's CPU in a profile. Here, while records keep coming, the taker
 * looks again after a tick without anybody waking it; only after {@code idleTicks} ticks found nothing does it sleep
 * until a submitter wakes it. The tick (1 ms in the adapter) is what a record may wait at most for the taker while
 * it is busy; the Kafka producer then holds it for its {@code linger.ms} anyway.
 */
final class Handoff<T> {
    private final ConcurrentLinkedQueue<T> items = new ConcurrentLinkedQueue<>();
    /** Set by the taker before it sleeps, cleared by the submitter that wakes it (or by the taker on waking). */
    private final AtomicBoolean sleeping = new AtomicBoolean();
    private final AtomicLong wakeUps = new AtomicLong();
    private final long tickNanos;
    private final int idleTicks;
    private volatile Thread taker;
    /** Ticks in a row that found nothing; the taker's thread only. */
    private int emptyTicks;

    Handoff(long tickNanos, int idleTicks) {
        this.tickNanos = tickNanos;
        this.idleTicks = idleTicks;
    }

    void add(T item) {
        items.offer(item);
        // Read after the offer and written by the taker before its last look (both volatile): either the taker sees
        // the item, or this sees it sleeping.
        if (sleeping.get() && sleeping.compareAndSet(true, false)) {
            wakeUps.incrementAndGet();
            LockSupport.unpark(taker);
        }
    }

    T poll() {
        return items.poll();
    }

    boolean isEmpty() {
        return items.isEmpty();
    }

    /** Times a submitter had to wake the taker. */
    long wakeUps() {
        return wakeUps.get();
    }

    /**
     * The next item, or null when none came: after a tick while items have been coming, else after up to
     * {@code timeout} asleep. Only one thread may take.
     */
    T take(long timeout, TimeUnit unit) throws InterruptedException {
        T item = items.poll();
        if (item == null) {
            taker = Thread.currentThread();
            if (emptyTicks < idleTicks) {
                emptyTicks++;
                LockSupport.parkNanos(this, tickNanos);
            } else {
                sleeping.set(true);
                if (items.isEmpty()) {
                    LockSupport.parkNanos(this, unit.toNanos(timeout));
                }
                sleeping.set(false);
            }
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            item = items.poll();
        }
        if (item != null) {
            emptyTicks = 0;
        }
        return item;
    }
}
