package io.safetyhub.events.serde;

import io.safetyhub.events.DeviceEvent;

public class DeviceEventDeserializer extends EventDeserializer<DeviceEvent> {
    public DeviceEventDeserializer() {
        super(DeviceEvent.class);
    }
}
