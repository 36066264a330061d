package io.safetyhub.warning.messaging;

import io.safetyhub.events.DeviceStatus;
import io.safetyhub.warning.alarm.AlarmEngine;
import io.safetyhub.warning.alarm.AlarmOutbox;
import io.safetyhub.warning.alarm.Ownership;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** {@code device.status.v1}: offline raises an offline alarm at once, online clears it. */
@ApplicationScoped
public class DeviceStatusConsumer {
    private final AlarmEngine engine;
    private final AlarmOutbox outbox;
    private final Ownership ownership;

    public DeviceStatusConsumer(AlarmEngine engine, AlarmOutbox outbox, Ownership ownership) {
        this.ownership = ownership;
        this.engine = engine;
        this.outbox = outbox;
    }

    @Incoming("device-status")
    @Blocking
    public void consume(DeviceStatus status) {
        OwnershipGate.awaitOwnership(ownership, "device-status");
        if (status != null) {
            outbox.relay(engine.onStatus(status));
        }
    }
}
