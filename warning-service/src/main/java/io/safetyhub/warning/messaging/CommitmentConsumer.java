package io.safetyhub.warning.messaging;

import io.safetyhub.events.AlarmEvent;
import io.safetyhub.events.CommitmentMissing;
import io.safetyhub.warning.alarm.AlarmChange;
import io.safetyhub.warning.alarm.AlarmEngine;
import io.safetyhub.warning.alarm.AlarmOutbox;
import io.safetyhub.warning.alarm.Ownership;
import io.safetyhub.warning.rule.StandardDefaults;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code enterprise.commitments.v1}: a daily safety commitment not posted in time becomes a level IV blue
 * alarm of the enterprise. Its id comes from the enterprise and the deadline, so a replay raises nothing new.
 * <p>
 * Such an alarm has no device, so it belongs to the partition its enterprise id hashes to ({@link Ownership}): every
 * replica reads the topic in a consumer group of its own and only the owner raises it (and later escalates and clears
 * it), so it is raised once however many replicas run.
 */
@ApplicationScoped
public class CommitmentConsumer {
    private final AlarmEngine engine;
    private final AlarmOutbox outbox;
    private final Ownership ownership;

    public CommitmentConsumer(AlarmEngine engine, AlarmOutbox outbox, Ownership ownership) {
        this.engine = engine;
        this.outbox = outbox;
        this.ownership = ownership;
    }

    /** Called by {@link SideInputConsumer} for each record of the topic. */
    public void consume(CommitmentMissing missing) {
        OwnershipGate.awaitOwnership(ownership, "commitments");
        if (missing == null || !ownership.owns(missing.enterpriseId())) {
            return;
        }
        List<AlarmChange> changes = new ArrayList<>();
        // One "device" per enterprise and day, so each day's missing commitment is an alarm of its own.
        engine.raise("commitment:" + missing.enterpriseId() + ":" + missing.date(), missing.enterpriseId(), null,
                StandardDefaults.COMMITMENT, null, AlarmEvent.Kind.COMMITMENT_MISSING, missing.deadline(),
                "daily safety commitment of " + missing.date() + " not posted by " + missing.deadline()
                        + " (危化企业安全风险研判与承诺公告)", changes);
        outbox.relay(changes);
    }
}
