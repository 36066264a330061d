package io.safetyhub.warning.messaging;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaConnectorIncomingConfiguration;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.commit.KafkaCommitHandler;
import io.smallrye.reactive.messaging.kafka.commit.KafkaThrottledLatestProcessedCommit;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The readings channel's commit strategy ({@code commit-strategy=readings-offsets}): SmallRye's throttled strategy
 * unchanged (every {@code auto.commit.interval.ms} it commits, per partition, the offset below which every polled
 * batch is acknowledged), except that a batch is acknowledged by its partitions and offsets instead of by the records
 * it was polled with.
 * <p>
 * Why: a batch may be acknowledged only once its history buckets are stored, a minute plus the grace after it was
 * polled. Holding its last record per partition until then (what acknowledging a {@link KafkaRecordBatch} needs) kept
 * the record, its payload, headers, key and metadata alive for ~70 s: 12,300 records at 5,000 readings/s, ~800 bytes
 * each, all copied into the old generation by the young collections and dying there (bench/results/README.md,
 * "What the alarm path allocates and keeps"). A {@link Batch} keeps one int and one long per partition.
 * <p>
 * One consumer per channel (the connector's {@code partitions} left at 1): the acknowledgements go to the one
 * throttled handler of that consumer, so a second would not see its own; creating a second one fails loudly.
 */
@ApplicationScoped
@Identifier(ReadingOffsets.STRATEGY)
public class ReadingOffsets implements KafkaCommitHandler.Factory {
    public static final String STRATEGY = "readings-offsets";
    private static final Logger LOG = Logger.getLogger(ReadingOffsets.class);

    private final KafkaCommitHandler.Factory throttled = new KafkaThrottledLatestProcessedCommit.Factory();
    private volatile Handler handler;

    /** The consumer's handler, the channel it belongs to and how that channel reports a failure. */
    private record Handler(KafkaCommitHandler throttled, String channel, BiConsumer<Throwable, Boolean> failure) {
    }

    @Override
    public KafkaCommitHandler create(KafkaConnectorIncomingConfiguration config, Vertx vertx,
                                     KafkaConsumer<?, ?> consumer, BiConsumer<Throwable, Boolean> reportFailure) {
        if (handler != null) {
            throw new IllegalStateException("commit-strategy " + STRATEGY + " serves one consumer, and channel "
                    + handler.channel() + " has one already: leave the connector's 'partitions' at 1");
        }
        KafkaCommitHandler created = throttled.create(config, vertx, consumer, reportFailure);
        handler = new Handler(created, config.getChannel(), reportFailure);
        LOG.infof("channel %s: a batch's offsets are committed once its history and alarms are stored (%s)",
                config.getChannel(), STRATEGY);
        return created;
    }

    /** True when the channel's consumer commits through this strategy (not in tests that wire the consumer alone). */
    public boolean active() {
        return handler != null;
    }

    /** What acknowledging this polled batch needs: its last offset per partition. */
    public Batch of(KafkaRecordBatch<?, ?> records) {
        Map<TopicPartition, ? extends KafkaRecord<?, ?>> latest = records.getLatestOffsetRecords();
        String[] topics = new String[latest.size()];
        int[] partitions = new int[latest.size()];
        long[] offsets = new long[latest.size()];
        int i = 0;
        for (Map.Entry<TopicPartition, ? extends KafkaRecord<?, ?>> e : latest.entrySet()) {
            topics[i] = e.getKey().topic(); // the channel's one topic: the same String instance for every batch
            partitions[i] = e.getKey().partition();
            offsets[i++] = e.getValue().getMetadata(IncomingKafkaRecordMetadata.class)
                    .orElseThrow(() -> new IllegalStateException("a polled Kafka record without its metadata"))
                    .getOffset();
        }
        return new Batch(topics, partitions, offsets);
    }

    /** A polled batch's last offset per partition, acknowledged or failed once. */
    public final class Batch {
        private final String[] topics;
        private final int[] partitions;
        private final long[] offsets;

        private Batch(String[] topics, int[] partitions, long[] offsets) {
            this.topics = topics;
            this.partitions = partitions;
            this.offsets = offsets;
        }

        /** Marks each offset processed in the throttled handler, as acknowledging the polled record does. */
        public void ack() {
            Handler h = handler;
            for (int i = 0; i < offsets.length; i++) {
                ConsumerRecord<Object, Object> position = new ConsumerRecord<>(topics[i], partitions[i], offsets[i],
                        null, null);
                new IncomingKafkaRecord<>(position, h.channel(), -1, h.throttled(), null, false, false).ack();
            }
        }

        /**
         * What the channel's failure strategy ({@code fail}, the connector's default, kept here) does with a
         * negatively acknowledged record: the channel reports the failure and stops, so that nothing after the
         * batch is committed and the pod's health check restarts it.
         */
        public void fail(Throwable reason) {
            LOG.errorf("channel %s stops: a batch of readings could not be made durable (%s)", handler.channel(),
                    reason.getMessage());
            handler.failure().accept(reason, true);
        }
    }
}
