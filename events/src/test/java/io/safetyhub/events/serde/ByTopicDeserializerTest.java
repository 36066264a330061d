package io.safetyhub.events.serde;

import io.safetyhub.events.DrillHeld;
import io.safetyhub.events.HazardOverdue;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ByTopicDeserializerTest {
    private static final class TwoTopics extends ByTopicDeserializer {
        TwoTopics() {
            super(Map.of("drills", new DrillHeldDeserializer(), "hazards", new HazardOverdueDeserializer()));
        }
    }

    private final TwoTopics reader = new TwoTopics();

    @Test
    void shouldReadEachTopicAsItsOwnTypeWhenOneConsumerReadsSeveral() {
        byte[] drill = "{\"drillId\":\"d-1\",\"enterpriseId\":\"chem-banan-01\"}".getBytes(StandardCharsets.UTF_8);
        byte[] hazard = "{\"hazardId\":\"h-1\",\"enterpriseId\":\"chem-banan-01\"}".getBytes(StandardCharsets.UTF_8);
        assertEquals("d-1", assertInstanceOf(DrillHeld.class, reader.deserialize("drills", drill)).drillId());
        assertEquals("h-1", assertInstanceOf(HazardOverdue.class, reader.deserialize("hazards", hazard)).hazardId());
    }

    @Test
    void shouldPassATombstoneOnAsNullWhenACompactedTopicDeletes() {
        assertNull(reader.deserialize("drills", null));
    }

    @Test
    void shouldFailLikeAnUnreadableValueWhenTheTopicHasNoReader() {
        SerializationException failure = assertThrows(SerializationException.class,
                () -> reader.deserialize("alarms", "{}".getBytes(StandardCharsets.UTF_8)));
        assertTrue(failure.getMessage().contains("alarms"), failure.getMessage());
    }
}
