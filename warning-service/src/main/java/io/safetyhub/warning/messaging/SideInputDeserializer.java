package io.safetyhub.warning.messaging;

import io.safetyhub.events.Topics;
import io.safetyhub.events.serde.ByTopicDeserializer;
import io.safetyhub.events.serde.CommitmentMissingDeserializer;
import io.safetyhub.events.serde.DeviceEventDeserializer;
import io.safetyhub.events.serde.DutyOverdueDeserializer;
import io.safetyhub.events.serde.DutyRotaChangedDeserializer;
import io.safetyhub.events.serde.EnterpriseChangedDeserializer;

import java.util.Map;

/** The value deserialiser of the {@code side-inputs} channel ({@link SideInputConsumer}): five topics, one consumer. */
public class SideInputDeserializer extends ByTopicDeserializer {
    public SideInputDeserializer() {
        super(Map.of(
                Topics.ENTERPRISE_REGISTRY, new EnterpriseChangedDeserializer(),
                Topics.EMERGENCY_DUTY, new DutyRotaChangedDeserializer(),
                Topics.ENTERPRISE_COMMITMENTS, new CommitmentMissingDeserializer(),
                Topics.ENTERPRISE_DUTIES, new DutyOverdueDeserializer(),
                Topics.DEVICE_EVENTS, new DeviceEventDeserializer()));
    }
}
