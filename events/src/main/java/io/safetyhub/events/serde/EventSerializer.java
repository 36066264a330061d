package io.safetyhub.events.serde;

import org.apache.kafka.common.serialization.Serializer;

/** Kafka serializer for any event record of this module. */
public class EventSerializer implements Serializer<Object> {
    @Override
    public byte[] serialize(String topic, Object data) {
        return data == null ? null : Json.write(data);
    }
}
