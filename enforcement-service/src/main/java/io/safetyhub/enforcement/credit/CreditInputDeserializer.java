package io.safetyhub.enforcement.credit;

import io.safetyhub.events.Topics;
import io.safetyhub.events.serde.AlarmEventDeserializer;
import io.safetyhub.events.serde.ByTopicDeserializer;
import io.safetyhub.events.serde.CertificateRateChangedDeserializer;
import io.safetyhub.events.serde.CommitmentMissingDeserializer;
import io.safetyhub.events.serde.DrillHeldDeserializer;
import io.safetyhub.events.serde.DutyOverdueDeserializer;
import io.safetyhub.events.serde.HazardOverdueDeserializer;

import java.util.Map;

/** The value deserialiser of the {@code credit-inputs} channel ({@link CreditListener}): six topics, one consumer. */
public class CreditInputDeserializer extends ByTopicDeserializer {
    public CreditInputDeserializer() {
        super(Map.of(
                Topics.ALARMS, new AlarmEventDeserializer(),
                Topics.ENTERPRISE_COMMITMENTS, new CommitmentMissingDeserializer(),
                Topics.ENTERPRISE_DUTIES, new DutyOverdueDeserializer(),
                Topics.TRAINING_CERTIFICATE_RATES, new CertificateRateChangedDeserializer(),
                Topics.EMERGENCY_DRILLS, new DrillHeldDeserializer(),
                Topics.ENTERPRISE_HAZARDS_OVERDUE, new HazardOverdueDeserializer()));
    }
}
