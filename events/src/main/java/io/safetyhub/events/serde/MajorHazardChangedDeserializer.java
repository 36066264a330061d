package io.safetyhub.events.serde;

import io.safetyhub.events.MajorHazardChanged;

public class MajorHazardChangedDeserializer extends EventDeserializer<MajorHazardChanged> {
    public MajorHazardChangedDeserializer() {
        super(MajorHazardChanged.class);
    }
}
