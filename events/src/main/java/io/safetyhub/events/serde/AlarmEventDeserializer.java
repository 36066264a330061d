package io.safetyhub.events.serde;

import io.safetyhub.events.AlarmEvent;

public class AlarmEventDeserializer extends EventDeserializer<AlarmEvent> {
    public AlarmEventDeserializer() {
        super(AlarmEvent.class);
    }
}
