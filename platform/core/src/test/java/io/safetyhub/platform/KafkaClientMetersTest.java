package io.safetyhub.platform;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilterReply;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class KafkaClientMetersTest {

    @ParameterizedTest
    @CsvSource({
            // what an operator reads: lag, throughput, failed sends, rebalances
            "kafka.consumer.fetch.manager.records.lag,             true",
            "kafka.consumer.fetch.manager.records.lag.max,         true",
            "kafka.consumer.fetch.manager.records.consumed.total,  true",
            "kafka.consumer.coordinator.rebalance.total,           true",
            "kafka.consumer.coordinator.failed.rebalance.total,    true",
            "kafka.producer.record.send.total,                     true",
            "kafka.producer.record.error.total,                    true",
            "kafka.producer.record.retry.total,                    true",
            // per node, per partition and client internals: the thousands of meters the binder makes otherwise
            "kafka.consumer.fetch.manager.records.lead,            false",
            "kafka.consumer.fetch.manager.records.lag.avg,         false",
            "kafka.consumer.node.request.latency.avg,              false",
            "kafka.consumer.fetch.manager.fetch.size.max,          false",
            "kafka.producer.topic.record.send.total,               false",
            "kafka.producer.connections,                           false",
            // not a Kafka client meter: left to the other filters
            "jvm.gc.pause,                                         true",
            "safetyhub.warning.readings,                           true"})
    void shouldKeepOnlyTheOperatorsKafkaMetersWhenRegistered(String name, boolean kept) {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        registry.config().meterFilter(new KafkaClientMeters());
        FunctionCounter.builder(name, this, x -> 1).tag("client.id", "kafka-consumer-readings").register(registry);

        assertEquals(kept, registry.find(name).meter() != null, name);
    }

    @Test
    void shouldLeaveTheDecisionToTheOtherFiltersWhenTheMeterIsKept() {
        Meter.Id id = new Meter.Id("kafka.producer.record.send.total", Tags.empty(), null, null, Meter.Type.COUNTER);

        assertEquals(MeterFilterReply.NEUTRAL, new KafkaClientMeters().accept(id), "PrometheusNames may still deny it");
    }
}
