package io.safetyhub.warning.alarm;

import java.util.List;

/** Where alarm changes are published for other services (Kafka's {@code alarms.events.v1}). */
public interface AlarmEventSink {

    /**
     * Returns once the sink has acknowledged every change, retrying as long as it takes: a change given up would be
     * lost, since the replayed reading finds its alarm already stored.
     */
    void publish(List<AlarmChange> changes);
}
