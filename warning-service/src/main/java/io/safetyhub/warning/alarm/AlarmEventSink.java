package io.safetyhub.warning.alarm;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Where alarm changes are published for other services (Kafka's {@code alarms.events.v1}). */
public interface AlarmEventSink {

    /**
     * Sends every change at once, without waiting; the future completes once the sink has acknowledged all of them,
     * retrying as long as it takes: a change given up would be lost, since the replayed reading finds its alarm
     * already stored.
     */
    CompletableFuture<Void> publish(List<AlarmChange> changes);
}
