package io.safetyhub.adapter.testing;

import io.safetyhub.devstack.testing.TestInfra;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;

/** A plain Kafka consumer of one topic of the real test broker, reading from the beginning in a group of its own. */
public final class TopicReader<T> implements AutoCloseable {
    private final KafkaConsumer<String, T> consumer;
    private final List<ConsumerRecord<String, T>> seen = new ArrayList<>();
    private final String topic;

    public TopicReader(String topic, Deserializer<T> deserializer) {
        this.topic = topic;
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.shared().kafkaBootstrapServers());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "device-adapter-test-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        this.consumer = new KafkaConsumer<>(properties, new StringDeserializer(), deserializer);
        consumer.subscribe(List.of(topic));
    }

    /** Polls until {@code count} records match, failing after {@code timeout} with what was seen. */
    public List<ConsumerRecord<String, T>> await(Predicate<ConsumerRecord<String, T>> match, int count,
                                                 Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<ConsumerRecord<String, T>> matching = seen.stream().filter(match).toList();
            if (matching.size() >= count) {
                return matching;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("expected " + count + " matching records on " + topic + " within " + timeout
                        + ", found " + matching.size() + " among " + seen.size() + ": " + matching);
            }
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        }
    }

    /**
     * Polls until {@code count} distinct {@code identity} values among matching records were seen (delivery is at
     * least once: a repeat counts once); returns the matching records in arrival order, repeats included.
     */
    public List<ConsumerRecord<String, T>> awaitDistinct(Predicate<ConsumerRecord<String, T>> match,
                                                         Function<ConsumerRecord<String, T>, Object> identity,
                                                         int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<ConsumerRecord<String, T>> matching = seen.stream().filter(match).toList();
            if (matching.stream().map(identity).distinct().count() >= count) {
                return matching;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("expected " + count + " distinct matching records on " + topic + " within "
                        + timeout + ", found " + matching.stream().map(identity).distinct().count());
            }
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        }
    }

    public ConsumerRecord<String, T> awaitOne(Predicate<ConsumerRecord<String, T>> match, Duration timeout) {
        return await(match, 1, timeout).get(0);
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
