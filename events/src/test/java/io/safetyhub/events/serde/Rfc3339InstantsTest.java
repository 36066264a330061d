package io.safetyhub.events.serde;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.safetyhub.events.Quality;
import io.safetyhub.events.Reading;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The events' Instant reader must read every time exactly as Jackson's own reader does, and fail where it fails. */
class Rfc3339InstantsTest {
    /** Jackson's reader as the events had it before: the reference. */
    private static final ObjectMapper STANDARD = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE).build();

    private record Stamped(Instant at) {
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "\"2026-12-02T08:00:00Z\"",                 // Instant.toString() of a whole second
            "\"2026-12-02T08:00:00.250Z\"",             // milliseconds, as devices send them
            "\"2026-12-02T08:00:00.123456789Z\"",       // nanoseconds, as Instant.toString() writes them
            "\"2026-12-02T08:00:00.1Z\"",               // one fraction digit
            "\"2026-12-02T16:00:00+08:00\"",            // an offset (Asia/Shanghai)
            "\"2026-12-01T23:30:00-05:30\"",            // a negative half-hour offset
            "\"2024-02-29T23:59:59.999Z\"",             // a leap day
            "\"1970-01-01T00:00:00Z\"",                 // the epoch
            "1764662400",                               // epoch seconds as a number: the fallback reads it
            "1764662400.5",                             // with a fraction
            "\"1764662400\"",                           // epoch seconds as a string, shorter than any RFC 3339 time
    })
    void shouldReadTheSameInstantAsJacksonWhenTheTimeIsValid(String json) throws Exception {
        String doc = "{\"at\":" + json + "}";
        Instant expected = STANDARD.readValue(doc, Stamped.class).at();
        assertEquals(expected, Json.mapper().readValue(doc, Stamped.class).at(), json);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"yesterday at noon\"", "\"2026-13-02T08:00:00Z\"", "\"2026-12-02T25:00:00Z\"",
            "\"2026-12-02T08:00:00 but not quite a time\""})
    void shouldFailLikeJacksonWhenTheTimeIsNotOne(String json) {
        String doc = "{\"at\":" + json + "}";
        assertThrows(InvalidFormatException.class, () -> STANDARD.readValue(doc, Stamped.class), "reference");
        assertThrows(InvalidFormatException.class, () -> Json.mapper().readValue(doc, Stamped.class), json);
    }

    @Test
    void shouldReadTheTimeWhenRfc3339sSpaceSeparatesDateAndTime() throws Exception {
        String doc = "{\"at\":\"2026-12-02 08:00:00.250Z\"}";
        assertThrows(InvalidFormatException.class, () -> STANDARD.readValue(doc, Stamped.class), "java.time rejects it");
        assertEquals(Instant.parse("2026-12-02T08:00:00.250Z"), Json.mapper().readValue(doc, Stamped.class).at());
    }

    @Test
    void shouldReadNullWhenTheTimeIsNull() throws Exception {
        assertNull(Json.mapper().readValue("{\"at\":null}", Stamped.class).at());
    }

    @Test
    void shouldKeepEveryTimeOfAReadingWhenItTravelsThroughKafkasSerdes() {
        Instant occurred = Instant.parse("2026-12-02T08:00:00.262Z");
        Instant ts = Instant.parse("2026-12-02T16:00:00.250+08:00");
        Instant received = Instant.parse("2026-12-02T08:00:00.261123456Z");
        Reading sent = new Reading(UUID.randomUUID(), occurred, "device-adapter", "GA-0001", "chem-banan-01",
                "gas-alarm", null, "gas_lel", 12.5, "%LEL", "CH4", ts, received, Quality.GOOD);
        Reading back = Json.read(Json.write(sent), Reading.class);
        assertEquals(occurred, back.occurredAt());
        assertEquals(ts, back.sourceTimestamp());
        assertEquals(received, back.receivedAt());
        assertEquals(sent, back);
    }
}
