package io.safetyhub.warning.messaging;

import io.safetyhub.warning.history.HistoryStore;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

import java.util.Collection;
import java.util.List;

/**
 * When partitions of {@code telemetry.readings.v1} are revoked (or lost), the history buckets gathered from them are
 * sealed and stored at once, so that the batches waiting for them are acknowledged and the next owner starts after
 * them instead of replaying a minute of readings. Should it replay some anyway, its inserts collide with what is
 * stored here and merge only the samples missing ({@code HistoryStore}).
 */
@ApplicationScoped
@Identifier("readings-rebalance")
public class ReadingsRebalance implements KafkaConsumerRebalanceListener {
    private final HistoryStore history;

    public ReadingsRebalance(HistoryStore history) {
        this.history = history;
    }

    @Override
    public void onPartitionsRevoked(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        history.storePartitions(numbers(partitions));
    }

    @Override
    public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        history.storePartitions(numbers(partitions));
    }

    private static List<Integer> numbers(Collection<TopicPartition> partitions) {
        return partitions.stream().map(TopicPartition::partition).toList();
    }
}
