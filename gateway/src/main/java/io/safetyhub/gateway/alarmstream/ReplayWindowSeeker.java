package io.safetyhub.gateway.alarmstream;

import io.safetyhub.gateway.config.GatewayConfig;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * On assignment, starts each partition at the first record of the replay window, so that a fresh or
 * restarted gateway refills its ring and a client's Last-Event-ID from before the restart still replays.
 * Each gateway has a consumer group of its own, so nothing committed by another replica interferes.
 */
@ApplicationScoped
@Identifier(ReplayWindowSeeker.NAME)
public class ReplayWindowSeeker implements KafkaConsumerRebalanceListener {
    public static final String NAME = "alarm-stream-replay-window";
    private static final Logger LOG = Logger.getLogger(ReplayWindowSeeker.class);

    private final long windowMillis;

    @Inject
    public ReplayWindowSeeker(GatewayConfig config) {
        this(config.alarmStream().replayWindow());
    }

    ReplayWindowSeeker(Duration window) {
        this.windowMillis = window.toMillis();
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return;
        }
        Map<TopicPartition, Long> since = new HashMap<>();
        long from = System.currentTimeMillis() - windowMillis;
        partitions.forEach(partition -> since.put(partition, from));
        // A partition with nothing in the window starts at its end as it was before the window was looked up. Not
        // seekToEnd: that is resolved lazily at the next fetch, and an event appended in between (a fresh replica
        // under load, seconds) would be skipped unseen by its live clients.
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        Map<TopicPartition, OffsetAndTimestamp> offsets = consumer.offsetsForTimes(since);
        for (TopicPartition partition : partitions) {
            OffsetAndTimestamp first = offsets.get(partition);
            consumer.seek(partition, first == null ? ends.get(partition) : first.offset());
        }
        LOG.infof("alarm stream reading %s from the replay window", partitions);
    }
}
