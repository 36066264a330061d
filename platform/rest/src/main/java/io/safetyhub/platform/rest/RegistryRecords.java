package io.safetyhub.platform.rest;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Tells the three kinds of record on a compacted registry topic apart. A value the deserialiser could not read
 * also arrives as null, and must not be taken for a tombstone: that would delete a live entry from a local view.
 */
public final class RegistryRecords {
    /** The header SmallRye's Kafka connector sets on a record whose value failed to deserialise. */
    public static final String DESERIALIZATION_FAILURE_REASON = "deserialization-failure-reason";

    public enum Kind { VALUE, TOMBSTONE, UNREADABLE }

    private RegistryRecords() {
    }

    public static Kind kind(ConsumerRecord<?, ?> record) {
        if (record.headers() != null && record.headers().lastHeader(DESERIALIZATION_FAILURE_REASON) != null) {
            return Kind.UNREADABLE;
        }
        return record.value() == null ? Kind.TOMBSTONE : Kind.VALUE;
    }
}
