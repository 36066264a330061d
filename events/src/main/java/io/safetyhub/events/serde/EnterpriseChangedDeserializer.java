package io.safetyhub.events.serde;

import io.safetyhub.events.EnterpriseChanged;

public class EnterpriseChangedDeserializer extends EventDeserializer<EnterpriseChanged> {
    public EnterpriseChangedDeserializer() {
        super(EnterpriseChanged.class);
    }
}
