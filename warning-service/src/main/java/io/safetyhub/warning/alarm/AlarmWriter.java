package io.safetyhub.warning.alarm;

import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The single background writer of alarm state and of the outbox ({@code unpublished}) into the
 * {@link AlarmRepository}, so that neither the engine's thread nor the store's monitor ever waits for MongoDB.
 * <p>
 * Writes are applied one at a time in the order they were handed in (one thread, one FIFO queue): the state of an
 * alarm is never overwritten by an older one, and the removal of a change from the outbox always lands after the
 * write that put it there. A write MongoDB refuses is retried with back-off (100 ms doubling to 5 s) for as long as
 * it takes, holding the ones behind it, since giving one up would break that order. The queue is bounded
 * ({@code warning.engine.write-queue-capacity}): when MongoDB is away long enough to fill it, whoever hands in the
 * next write waits (back-pressure) rather than memory growing without bound. Each write's future completes once it
 * is stored; as the queue is FIFO, {@link #tail()} completing means every write handed in before it is stored too.
 */
public class AlarmWriter implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(AlarmWriter.class);
    private static final long FIRST_BACKOFF_MS = 100;
    private static final long MAX_BACKOFF_MS = 5_000;

    /** One write with the future completed once it is stored. */
    private record Op(String what, Runnable write, CompletableFuture<Void> done) {
    }

    private final AlarmRepository repository;
    private final BlockingQueue<Op> queue;
    private final Thread thread;
    private final long firstBackoffMs;
    private volatile boolean closed;
    /** The future of the write handed in last; written under this object's monitor, read without it. */
    private volatile CompletableFuture<Void> tail = CompletableFuture.completedFuture(null);

    public AlarmWriter(AlarmRepository repository, int capacity) {
        this(repository, capacity, Duration.ofMillis(FIRST_BACKOFF_MS));
    }

    AlarmWriter(AlarmRepository repository, int capacity, Duration firstBackoff) {
        this.repository = repository;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.firstBackoffMs = Math.max(1, firstBackoff.toMillis());
        this.thread = new Thread(this::run, "alarm-writer");
        thread.setDaemon(true);
        thread.start();
    }

    /** Queues the insert of a new alarm with its unpublished changes; a duplicate id (a replay) counts as stored. */
    public CompletableFuture<Void> insert(Alarm alarm, List<String> unpublished) {
        return submit("insert " + alarm.id(), () -> repository.insert(alarm, unpublished));
    }

    /** Queues the replacement of the alarm with its unpublished changes. */
    public CompletableFuture<Void> replace(Alarm alarm, List<String> unpublished) {
        return submit("replace " + alarm.id(), () -> repository.replace(alarm, unpublished));
    }

    /** Queues what is left unpublished of these alarms once Kafka has the rest. */
    public CompletableFuture<Void> setUnpublished(Map<String, List<String>> byAlarm) {
        if (byAlarm.isEmpty()) {
            return tail();
        }
        Map<String, List<String>> copy = Map.copyOf(byAlarm);
        return submit("outbox of " + copy.size() + " alarm(s)", () -> repository.setUnpublished(copy));
    }

    /** Completes once every write handed in so far is stored. */
    public CompletableFuture<Void> tail() {
        return tail;
    }

    /** Writes waiting (for a metric and the tests). */
    public int waiting() {
        return queue.size();
    }

    private CompletableFuture<Void> submit(String what, Runnable write) {
        Op op = new Op(what, write, new CompletableFuture<>());
        // Put and tail are one step, so that tail() is never older than a write already queued.
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("the alarm writer is closed");
            }
            if (!queue.offer(op)) {
                LOG.warnf("%d alarm writes wait for MongoDB; the next one waits for room", queue.size());
                try {
                    queue.put(op); // back-pressure; the writer thread never takes this monitor, so it drains
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for room in the alarm writer", e);
                }
            }
            tail = op.done();
        }
        return op.done();
    }

    private void run() {
        while (!closed || !queue.isEmpty()) {
            Op op;
            try {
                op = queue.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                if (closed) {
                    return;
                }
                continue;
            }
            if (op != null) {
                apply(op);
            }
        }
    }

    private void apply(Op op) {
        long backoff = firstBackoffMs;
        for (int attempt = 1; ; attempt++) {
            try {
                op.write().run();
                op.done().complete(null);
                return;
            } catch (RuntimeException e) {
                if (closed) {
                    op.done().completeExceptionally(e);
                    return;
                }
                LOG.warnf("alarm write (%s) failed (attempt %d), retrying in %d ms: %s", op.what(), attempt, backoff,
                        e.getMessage());
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException ie) {
                    if (closed) {
                        op.done().completeExceptionally(e);
                        return;
                    }
                }
                backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
            }
        }
    }

    /** Stops taking writes, stores those queued (unless MongoDB refuses them) and ends the thread. */
    @Override
    public void close() {
        closed = true;
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
