package io.safetyhub.warning.alarm;

import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The partition of a key is the one Kafka's own default partitioner picks for it. */
class KeyPartitionTest {

    @Test
    void shouldMatchKafkasPartitionerWhenKeyedByDeviceId() {
        String[] keys = {"GA-0001", "dev-42", "crane-沈阳-7", "", "chem-banan-01", "x".repeat(300), "ÄÖÜ|device"};
        for (int partitions : new int[] {1, 2, 3, 6, 7, 12, 64}) {
            for (String key : keys) {
                assertEquals(BuiltInPartitioner.partitionForKey(key.getBytes(StandardCharsets.UTF_8), partitions),
                        KeyPartition.of(key, partitions), key + " over " + partitions);
            }
            for (int i = 0; i < 2_000; i++) {
                String key = "device-" + i;
                assertEquals(BuiltInPartitioner.partitionForKey(key.getBytes(StandardCharsets.UTF_8), partitions),
                        KeyPartition.of(key, partitions), key + " over " + partitions);
            }
        }
    }

    @Test
    void shouldRefuseWhenThePartitionCountIsNotPositive() {
        assertThrows(IllegalArgumentException.class, () -> KeyPartition.of("GA-1", 0));
    }
}
