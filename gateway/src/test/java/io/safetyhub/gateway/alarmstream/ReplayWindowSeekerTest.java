package io.safetyhub.gateway.alarmstream;

import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Where a gateway starts reading each partition of the alarm topic when it is assigned: the first record of the replay
 * window, or, with nothing in the window, the end as it was at assignment, so that an event appended before the first
 * fetch still reaches live clients (a replica started under load once skipped one: ReplicaReconnectIT in review).
 */
class ReplayWindowSeekerTest {
    private static final TopicPartition PARTITION = new TopicPartition("alarms.events.v1", 2);

    @Test
    void shouldReadAnEventAppendedBeforeTheFirstFetchWhenThePartitionHadNothingInTheWindow() {
        MockConsumer<String, String> consumer = consumerFindingInWindow(null);
        consumer.updateEndOffsets(Map.of(PARTITION, 5L));

        new ReplayWindowSeeker(Duration.ofMinutes(30)).onPartitionsAssigned(consumer, List.of(PARTITION));
        consumer.updateEndOffsets(Map.of(PARTITION, 6L)); // appended between assignment and the first fetch

        assertEquals(5L, consumer.position(PARTITION), "the event at offset 5 must be read, not skipped");
    }

    @Test
    void shouldStartAtTheFirstRecordOfTheWindowWhenThePartitionHasOne() {
        MockConsumer<String, String> consumer = consumerFindingInWindow(new OffsetAndTimestamp(3L, System.currentTimeMillis()));
        consumer.updateEndOffsets(Map.of(PARTITION, 9L));

        new ReplayWindowSeeker(Duration.ofMinutes(30)).onPartitionsAssigned(consumer, List.of(PARTITION));

        assertEquals(3L, consumer.position(PARTITION));
    }

    /** A consumer assigned {@link #PARTITION} whose broker answers {@code first} for any time (null: nothing since). */
    private static MockConsumer<String, String> consumerFindingInWindow(OffsetAndTimestamp first) {
        MockConsumer<String, String> consumer = new MockConsumer<>("earliest") {
            @Override
            public synchronized Map<TopicPartition, OffsetAndTimestamp> offsetsForTimes(Map<TopicPartition, Long> times) {
                Map<TopicPartition, OffsetAndTimestamp> found = new HashMap<>();
                times.keySet().forEach(partition -> found.put(partition, first));
                return found;
            }
        };
        consumer.assign(List.of(PARTITION));
        return consumer;
    }
}
