package io.safetyhub.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.safetyhub.events.serde.AlarmEventDeserializer;
import io.safetyhub.events.serde.EventSerializer;
import io.safetyhub.events.serde.Json;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 16: {@code AlarmEvent.decidedAt}, round-tripped against the schema, and events without it still read. */
class AlarmEventContractTest {
    private static final Instant T = Instant.parse("2026-11-22T08:00:00.250Z");

    @Test
    void shouldRoundTripDecidedAtAndMatchTheSchemaWhenTheEngineSetsIt() throws Exception {
        AlarmEvent event = event(T.minusMillis(3));
        byte[] bytes = new EventSerializer().serialize("t", event);

        JsonNode json = Json.mapper().readTree(bytes);
        Set<ValidationMessage> problems = schema().validate(json);
        assertTrue(problems.isEmpty(), problems::toString);
        assertEquals("2026-11-22T08:00:00.247Z", json.get("decidedAt").asText());
        assertEquals(event, new AlarmEventDeserializer().deserialize("t", bytes));
    }

    @Test
    void shouldReadAnEventWithoutDecidedAtWhenItWasWrittenBeforeTheField() throws Exception {
        ObjectNode json = (ObjectNode) Json.mapper().valueToTree(event(T));
        json.remove("decidedAt");
        assertTrue(schema().validate(json).isEmpty(), "decidedAt is optional in v1");
        AlarmEvent read = new AlarmEventDeserializer().deserialize("t", Json.mapper().writeValueAsBytes(json));
        assertNull(read.decidedAt());
        assertEquals("GA-0001|default-gas-lel|1", read.alarmId());
    }

    @Test
    void shouldFailTheSchemaWhenDecidedAtIsNotATime() throws Exception {
        ObjectNode json = (ObjectNode) Json.mapper().valueToTree(event(T));
        json.put("decidedAt", 17);
        assertFalse(schema().validate(json).isEmpty());
    }

    private static AlarmEvent event(Instant decidedAt) {
        return new AlarmEvent(UUID.randomUUID(), T, "warning-service", "GA-0001|default-gas-lel|1",
                AlarmEvent.Change.RAISED, AlarmEvent.Kind.THRESHOLD, AlarmLevel.ORANGE, AlarmEvent.Status.ACTIVE,
                "chem-banan-01", "巴南区", "GA-0001", "gas-alarm", "default-gas-lel", "gas_lel", 60.0, "%LEL", 50.0,
                T.minusSeconds(1), "可燃气体二级报警 60 %LEL", decidedAt);
    }

    private static JsonSchema schema() throws Exception {
        try (InputStream in = AlarmEventContractTest.class.getResourceAsStream("/schemas/alarm-event.v1.json")) {
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
        }
    }
}
