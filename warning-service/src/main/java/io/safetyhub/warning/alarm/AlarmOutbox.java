package io.safetyhub.warning.alarm;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;

/**
 * The outbox relay: every alarm change, stored with the alarm as not yet published ({@link AlarmStore}), goes to
 * the {@link AlarmEventSink} (Kafka), leaves the outbox once the sink has it, and is then handed to the
 * {@link AlarmChangeListener} (the notification channels). Whatever a previous run stored but never saw published
 * goes first, at the first relay after a start. Changes of a shelved device are recorded but go nowhere: that is
 * what shelving is for.
 */
@ApplicationScoped
public class AlarmOutbox {
    private final AlarmStore store;
    private final AlarmEventSink sink;
    private final AlarmChangeListener listener;

    public AlarmOutbox(AlarmStore store, AlarmEventSink sink, AlarmChangeListener listener) {
        this.store = store;
        this.sink = sink;
        this.listener = listener;
    }

    public void relay(List<AlarmChange> changes) {
        List<AlarmChange> all = new ArrayList<>(store.takeRecovered());
        all.addAll(changes);
        if (all.isEmpty()) {
            return;
        }
        List<AlarmChange> published = all.stream().filter(c -> !c.alarm().suppressed()).toList();
        sink.publish(published);
        store.published(all); // a shelved device's changes go nowhere, by design: out of the outbox too
        if (!published.isEmpty()) {
            listener.onPublished(published);
        }
    }
}
