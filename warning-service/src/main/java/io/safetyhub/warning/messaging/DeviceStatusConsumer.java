package io.safetyhub.warning.messaging;

import io.safetyhub.events.DeviceStatus;
import io.safetyhub.warning.alarm.AlarmEngine;
import io.safetyhub.warning.notify.AlarmDispatcher;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** {@code device.status.v1}: offline raises an offline alarm at once, online clears it. */
@ApplicationScoped
public class DeviceStatusConsumer {
    private final AlarmEngine engine;
    private final AlarmDispatcher dispatcher;

    public DeviceStatusConsumer(AlarmEngine engine, AlarmDispatcher dispatcher) {
        this.engine = engine;
        this.dispatcher = dispatcher;
    }

    @Incoming("device-status")
    @Blocking
    public void consume(DeviceStatus status) {
        if (status != null) {
            dispatcher.dispatch(engine.onStatus(status));
        }
    }
}
