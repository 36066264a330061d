package io.safetyhub.warning.alarm;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The outbox relay. Every alarm change is recorded by the {@link AlarmStore} as not yet published (written behind, with
 * the alarm), sent to the {@link AlarmEventSink} (Kafka) at once, without waiting for that write; once the sink has
 * it, it leaves the outbox and goes to the {@link AlarmChangeListener} (the notification channels). Whatever a
 * previous run stored but never saw published goes first, at the first relay after a start. Changes of a shelved
 * device are recorded but go nowhere: that is what shelving is for.
 * <p>
 * {@link #relayAsync} returns a future that completes when the changes are both acknowledged by Kafka and stored: the
 * readings consumer acknowledges a batch only then (see {@code ReadingConsumer} for why that keeps the outbox's
 * guarantee). {@link #relay} waits for the same, for callers that are not on the engine's hot path.
 */
@ApplicationScoped
public class AlarmOutbox {
    private static final Logger LOG = Logger.getLogger(AlarmOutbox.class);

    private final AlarmStore store;
    private final AlarmEventSink sink;
    private final AlarmChangeListener listener;
    private final TopicEchoes echoes;
    /** Runs the after-ack steps off Kafka's callback thread (they take the store's monitor and may queue a write). */
    private final ExecutorService afterAck = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "alarm-relay");
        t.setDaemon(true);
        return t;
    });

    @Inject
    public AlarmOutbox(AlarmStore store, AlarmEventSink sink, AlarmChangeListener listener, TopicEchoes echoes) {
        this.store = store;
        this.sink = sink;
        this.listener = listener;
        this.echoes = echoes;
    }

    /** Without takeover echoes: for tests of one replica. */
    public AlarmOutbox(AlarmStore store, AlarmEventSink sink, AlarmChangeListener listener) {
        this(store, sink, listener, new TopicEchoes(java.time.Clock.systemUTC()));
    }

    /** Relays the changes and waits until Kafka has them and they are stored. */
    public void relay(List<AlarmChange> changes) {
        relayAsync(changes).join();
    }

    /** Relays the changes; the future completes once Kafka has acknowledged them and they are stored. */
    public CompletableFuture<Void> relayAsync(List<AlarmChange> changes) {
        List<AlarmChange> recovered = store.takeRecovered();
        List<AlarmChange> all = new ArrayList<>(recovered);
        all.addAll(changes);
        if (all.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        // Taken before sending: the writes carrying these changes were handed in before this point (FIFO).
        CompletableFuture<Void> stored = store.written();
        // A change already on the topic (a killed owner's, decided again from its replayed readings) is stored and
        // leaves the outbox like the others, but is not sent twice (TopicEchoes).
        List<AlarmChange> published = new ArrayList<>(all.size());
        for (AlarmChange c : all) {
            boolean resend = recovered.contains(c);
            if (c.alarm().suppressed()) {
                LOG.debugf("%s of alarm %s not sent: its device is shelved", c.change(), c.alarm().id());
            } else if (echoes.take(c)) {
                LOG.infof("%s of alarm %s not sent: on the alarm topic already (a killed owner's, decided again here"
                        + " from its replayed readings)", c.change(), c.alarm().id());
            } else {
                published.add(c);
                if (resend) {
                    LOG.infof("sending %s of alarm %s again: a previous owner or run stored it and never saw Kafka's"
                            + " ack", c.change(), c.alarm().id());
                } else {
                    LOG.debugf("sending %s of alarm %s", c.change(), c.alarm().id());
                }
            }
        }
        CompletableFuture<Void> acked = published.isEmpty() ? CompletableFuture.completedFuture(null)
                : sink.publish(published);
        CompletableFuture<Void> relayed = acked.thenRunAsync(() -> {
            store.published(all); // a shelved device's changes go nowhere, by design: out of the outbox too
            if (!published.isEmpty()) {
                listener.onPublished(published);
            }
        }, afterAck);
        return CompletableFuture.allOf(relayed, stored);
    }

    @PreDestroy
    void close() {
        afterAck.shutdown();
    }
}
