package io.safetyhub.warning.messaging;

import io.safetyhub.events.DeviceEvent;
import io.safetyhub.warning.alarm.AlarmOutbox;
import io.safetyhub.warning.alarm.Ownership;
import io.safetyhub.warning.alarm.DeviceEventHandler;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@code device.events.v1}: what devices report about themselves (their alarm flag, a fault, a limiter cut-off, a
 * valve closed, recovery) raises, annotates and clears alarms; a record that cannot be read is skipped.
 */
@ApplicationScoped
public class DeviceEventConsumer {
    private final DeviceEventHandler handler;
    private final AlarmOutbox outbox;
    private final Ownership ownership;

    public DeviceEventConsumer(DeviceEventHandler handler, AlarmOutbox outbox, Ownership ownership) {
        this.ownership = ownership;
        this.handler = handler;
        this.outbox = outbox;
    }

    /** Called by {@link SideInputConsumer} for each record of the topic. */
    public void consume(DeviceEvent event) {
        OwnershipGate.awaitOwnership(ownership, "device-events");
        if (event != null) {
            outbox.relay(handler.onEvent(event));
        }
    }
}
