package io.safetyhub.events.serde;

import io.safetyhub.events.CommitmentMissing;

public class CommitmentMissingDeserializer extends EventDeserializer<CommitmentMissing> {
    public CommitmentMissingDeserializer() {
        super(CommitmentMissing.class);
    }
}
