package io.safetyhub.events.serde;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

import java.io.UncheckedIOException;

/** Base Kafka deserializer; one small subclass per event type so that it can be named in configuration. */
public abstract class EventDeserializer<T> implements Deserializer<T> {
    private final Class<T> type;

    protected EventDeserializer(Class<T> type) {
        this.type = type;
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null; // tombstone of a compacted topic
        }
        try {
            return Json.read(data, type);
        } catch (UncheckedIOException | IllegalArgumentException | NullPointerException e) {
            throw new SerializationException("invalid " + type.getSimpleName() + " on " + topic + ": " + e.getMessage(), e);
        }
    }
}
