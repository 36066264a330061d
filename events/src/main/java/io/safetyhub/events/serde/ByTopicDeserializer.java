package io.safetyhub.events.serde;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

import java.util.Map;

/**
 * The value deserialiser of a channel that reads several topics with one consumer (a consumer per small input costs a
 * poll thread, a coordinator, heartbeats and fetches at the broker, paid at rest): the event type is chosen by the
 * record's topic. A topic it has no reader for fails like a value it cannot read, so a channel with
 * {@code fail-on-deserialization-failure=false} hands it on as null with the failure header. A service names a small
 * subclass in its configuration, as with the one-type deserialisers.
 */
public abstract class ByTopicDeserializer implements Deserializer<Object> {
    private final Map<String, Deserializer<?>> byTopic;

    protected ByTopicDeserializer(Map<String, Deserializer<?>> byTopic) {
        this.byTopic = Map.copyOf(byTopic);
    }

    @Override
    public Object deserialize(String topic, byte[] data) {
        Deserializer<?> reader = byTopic.get(topic);
        if (reader == null) {
            throw new SerializationException(getClass().getSimpleName() + " has no reader for topic " + topic);
        }
        return reader.deserialize(topic, data);
    }
}
