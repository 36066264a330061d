package io.safetyhub.warning.messaging;

import io.safetyhub.events.Topics;
import io.safetyhub.events.serde.CommitmentMissingDeserializer;
import io.safetyhub.events.serde.DeviceEventDeserializer;
import io.safetyhub.events.serde.DutyOverdueDeserializer;
import io.safetyhub.events.serde.DutyRotaChangedDeserializer;
import io.safetyhub.events.serde.EnterpriseChangedDeserializer;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

import java.util.Map;

/**
 * The value deserialiser of the {@code side-inputs} channel ({@link SideInputConsumer}): one consumer reads five
 * topics, so the record type is chosen by the record's topic. A topic it does not know fails like a value it cannot
 * read (the channel's {@code fail-on-deserialization-failure=false} hands it on as null with the failure header).
 */
public class SideInputDeserializer implements Deserializer<Object> {
    private final Map<String, Deserializer<?>> byTopic = Map.of(
            Topics.ENTERPRISE_REGISTRY, new EnterpriseChangedDeserializer(),
            Topics.EMERGENCY_DUTY, new DutyRotaChangedDeserializer(),
            Topics.ENTERPRISE_COMMITMENTS, new CommitmentMissingDeserializer(),
            Topics.ENTERPRISE_DUTIES, new DutyOverdueDeserializer(),
            Topics.DEVICE_EVENTS, new DeviceEventDeserializer());

    @Override
    public Object deserialize(String topic, byte[] data) {
        Deserializer<?> reader = byTopic.get(topic);
        if (reader == null) {
            throw new SerializationException("the side-inputs channel has no reader for topic " + topic);
        }
        return reader.deserialize(topic, data);
    }
}
