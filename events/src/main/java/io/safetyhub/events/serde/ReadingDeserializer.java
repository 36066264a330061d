package io.safetyhub.events.serde;

import io.safetyhub.events.Reading;

public class ReadingDeserializer extends EventDeserializer<Reading> {
    public ReadingDeserializer() {
        super(Reading.class);
    }
}
