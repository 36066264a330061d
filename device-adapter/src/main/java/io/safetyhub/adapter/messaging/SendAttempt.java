package io.safetyhub.adapter.messaging;

import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.RecordMetadata;

import java.util.function.Consumer;

/**
 * The producer's callback for one send. The producer reports some refusals (no metadata for the topic while Kafka is
 * away, buffer full) by calling back inside {@code send} on the sending thread; those are kept here for the sender to
 * retry in place, before the next record, so the order holds. A failure reported later, from the producer's own
 * thread, goes to {@code refusedLater}.
 */
final class SendAttempt implements Callback {
    private final Runnable acknowledged;
    private final Consumer<Exception> refusedLater;
    private final Thread sender = Thread.currentThread();
    private boolean returned;
    private volatile Exception refusal;

    SendAttempt(Runnable acknowledged, Consumer<Exception> refusedLater) {
        this.acknowledged = acknowledged;
        this.refusedLater = refusedLater;
    }

    /** Called once {@code send} returned: true unless the producer refused the record before that. */
    synchronized boolean returned() {
        returned = true;
        return refusal == null;
    }

    /** {@code send} threw. */
    synchronized void refusedBeforeReturn(Exception e) {
        returned = true;
        refusal = e;
    }

    Exception refusal() {
        return refusal;
    }

    @Override
    public void onCompletion(RecordMetadata metadata, Exception failure) {
        if (failure == null) {
            acknowledged.run();
            return;
        }
        synchronized (this) {
            if (!returned && Thread.currentThread() == sender) {
                refusal = failure;
                return;
            }
        }
        refusedLater.accept(failure);
    }
}
