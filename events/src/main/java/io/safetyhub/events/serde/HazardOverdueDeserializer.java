package io.safetyhub.events.serde;

import io.safetyhub.events.HazardOverdue;

public class HazardOverdueDeserializer extends EventDeserializer<HazardOverdue> {
    public HazardOverdueDeserializer() {
        super(HazardOverdue.class);
    }
}
