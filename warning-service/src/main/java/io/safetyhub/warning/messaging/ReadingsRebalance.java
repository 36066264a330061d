package io.safetyhub.warning.messaging;

import io.safetyhub.warning.alarm.AlarmEngine;
import io.safetyhub.warning.alarm.AlarmOutbox;
import io.safetyhub.warning.alarm.AlarmStore;
import io.safetyhub.warning.alarm.Ownership;
import io.safetyhub.warning.alarm.TopicEchoes;
import io.safetyhub.warning.history.HistoryStore;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Partition ownership of {@code telemetry.readings.v1}: what this replica holds follows what Kafka assigns it.
 * <p>
 * On assignment the replica loads the partitions' alarms from the store (open ones, ids, watermarks, changes a
 * previous owner stored but never saw published, which go out with the next relay unless {@link PublishedCheck} finds
 * them on the alarm topic already), then owns them ({@link Ownership}), before the first of their records is handed
 * to the engine. On revocation or loss it stops deciding for them at once,
 * relays what it recovered, drains the alarm writer, waits (bounded) until Kafka has their changes and that is stored,
 * and forgets them; their history buckets are sealed and stored, so that their batches are committed before the next
 * owner starts after them. Should the next owner replay some readings anyway, the alarm ids and watermarks it loaded
 * make the replay raise nothing twice, and its history inserts merge only the samples missing ({@code HistoryStore}).
 */
@ApplicationScoped
@Identifier("readings-rebalance")
public class ReadingsRebalance implements KafkaConsumerRebalanceListener {
    private static final Logger LOG = Logger.getLogger(ReadingsRebalance.class);
    /** Longest a revocation waits for the alarm changes of its partitions to be on Kafka and stored. */
    private static final Duration HANDOVER = Duration.ofSeconds(30);
    /** How far back a takeover reads the alarm topic: past the ~100 s a batch may wait for its history to be sealed. */
    private static final Duration REPLAY_REACH = Duration.ofMinutes(5);

    private final HistoryStore history;
    private final AlarmStore alarms;
    private final AlarmEngine engine;
    private final AlarmOutbox outbox;
    private final Ownership ownership;
    private final PublishedCheck published;
    private final TopicEchoes echoes;
    private final Clock clock;

    public ReadingsRebalance(HistoryStore history, AlarmStore alarms, AlarmEngine engine, AlarmOutbox outbox,
                             Ownership ownership, PublishedCheck published, TopicEchoes echoes, Clock clock) {
        this.published = published;
        this.echoes = echoes;
        this.clock = clock;
        this.history = history;
        this.alarms = alarms;
        this.engine = engine;
        this.outbox = outbox;
        this.ownership = ownership;
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            ownership.assign(ownership.partitions(), ownership.owned()); // assigned, if nothing new (or nothing at all)
            return;
        }
        String topic = partitions.iterator().next().topic();
        int count = consumer.partitionsFor(topic).size();
        Set<Integer> added = numbers(partitions);
        Set<Integer> owned = new HashSet<>(count == ownership.partitions() ? ownership.owned() : Set.of());
        ownership.assign(count, owned); // the count first: the load computes partitions with it
        // Loaded before they are owned (nothing is decided for them on an empty memory); what a previous owner left in
        // the outbox is checked against the alarm topic before any relay may send it.
        String what = "taking over partitions " + sorted(added) + " of " + topic;
        TakeoverRetry.untilDone(what + ": loading their alarms",
                () -> alarms.adopt(added, published::alreadyPublished), TakeoverRetry::sleep);
        // What a killed owner published but never stored is decided again from its uncommitted readings: those
        // changes are on the topic already (TopicEchoes). Its replay reaches back up to ~100 s (history sealing).
        TakeoverRetry.untilDone(what + ": reading back the alarm topic",
                () -> echoes.remember(published.changesSince(clock.instant().minus(REPLAY_REACH))),
                TakeoverRetry::sleep);
        owned.addAll(added);
        ownership.assign(count, owned);
        LOG.infof("owning partitions %s of %s (%d partitions)", sorted(owned), topic, count);
    }

    @Override
    public void onPartitionsRevoked(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        handOver(partitions, "revoked");
    }

    @Override
    public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        handOver(partitions, "lost");
    }

    private void handOver(Collection<TopicPartition> partitions, String how) {
        Set<Integer> gone = numbers(partitions);
        if (gone.isEmpty()) {
            return;
        }
        Set<Integer> owned = new HashSet<>(ownership.owned());
        owned.removeAll(gone);
        int count = ownership.partitions();
        ownership.assign(count, owned); // no decision for them from here on
        outbox.relay(List.of()); // what was recovered for them goes out before they are forgotten
        alarms.release(gone, HANDOVER);
        engine.release(gone, count);
        history.storePartitions(List.copyOf(gone));
        LOG.infof("partitions %s %s; still owning %s", sorted(gone), how, sorted(owned));
    }

    private static Set<Integer> numbers(Collection<TopicPartition> partitions) {
        return partitions.stream().map(TopicPartition::partition).collect(Collectors.toSet());
    }

    private static List<Integer> sorted(Set<Integer> partitions) {
        return partitions.stream().sorted().toList();
    }
}
