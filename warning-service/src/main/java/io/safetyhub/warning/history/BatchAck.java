package io.safetyhub.warning.history;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * What a consumed batch of readings still waits for before it may be acknowledged (and its offsets committed): a
 * counter, not the readings. Each part the batch's readings went into holds it once (every history bucket they were
 * added to, and the alarm changes they caused); the part {@link #release()}s it once durable. The batch itself holds
 * it until {@link #close()}, so that it cannot be acknowledged while its readings are still being handed out. At
 * zero the acknowledgement runs, once; a {@link #fail} instead runs the negative acknowledgement, once, and nothing
 * else happens afterwards.
 */
public final class BatchAck {
    private final AtomicInteger holds = new AtomicInteger(1);
    private final AtomicBoolean finished = new AtomicBoolean();
    private final Runnable ack;
    private final Consumer<Throwable> nack;
    /** Its place in the order batches came in, given by the history ({@link BatchWaits}) under the sealer's lock. */
    long number;

    public BatchAck(Runnable ack, Consumer<Throwable> nack) {
        this.ack = ack;
        this.nack = nack;
    }

    /** One more part must be durable first. */
    public void hold() {
        holds.incrementAndGet();
    }

    /** One part is durable. */
    public void release() {
        if (holds.decrementAndGet() == 0 && finished.compareAndSet(false, true)) {
            ack.run();
        }
    }

    /** The batch's readings are all handed out: drops the batch's own hold. */
    public void close() {
        release();
    }

    /** A part could not be made durable: the batch is negatively acknowledged (it will be delivered again). */
    public void fail(Throwable reason) {
        if (finished.compareAndSet(false, true)) {
            nack.accept(reason);
        }
    }

    /** True once acknowledged or failed. */
    public boolean finished() {
        return finished.get();
    }
}
