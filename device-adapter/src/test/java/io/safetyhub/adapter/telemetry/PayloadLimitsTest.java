package io.safetyhub.adapter.telemetry;

import io.safetyhub.adapter.device.DeviceKind;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 15: a payload from the future or with too many readings is one dead letter, never readings. */
class PayloadLimitsTest {
    private static final DeviceTopic TELEMETRY = new DeviceTopic("chem-banan-01", DeviceKind.GAS_ALARM, "GA-0001",
            DeviceTopic.Channel.TELEMETRY);
    private static final DeviceTopic EVENT = new DeviceTopic("chem-banan-01", DeviceKind.GAS_ALARM, "GA-0001",
            DeviceTopic.Channel.EVENT);
    private static final Instant NOW = Instant.parse("2026-11-22T08:00:00Z");
    private final TelemetryParser telemetry = new TelemetryParser("device-adapter",
            new PayloadLimits(Duration.ofMinutes(5), 3));
    private final DeviceEventParser events = new DeviceEventParser("device-adapter",
            new PayloadLimits(Duration.ofMinutes(5), 3));

    private static byte[] reading(String ts, int entries) {
        String entry = "{\"metric\":\"gas_lel\",\"value\":75,\"unit\":\"%LEL\"}";
        return ("{\"ts\":\"" + ts + "\",\"readings\":[" + String.join(",", java.util.Collections.nCopies(entries, entry))
                + "]}").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void shouldDeadLetterTheWholePayloadWhenItsTimeIsFromTheYear2099() {
        ParsedMessage parsed = telemetry.parse(TELEMETRY, reading("2099-01-01T00:00:00Z", 1), NOW);

        assertTrue(parsed.readings().isEmpty(), "a 2099 reading would switch the device's rules off until 2099");
        assertEquals(List.of(DeadLetterReason.FUTURE_TIMESTAMP),
                parsed.rejections().stream().map(Rejection::reason).toList());
        assertTrue(parsed.rejections().get(0).detail().contains("2099-01-01T00:00:00Z"),
                parsed.rejections().get(0).detail());
    }

    @Test
    void shouldDeadLetterWhenTheDevicesClockRunsAheadByMoreThanTheSkew() {
        ParsedMessage parsed = telemetry.parse(TELEMETRY, reading("2026-11-22T08:05:00.001Z", 1), NOW);

        assertEquals(DeadLetterReason.FUTURE_TIMESTAMP, parsed.rejections().get(0).reason());
    }

    @Test
    void shouldAcceptTheReadingWhenItIsAheadByNoMoreThanTheSkewOrFromThePast() {
        assertEquals(1, telemetry.parse(TELEMETRY, reading("2026-11-22T08:05:00Z", 1), NOW).readings().size());
        assertEquals(1, telemetry.parse(TELEMETRY, reading("2020-01-01T00:00:00Z", 1), NOW).readings().size());
    }

    @Test
    void shouldDeadLetterTheDevicesEventWhenItIsDatedInTheFuture() {
        byte[] payload = "{\"ts\":\"2099-01-01T00:00:00Z\",\"event\":\"recovered\"}".getBytes(StandardCharsets.UTF_8);

        ParsedMessage parsed = events.parse(EVENT, payload, NOW);

        assertTrue(parsed.events().isEmpty());
        assertEquals(DeadLetterReason.FUTURE_TIMESTAMP, parsed.rejections().get(0).reason());
    }

    @Test
    void shouldMakeOneDeadLetterAndNoReadingWhenAMessageCarriesMoreReadingsThanTheCap() {
        ParsedMessage parsed = telemetry.parse(TELEMETRY, reading("2026-11-22T07:59:00Z", 4), NOW);

        assertTrue(parsed.readings().isEmpty());
        assertEquals(List.of(DeadLetterReason.TOO_MANY_READINGS),
                parsed.rejections().stream().map(Rejection::reason).toList());
        assertEquals(3, telemetry.parse(TELEMETRY, reading("2026-11-22T07:59:00Z", 3), NOW).readings().size());
    }

    @Test
    void shouldRefuseTheSettingsWhenTheyCannotBound() {
        assertThrows(IllegalArgumentException.class, () -> new PayloadLimits(Duration.ofSeconds(-1), 10));
        assertThrows(IllegalArgumentException.class, () -> new PayloadLimits(Duration.ZERO, 0));
    }
}
