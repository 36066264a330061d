package io.safetyhub.events.serde;

import io.safetyhub.events.InspectionFinding;

public class InspectionFindingDeserializer extends EventDeserializer<InspectionFinding> {
    public InspectionFindingDeserializer() {
        super(InspectionFinding.class);
    }
}
