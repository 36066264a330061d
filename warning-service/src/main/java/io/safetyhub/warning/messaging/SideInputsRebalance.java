package io.safetyhub.warning.messaging;

import io.safetyhub.events.Topics;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

import java.util.Collection;
import java.util.List;

/**
 * The duty rota ({@code emergency.duty.v1}) is held in memory only ({@code oncall/DutyRoster}), so this replica must
 * read it whole at every start, whatever the {@code side-inputs} group committed for it: its partitions are sent
 * back to their beginning whenever they are assigned. The other topics of the channel resume from the group's
 * committed offsets (their effects are stored: the enterprise directory, alarms idempotent by id).
 */
@ApplicationScoped
@Identifier("side-inputs-rebalance")
public class SideInputsRebalance implements KafkaConsumerRebalanceListener {
    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        List<TopicPartition> rota = partitions.stream().filter(p -> Topics.EMERGENCY_DUTY.equals(p.topic())).toList();
        if (!rota.isEmpty()) {
            consumer.seekToBeginning(rota);
        }
    }
}
