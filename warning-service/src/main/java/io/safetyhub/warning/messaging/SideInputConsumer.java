package io.safetyhub.warning.messaging;

import io.safetyhub.events.CommitmentMissing;
import io.safetyhub.events.DeviceEvent;
import io.safetyhub.events.DutyOverdue;
import io.safetyhub.events.DutyRotaChanged;
import io.safetyhub.events.EnterpriseChanged;
import io.safetyhub.events.Topics;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * One Kafka consumer for the small inputs every replica reads whole: the enterprise registry, the duty rota, missing
 * commitments, overdue duties and device events (issue 19's fixed cost per replica: one channel each had cost a
 * consumer, its poll thread, its worker and a few hundred client meters). Each record goes to the topic's own
 * handler, which keeps its semantics; the readings (batches, partition-owned) and the device statuses (a new replica
 * starts them at the end) keep channels of their own. Records are applied one at a time in arrival order, so a
 * record that waits for this replica's first readings assignment ({@link OwnershipGate}) holds the others behind it
 * until then (at start only; they stay on Kafka meanwhile).
 */
@ApplicationScoped
public class SideInputConsumer {
    private static final Logger LOG = Logger.getLogger(SideInputConsumer.class);

    private final EnterpriseRegistryConsumer enterprises;
    private final DutyRotaConsumer rota;
    private final CommitmentConsumer commitments;
    private final DutyConsumer duties;
    private final DeviceEventConsumer deviceEvents;

    public SideInputConsumer(EnterpriseRegistryConsumer enterprises, DutyRotaConsumer rota,
                             CommitmentConsumer commitments, DutyConsumer duties, DeviceEventConsumer deviceEvents) {
        this.enterprises = enterprises;
        this.rota = rota;
        this.commitments = commitments;
        this.duties = duties;
        this.deviceEvents = deviceEvents;
    }

    @Incoming("side-inputs")
    @Blocking
    @SuppressWarnings("unchecked")
    public void consume(ConsumerRecord<String, Object> record) {
        ConsumerRecord<String, ?> any = record;
        switch (record.topic()) {
            case Topics.ENTERPRISE_REGISTRY -> enterprises.consume((ConsumerRecord<String, EnterpriseChanged>) any);
            case Topics.EMERGENCY_DUTY -> rota.consume((ConsumerRecord<String, DutyRotaChanged>) any);
            case Topics.ENTERPRISE_COMMITMENTS -> commitments.consume((CommitmentMissing) record.value());
            case Topics.ENTERPRISE_DUTIES -> duties.consume((DutyOverdue) record.value());
            case Topics.DEVICE_EVENTS -> deviceEvents.consume((DeviceEvent) record.value());
            default -> LOG.warnf("record of topic %s (partition %d, offset %d) skipped: the side-inputs channel does not"
                    + " read that topic", record.topic(), record.partition(), record.offset());
        }
    }
}
