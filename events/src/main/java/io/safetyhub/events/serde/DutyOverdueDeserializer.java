package io.safetyhub.events.serde;

import io.safetyhub.events.DutyOverdue;

public class DutyOverdueDeserializer extends EventDeserializer<DutyOverdue> {
    public DutyOverdueDeserializer() {
        super(DutyOverdue.class);
    }
}
