package io.safetyhub.adapter.mqtt;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;

/**
 * Sends a connection's PUBACKs in the order its PUBLISHes arrived (MQTT 5 §4.6), each once its message's records are
 * stored (acknowledged by Kafka or fsynced in the spool): the message at the head is acknowledged when its future
 * completes, and with it every following one already complete. A refused publish takes its turn too, with its reason
 * code. Confined to the connection's event loop: {@link #release()} is called there whenever a future completes.
 */
final class AckSequencer {
    /** Sends one PUBACK; {@code authorized} false = reason code 0x87 (MQTT 5). */
    interface Acknowledger {
        void acknowledge(int messageId, boolean authorized);

        /** A message could not be stored: it stays unacknowledged, the device must resend it. */
        void failed(int messageId, Throwable failure);
    }

    private final Deque<Arrival> arrivals = new ArrayDeque<>();
    private final Acknowledger acknowledger;

    AckSequencer(Acknowledger acknowledger) {
        this.acknowledger = acknowledger;
    }

    void arrived(int messageId, CompletableFuture<Void> stored) {
        arrivals.addLast(new Arrival(messageId, stored, true));
    }

    void refused(int messageId) {
        arrivals.addLast(new Arrival(messageId, CompletableFuture.completedFuture(null), false));
    }

    /** Messages waiting for their turn to be acknowledged. */
    int waiting() {
        return arrivals.size();
    }

    /** Acknowledges every message at the head whose records are stored; stops at the first failure. */
    void release() {
        while (!arrivals.isEmpty() && arrivals.peekFirst().stored().isDone()) {
            Arrival head = arrivals.pollFirst();
            if (head.stored().isCompletedExceptionally()) {
                arrivals.clear();
                acknowledger.failed(head.messageId(), head.stored().handle((ok, failure) -> failure).join());
                return;
            }
            acknowledger.acknowledge(head.messageId(), head.authorized());
        }
    }

    private record Arrival(int messageId, CompletableFuture<Void> stored, boolean authorized) {
    }
}
