package io.safetyhub.events.serde;

import io.safetyhub.events.DrillHeld;

public class DrillHeldDeserializer extends EventDeserializer<DrillHeld> {
    public DrillHeldDeserializer() {
        super(DrillHeld.class);
    }
}
