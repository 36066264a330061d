package io.safetyhub.adapter.testing;

import io.safetyhub.devstack.testing.TestInfra;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.awaitility.core.ConditionTimeoutException;

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
        try {
            waiting(timeout).until(() -> poll().stream().filter(match).count() >= count);
        } catch (ConditionTimeoutException e) {
            List<ConsumerRecord<String, T>> matching = seen.stream().filter(match).toList();
            throw new AssertionError("expected " + count + " matching records on " + topic + " within " + timeout
                    + ", found " + matching.size() + " among " + seen.size() + ": " + matching);
        }
        return seen.stream().filter(match).toList();
    }

    /**
     * Polls until {@code count} distinct {@code identity} values among matching records were seen (delivery is at
     * least once: a repeat counts once); returns the matching records in arrival order, repeats included.
     */
    public List<ConsumerRecord<String, T>> awaitDistinct(Predicate<ConsumerRecord<String, T>> match,
                                                         Function<ConsumerRecord<String, T>, Object> identity,
                                                         int count, Duration timeout) {
        try {
            waiting(timeout).until(() -> poll().stream().filter(match).map(identity).distinct().count() >= count);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("expected " + count + " distinct matching records on " + topic + " within "
                    + timeout + ", found " + seen.stream().filter(match).map(identity).distinct().count());
        }
        return seen.stream().filter(match).toList();
    }

    /** Polls once more; the matching records seen so far. */
    public List<ConsumerRecord<String, T>> seen(Predicate<ConsumerRecord<String, T>> match) {
        return poll().stream().filter(match).toList();
    }

    public ConsumerRecord<String, T> awaitOne(Predicate<ConsumerRecord<String, T>> match, Duration timeout) {
        return await(match, 1, timeout).get(0);
    }

    /** In the test's own thread: the consumer must not be polled by Awaitility's thread while it is being closed. */
    private static ConditionFactory waiting(Duration timeout) {
        return Awaitility.await().atMost(timeout).pollInSameThread().pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(1));
    }

    /** One poll of up to 200 ms (the wait between Awaitility's checks); returns every record seen so far. */
    private List<ConsumerRecord<String, T>> poll() {
        consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        return seen;
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
