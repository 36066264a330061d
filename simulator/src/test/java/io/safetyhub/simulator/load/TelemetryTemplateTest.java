package io.safetyhub.simulator.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.safetyhub.simulator.mqtt.Measurement;
import io.safetyhub.simulator.mqtt.Payloads;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TelemetryTemplateTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "{0} value {1}")
    @CsvSource({"2026-11-22T08:00:00.250Z, 3", "2026-11-22T08:00:00.000Z, 0", "2026-12-31T23:59:59.999Z, 9",
            "2026-11-22T08:17:05.007Z, 4", "1999-01-01T00:00:00.100Z, 1"})
    void shouldWriteWhatThePayloadWriterWritesWhenRendered(String ts, int digit) {
        Instant at = Instant.parse(ts);

        byte[] rendered = new TelemetryTemplate().render(at.toEpochMilli(), digit);

        assertArrayEquals(Payloads.telemetry(at, List.of(new Measurement("gas_lel", digit, "%LEL"))), rendered);
    }

    @Test
    void shouldFollowTheClockWhenRenderedAgainInLaterSeconds() throws Exception {
        TelemetryTemplate template = new TelemetryTemplate();
        Instant first = Instant.parse("2026-11-22T08:00:59.998Z");
        template.render(first.toEpochMilli(), 1);

        byte[] next = template.render(first.plusMillis(3).toEpochMilli(), 2);

        JsonNode body = JSON.readTree(next);
        assertEquals("2026-11-22T08:01:00.001Z", body.path("ts").asText());
        assertEquals(2.0, body.path("readings").path(0).path("value").asDouble());
    }

    @Test
    void shouldReturnAFreshArrayWhenRenderedTwice() {
        TelemetryTemplate template = new TelemetryTemplate();

        assertNotSame(template.render(1_000, 1), template.render(1_000, 1));
    }

    @Test
    void shouldRefuseWhenTheValueIsNotOneDigit() {
        assertThrows(IllegalArgumentException.class, () -> new TelemetryTemplate().render(1_000, 10));
    }
}
