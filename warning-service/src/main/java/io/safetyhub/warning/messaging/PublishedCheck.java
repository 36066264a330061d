package io.safetyhub.warning.messaging;

import io.safetyhub.events.AlarmEvent;
import io.safetyhub.events.serde.AlarmEventDeserializer;
import io.safetyhub.warning.alarm.AlarmChange;
import io.safetyhub.warning.alarm.TopicEchoes;
import io.safetyhub.warning.alarm.KeyPartition;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which of the changes a previous owner left in the outbox are on {@code alarms.events.v1} already. A replica killed
 * after Kafka acknowledged a change and before the change's removal from the outbox was stored leaves it there; the
 * next owner of its partition would publish it a second time. Before it does, it reads the alarm topic's partitions
 * those alarms are keyed to, from five minutes before the oldest of those alarms' raising reading to their end (alarm events
 * are few, so this is a short read, done once per takeover on the rebalance thread), and an event of the same alarm
 * and change is the change itself: raised, cleared, acknowledged and closed happen once per alarm, a level is raised
 * to once, and an escalation is told apart by its time (the alarm's {@code lastNotifiedAt}). If the topic cannot be read within the bound, every change counts as
 * unseen: published again, at least once, as before.
 */
@ApplicationScoped
public class PublishedCheck {
    private static final Logger LOG = Logger.getLogger(PublishedCheck.class);
    private static final Duration BOUND = Duration.ofSeconds(10);

    private final Map<String, Object> kafka;
    private final String topic;

    public PublishedCheck(@Identifier("default-kafka-broker") Map<String, Object> kafka,
                          @ConfigProperty(name = "mp.messaging.outgoing.alarm-events.topic") String topic) {
        this.kafka = kafka;
        this.topic = topic;
    }

    /** What identifies one change of one alarm; the outbox keeps change names only, the stored alarm the rest. */
    static String key(String alarmId, AlarmEvent.Change change, io.safetyhub.events.AlarmLevel level, Instant at) {
        return TopicEchoes.key(alarmId, change, level, at);
    }

    /**
     * Every change on the alarm topic since {@code since}, all partitions (alarm events are keyed by alarm id, not by
     * device): what a killed owner published for readings this replica is about to replay ({@link TopicEchoes}).
     * Empty if the topic cannot be read within the bound (then a replayed change may go out twice, as before).
     */
    public Set<String> changesSince(Instant since) {
        Map<String, Object> props = consumerProperties();
        long deadline = System.nanoTime() + BOUND.toNanos();
        try (KafkaConsumer<String, AlarmEvent> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new AlarmEventDeserializer())) {
            Set<TopicPartition> partitions = consumer.partitionsFor(topic, BOUND).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).collect(Collectors.toSet());
            Set<String> seen = read(consumer, partitions, since, deadline);
            LOG.infof("%d alarm change(s) on %s since %s: not published again if decided again here", seen.size(),
                    topic, since);
            return seen;
        } catch (RuntimeException e) {
            LOG.warnf("could not read %s since %s (%s): a replayed change may be published twice", topic, since,
                    e.toString());
            return Set.of();
        }
    }

    private Map<String, Object> consumerProperties() {
        Map<String, Object> props = new HashMap<>(kafka);
        props.keySet().removeIf(k -> k.startsWith("acks") || k.startsWith("enable.idempotence")
                || k.startsWith("linger") || k.startsWith("key.serializer") || k.startsWith("value.serializer"));
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        return props;
    }

    /** The change keys of the partitions' records from {@code since} to their end; throws past the deadline. */
    private static Set<String> read(KafkaConsumer<String, AlarmEvent> consumer, Set<TopicPartition> partitions,
                                    Instant since, long deadline) {
        consumer.assign(partitions);
        Map<TopicPartition, Long> query = new HashMap<>();
        partitions.forEach(p -> query.put(p, since.toEpochMilli()));
        Map<TopicPartition, OffsetAndTimestamp> from = consumer.offsetsForTimes(query, BOUND);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, BOUND);
        for (TopicPartition p : partitions) {
            OffsetAndTimestamp start = from.get(p);
            consumer.seek(p, start == null ? end.get(p) : start.offset());
        }
        Set<String> seen = new HashSet<>();
        while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not read to its end within " + BOUND);
            }
            for (ConsumerRecord<String, AlarmEvent> r : consumer.poll(Duration.ofMillis(200))) {
                AlarmEvent e = r.value();
                if (e != null) {
                    seen.add(key(e.alarmId(), e.change(), e.level(), e.decidedAt()));
                }
            }
        }
        return seen;
    }

    /** The changes among these that are on the alarm topic already. */
    public List<AlarmChange> alreadyPublished(List<AlarmChange> changes) {
        if (changes.isEmpty()) {
            return List.of();
        }
        long deadline = System.nanoTime() + BOUND.toNanos();
        try (KafkaConsumer<String, AlarmEvent> consumer = new KafkaConsumer<>(consumerProperties(),
                new StringDeserializer(), new AlarmEventDeserializer())) {
            int count = consumer.partitionsFor(topic, BOUND).size();
            Set<TopicPartition> partitions = changes.stream()
                    .map(c -> new TopicPartition(topic, KeyPartition.of(c.alarm().id(), count)))
                    .collect(Collectors.toSet());
            Instant since = changes.stream().map(c -> c.alarm().raisedAt()).min(Instant::compareTo).orElseThrow()
                    .minus(Duration.ofMinutes(5)); // raisedAt is the source time: within the clock skew of the decision
            Set<String> seen = read(consumer, partitions, since, deadline);
            List<AlarmChange> published = new ArrayList<>();
            for (AlarmChange c : changes) {
                if (seen.contains(key(c.alarm().id(), c.change(), c.alarm().level(), c.alarm().lastNotifiedAt()))) {
                    published.add(c);
                }
            }
            if (!published.isEmpty()) {
                LOG.infof("%d of %d change(s) left in the outbox by a previous owner are on %s already: not published"
                        + " again", published.size(), changes.size(), topic);
            }
            return published;
        } catch (RuntimeException e) {
            LOG.warnf("could not check %s for the outbox's changes (%s): they are published again", topic, e.toString());
            return List.of();
        }
    }
}
