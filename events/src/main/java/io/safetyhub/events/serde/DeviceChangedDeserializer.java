package io.safetyhub.events.serde;

import io.safetyhub.events.DeviceChanged;

public class DeviceChangedDeserializer extends EventDeserializer<DeviceChanged> {
    public DeviceChangedDeserializer() {
        super(DeviceChanged.class);
    }
}
