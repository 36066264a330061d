package io.safetyhub.adapter.telemetry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeadLetterReasonTest {

    /** Consumers validate dead letters against the published contract: a reason it does not list is a broken event. */
    @Test
    void shouldListEveryReasonInTheContractWhenTheAdapterDeadLettersAMessage() throws IOException {
        Set<String> contract = new HashSet<>();
        try (InputStream schema = getClass().getResourceAsStream("/schemas/dead-letter.v1.json")) {
            assertNotNull(schema, "the events jar carries schemas/dead-letter.v1.json");
            new ObjectMapper().readTree(schema).at("/properties/reason/enum").forEach(r -> contract.add(r.asText()));
        }
        for (DeadLetterReason reason : DeadLetterReason.values()) {
            assertTrue(contract.contains(reason.name()), reason + " is missing from dead-letter.v1.json's reason enum");
        }
    }
}
