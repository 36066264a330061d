package io.safetyhub.events.serde;

import io.safetyhub.events.DutyRotaChanged;

public class DutyRotaChangedDeserializer extends EventDeserializer<DutyRotaChanged> {
    public DutyRotaChangedDeserializer() {
        super(DutyRotaChanged.class);
    }
}
