package io.safetyhub.events.serde;

import io.safetyhub.events.DeadLetter;

public class DeadLetterDeserializer extends EventDeserializer<DeadLetter> {
    public DeadLetterDeserializer() {
        super(DeadLetter.class);
    }
}
