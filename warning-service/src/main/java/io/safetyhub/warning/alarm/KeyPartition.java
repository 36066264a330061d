package io.safetyhub.warning.alarm;

import org.apache.kafka.common.utils.Utils;

import java.nio.charset.StandardCharsets;

/**
 * The partition a String key lands on, computed exactly as Kafka's default partitioner does for a record with that
 * key serialized by the {@code StringSerializer} (UTF-8): {@code toPositive(murmur2(keyBytes)) % partitions}. The
 * readings of a device are keyed by its id, so this names the partition of {@code telemetry.readings.v1}, and with it
 * the replica, that owns the device's alarms and timers.
 */
public final class KeyPartition {
    private KeyPartition() {
    }

    public static int of(String key, int partitions) {
        if (partitions <= 0) {
            throw new IllegalArgumentException("partitions must be positive: " + partitions);
        }
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }
}
