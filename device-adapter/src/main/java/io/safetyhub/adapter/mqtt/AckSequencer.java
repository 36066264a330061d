package io.safetyhub.adapter.mqtt;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;

/**
 * Sends PUBACKs in the order the PUBLISHes arrived (MQTT 5 §4.6), each once its message's records are stored: the
 * message at the head is acknowledged when its future completes, and with it every following one already complete.
 * Readings of different devices land on different Kafka partitions and complete out of order; this puts them back.
 * A message whose future failed is skipped without an acknowledgement (the broker redelivers it on reconnect).
 */
final class AckSequencer {
    /** Sends one PUBACK. */
    interface Acknowledger {
        void acknowledge(long connection, int messageId, int qos);
    }

    private final Deque<Arrival> arrivals = new ArrayDeque<>();
    private final Acknowledger acknowledger;

    AckSequencer(Acknowledger acknowledger) {
        this.acknowledger = acknowledger;
    }

    /** Called on the MQTT callback thread, in arrival order. */
    void arrived(long connection, int messageId, int qos, CompletableFuture<Void> stored) {
        Arrival arrival = new Arrival(connection, messageId, qos, stored);
        synchronized (this) {
            arrivals.addLast(arrival);
        }
        stored.whenComplete((ignored, failure) -> release());
    }

    /** Messages waiting for their turn to be acknowledged. */
    synchronized int waiting() {
        return arrivals.size();
    }

    /** The connection is gone: its packet ids mean nothing any more, the broker redelivers what was not acked. */
    synchronized void reset() {
        arrivals.clear();
    }

    private synchronized void release() {
        while (!arrivals.isEmpty() && arrivals.peekFirst().stored().isDone()) {
            Arrival head = arrivals.pollFirst();
            if (!head.stored().isCompletedExceptionally()) {
                acknowledger.acknowledge(head.connection(), head.messageId(), head.qos());
            }
        }
    }

    private record Arrival(long connection, int messageId, int qos, CompletableFuture<Void> stored) {
    }
}
