package io.safetyhub.warning.messaging;

import io.safetyhub.warning.history.HistoryStore;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

import java.util.Collection;

/**
 * When partitions of {@code telemetry.readings.v1} move, another instance may write the buckets of their devices
 * meanwhile: the history's memory of stored sample keys is dropped, so that the next flush looks them up again.
 */
@ApplicationScoped
@Identifier("readings-rebalance")
public class ReadingsRebalance implements KafkaConsumerRebalanceListener {
    private final HistoryStore history;

    public ReadingsRebalance(HistoryStore history) {
        this.history = history;
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        history.forgetStoredKeys();
    }

    @Override
    public void onPartitionsRevoked(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        history.forgetStoredKeys();
    }

    @Override
    public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        history.forgetStoredKeys();
    }
}
