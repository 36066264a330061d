package io.safetyhub.warning.messaging;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.safetyhub.events.EnterpriseChanged;
import io.safetyhub.events.Topics;
import io.safetyhub.platform.rest.RegistryRecords;
import io.safetyhub.warning.enterprise.EnterpriseDirectory;
import io.safetyhub.warning.support.Engines;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What each kind of registry record does to the directory: a value is applied, a tombstone forgets the enterprise,
 * and a record the deserialiser could not read (null value, failure header) changes nothing. The real Kafka path,
 * header included, is EnterpriseRegistryConsumerIT.
 */
class EnterpriseRegistryConsumerTest {
    /** Never connects: the directory below overrides every method that would. */
    private static final MongoClient UNUSED = MongoClients.create("mongodb://127.0.0.1:1");

    private final List<String> calls = new ArrayList<>();
    private final EnterpriseRegistryConsumer consumer = new EnterpriseRegistryConsumer(
            new EnterpriseDirectory(UNUSED, Engines.config(Map.of())) {
                @Override
                public void apply(EnterpriseChanged e) {
                    calls.add("apply " + e.enterpriseId());
                }

                @Override
                public void forget(String enterpriseId) {
                    calls.add("forget " + enterpriseId);
                }
            });

    @AfterAll
    static void close() {
        UNUSED.close();
    }

    @Test
    void shouldApplyTheEntryWhenTheRecordHasAValue() {
        consumer.consume(record("chem-banan-01", event("chem-banan-01"), false));
        assertEquals(List.of("apply chem-banan-01"), calls);
    }

    @Test
    void shouldForgetTheEnterpriseWhenTheRecordIsATombstone() {
        consumer.consume(record("chem-banan-01", null, false));
        assertEquals(List.of("forget chem-banan-01"), calls);
    }

    @Test
    void shouldKeepTheEnterpriseWhenTheRecordIsUnreadable() {
        consumer.consume(record("chem-banan-01", null, true));
        assertEquals(List.of(), calls, "an unreadable record is not a tombstone");
    }

    private static ConsumerRecord<String, EnterpriseChanged> record(String key, EnterpriseChanged value, boolean unreadable) {
        RecordHeaders headers = new RecordHeaders();
        if (unreadable) {
            headers.add(RegistryRecords.DESERIALIZATION_FAILURE_REASON,
                    "invalid EnterpriseChanged".getBytes(StandardCharsets.UTF_8));
        }
        return new ConsumerRecord<>(Topics.ENTERPRISE_REGISTRY, 0, 42, 0, TimestampType.CREATE_TIME, -1, -1, key, value,
                headers, Optional.empty());
    }

    private static EnterpriseChanged event(String id) {
        return new EnterpriseChanged(UUID.randomUUID(), Instant.now(), "test", EnterpriseChanged.Change.UPDATED, id,
                "重庆长江化工有限公司", null, "巴南区", "界石镇", List.of("HAZARDOUS_CHEMICALS"), "ORANGE", "OPERATING",
                106.6, 29.4);
    }
}
