package io.safetyhub.adapter.telemetry;

import io.safetyhub.adapter.device.DeviceKind;
import io.safetyhub.events.Quality;
import io.safetyhub.events.Reading;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TelemetryParserTest {
    private static final DeviceTopic ALARM = new DeviceTopic("chem-banan-01", DeviceKind.GAS_ALARM, "GA-0001",
            DeviceTopic.Channel.TELEMETRY);
    private static final Instant RECEIVED = Instant.parse("2026-11-22T08:00:01Z");
    private final TelemetryParser parser = new TelemetryParser("device-adapter");

    @Test
    void shouldMakeOneReadingPerEntryWhenThePayloadFollowsTheContract() {
        ParsedMessage parsed = parse("""
                {"ts":"2026-11-22T08:00:00.250Z",
                 "readings":[{"metric":"gas_lel","value":23.5,"unit":"%LEL"},{"metric":"battery","value":87,"unit":"%"}]}""");

        assertTrue(parsed.rejections().isEmpty());
        assertEquals(2, parsed.readings().size());
        Reading lel = parsed.readings().get(0);
        assertEquals("GA-0001", lel.deviceId());
        assertEquals("chem-banan-01", lel.enterpriseId());
        assertEquals("gas-alarm", lel.deviceKind());
        assertEquals("gas_lel", lel.metric());
        assertEquals(23.5, lel.value());
        assertEquals("%LEL", lel.unit());
        assertEquals(Instant.parse("2026-11-22T08:00:00.250Z"), lel.sourceTimestamp());
        assertEquals(RECEIVED, lel.receivedAt());
        assertEquals(Quality.GOOD, lel.quality());
        assertEquals("device-adapter", lel.source());
        assertNull(lel.hazardSourceId());
        assertEquals("battery", parsed.readings().get(1).metric());
    }

    @Test
    void shouldGiveTheSameEventIdsWhenTheBrokerRedeliversAMessage() {
        String payload = """
                {"ts":"2026-11-22T08:00:00.250Z","readings":[{"metric":"gas_lel","value":23.5,"unit":"%LEL"}]}""";

        Reading first = parse(payload).readings().get(0);
        Reading again = parser.parse(ALARM, payload.getBytes(StandardCharsets.UTF_8), RECEIVED.plusSeconds(30))
                .readings().get(0);

        assertEquals(first.eventId(), again.eventId());
    }

    @Test
    void shouldAcceptAnOffsetTimeAndTheGasWhenADetectorSendsThem() {
        ParsedMessage parsed = parse("""
                {"ts":"2026-11-22T16:00:00+08:00","readings":[{"metric":"gas_ppm","value":12,"unit":"ppm","gas":"H2S"}]}""");

        assertEquals(Instant.parse("2026-11-22T08:00:00Z"), parsed.readings().get(0).sourceTimestamp());
        assertEquals("H2S", parsed.readings().get(0).gas());
    }

    @Test
    void shouldAcceptATimeWithoutSecondsWhenISO8601AllowsIt() {
        // RFC 3339 (the fast path) requires seconds; ISO-8601 with an offset does not, and was accepted before.
        ParsedMessage parsed = parse("""
                {"ts":"2026-11-22T16:00+08:00","readings":[{"metric":"gas_lel","value":1,"unit":"%LEL"}]}""");

        assertEquals(Instant.parse("2026-11-22T08:00:00Z"), parsed.readings().get(0).sourceTimestamp());
    }

    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "not json at all                                                      | BAD_JSON",
            "`{\"ts\":\"2026-11-22T08:00:00Z\",\"readings\":[`                    | BAD_JSON",
            "`[1,2,3]`                                                            | BAD_JSON",
            "`{\"ts\":\"2026-11-22T08:00:00Z\",\"readings\":[]} trailing`         | BAD_JSON",
            "`{\"readings\":[{\"metric\":\"gas_lel\",\"value\":1,\"unit\":\"%LEL\"}]}` | MISSING_FIELD",
            "`{\"ts\":\"2026-11-22T08:00:00Z\"}`                                  | MISSING_FIELD",
            "`{\"ts\":\"2026-11-22T08:00:00Z\",\"readings\":[]}`                  | MISSING_FIELD",
            "`{\"ts\":\"yesterday\",\"readings\":[{\"metric\":\"gas_lel\",\"value\":1,\"unit\":\"%LEL\"}]}` | BAD_VALUE",
            "`{\"ts\":1763798400000,\"readings\":[{\"metric\":\"gas_lel\",\"value\":1,\"unit\":\"%LEL\"}]}` | BAD_VALUE",
            "`{\"ts\":\"2026-11-22T08:00:00\",\"readings\":[{\"metric\":\"gas_lel\",\"value\":1,\"unit\":\"%LEL\"}]}` | BAD_VALUE",
            "`{\"ts\":\"2026-12-31T23:59:60Z\",\"readings\":[{\"metric\":\"gas_lel\",\"value\":1,\"unit\":\"%LEL\"}]}` | BAD_VALUE",
            "`{\"ts\":\"2026-11-22T08:00:00Z\",\"readings\":{\"metric\":\"gas_lel\"}}` | BAD_VALUE",
    })
    void shouldRejectTheWholePayloadWhenTheEnvelopeIsBroken(String payload, DeadLetterReason reason) {
        ParsedMessage parsed = parse(payload);

        assertTrue(parsed.readings().isEmpty());
        assertEquals(1, parsed.rejections().size());
        assertEquals(reason, parsed.rejections().get(0).reason(), parsed.rejections().get(0).detail());
    }

    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "`{\"value\":1,\"unit\":\"%LEL\"}`                      | MISSING_FIELD",
            "`{\"metric\":\"gas_lel\",\"unit\":\"%LEL\"}`           | MISSING_FIELD",
            "`{\"metric\":\"gas_lel\",\"value\":null,\"unit\":\"%LEL\"}` | MISSING_FIELD",
            "`{\"metric\":\"gas_lel\",\"value\":1}`                 | MISSING_FIELD",
            "`{\"metric\":\"gas_lel\",\"value\":\"23.5\",\"unit\":\"%LEL\"}` | BAD_VALUE",
            "`{\"metric\":\"gas_lel\",\"value\":true,\"unit\":\"%LEL\"}` | BAD_VALUE",
            "`{\"metric\":\"\",\"value\":1,\"unit\":\"%LEL\"}`      | BAD_VALUE",
            "`{\"metric\":7,\"value\":1,\"unit\":\"%LEL\"}`         | BAD_VALUE",
            "`\"gas_lel=1\"`                                        | BAD_VALUE",
            "`{\"metric\":\"gas_lel\",\"value\":NaN,\"unit\":\"%LEL\"}` | NON_FINITE",
            "`{\"metric\":\"gas_lel\",\"value\":Infinity,\"unit\":\"%LEL\"}` | NON_FINITE",
            "`{\"metric\":\"gas_lel\",\"value\":1e400,\"unit\":\"%LEL\"}` | NON_FINITE",
            "`{\"metric\":\"gas_lel\",\"value\":1,\"unit\":\"%vol\"}` | UNKNOWN_UNIT",
            "`{\"metric\":\"smoke\",\"value\":1,\"unit\":\"%\"}`    | UNKNOWN_UNIT",
    })
    void shouldKeepTheGoodEntriesWhenOneEntryIsBad(String badEntry, DeadLetterReason reason) {
        ParsedMessage parsed = parse("{\"ts\":\"2026-11-22T08:00:00.250Z\",\"readings\":["
                + "{\"metric\":\"gas_lel\",\"value\":3,\"unit\":\"%LEL\"}," + badEntry + ","
                + "{\"metric\":\"battery\",\"value\":80,\"unit\":\"%\"}]}");

        assertEquals(List.of("gas_lel", "battery"), parsed.readings().stream().map(Reading::metric).toList());
        assertEquals(1, parsed.rejections().size());
        assertEquals(reason, parsed.rejections().get(0).reason(), parsed.rejections().get(0).detail());
        assertTrue(parsed.rejections().get(0).detail().startsWith("readings[1]"), parsed.rejections().get(0).detail());
    }

    private ParsedMessage parse(String payload) {
        return parser.parse(ALARM, payload.getBytes(StandardCharsets.UTF_8), RECEIVED);
    }
}
