package io.safetyhub.events.serde;

import io.safetyhub.events.DeviceStatus;

public class DeviceStatusDeserializer extends EventDeserializer<DeviceStatus> {
    public DeviceStatusDeserializer() {
        super(DeviceStatus.class);
    }
}
