package io.safetyhub.adapter.telemetry;

import io.safetyhub.adapter.device.DeviceKind;
import io.safetyhub.events.AlarmLevel;
import io.safetyhub.events.DeviceEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The device's own events channel: what becomes a DeviceEvent, and what a dead letter. */
class DeviceEventParserTest {
    private static final DeviceTopic ALARM = new DeviceTopic("chem-banan-01", DeviceKind.GAS_ALARM, "GA-0001",
            DeviceTopic.Channel.EVENT);
    private static final Instant RECEIVED = Instant.parse("2026-11-22T08:00:01Z");
    private final DeviceEventParser parser = new DeviceEventParser("device-adapter");

    @ParameterizedTest(name = "{0} level {1} -> {2} {3}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "alarm          | II     | ALARM          | ORANGE",
            "alarm          | i      | ALARM          | RED",
            "fault          | -      | FAULT          | -",
            "limiter_cutoff | orange | LIMITER_CUTOFF | ORANGE",
            "valve_closed   | -      | VALVE_CLOSED   | -",
            "recovered      | IV     | RECOVERED      | BLUE",
    })
    void shouldPublishTheDeviceEventWhenThePayloadFollowsTheContract(String event, String level,
                                                                     DeviceEvent.Type type, AlarmLevel expected) {
        String levelField = level == null ? "" : ",\"level\":\"" + level + "\"";
        ParsedMessage parsed = parse("{\"ts\":\"2026-11-22T16:00:00.250+08:00\",\"event\":\"" + event + "\"" + levelField
                + ",\"detail\":\"LEL 2\"}");

        assertTrue(parsed.rejections().isEmpty(), parsed.rejections()::toString);
        DeviceEvent deviceEvent = parsed.events().get(0);
        assertEquals(type, deviceEvent.event());
        assertEquals(expected, deviceEvent.level());
        assertEquals("LEL 2", deviceEvent.detail());
        assertEquals("GA-0001", deviceEvent.deviceId());
        assertEquals("chem-banan-01", deviceEvent.enterpriseId());
        assertEquals("gas-alarm", deviceEvent.deviceKind());
        assertEquals(Instant.parse("2026-11-22T08:00:00.250Z"), deviceEvent.sourceTimestamp());
        assertEquals(RECEIVED, deviceEvent.receivedAt());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"event\":\"alarm\"}                                              | MISSING_FIELD",
            "{\"ts\":\"2026-11-22T08:00:00Z\"}                                  | MISSING_FIELD",
            "{\"ts\":\"yesterday\",\"event\":\"alarm\"}                         | BAD_VALUE",
            "{\"ts\":\"2026-11-22T08:00:00Z\",\"event\":\"ALARM\"}              | BAD_VALUE",
            "{\"ts\":\"2026-11-22T08:00:00Z\",\"event\":\"smoke\"}              | BAD_VALUE",
            "{\"ts\":\"2026-11-22T08:00:00Z\",\"event\":\"alarm\",\"level\":5}  | BAD_VALUE",
            "{\"ts\":\"2026-11-22T08:00:00Z\",\"event\":\"alarm\",\"level\":\"V\"} | BAD_VALUE",
            "{\"ts\":\"2026-11-22T08:00:00Z\",\"event\":\"fault\",\"detail\":7} | BAD_VALUE",
            "[\"alarm\"]                                                         | BAD_JSON",
    })
    void shouldDeadLetterThePayloadWhenItBreaksTheContract(String payload, DeadLetterReason reason) {
        ParsedMessage parsed = parse(payload);

        assertTrue(parsed.events().isEmpty());
        assertEquals(reason, parsed.rejections().get(0).reason(), parsed.rejections()::toString);
    }

    @Test
    void shouldYieldTheSameEventIdWhenTheDeviceSendsTheSameEventAgain() {
        String payload = "{\"ts\":\"2026-11-22T08:00:00Z\",\"event\":\"fault\"}";
        assertEquals(parse(payload).events().get(0).eventId(), parse(payload).events().get(0).eventId());
    }

    @Test
    void shouldCutTheDetailWhenTheDeviceSendsAnEssay() {
        String essay = "x".repeat(5000);
        DeviceEvent event = parse("{\"ts\":\"2026-11-22T08:00:00Z\",\"event\":\"fault\",\"detail\":\"" + essay + "\"}")
                .events().get(0);
        assertEquals(DeviceEventParser.MAX_DETAIL_CHARS, event.detail().length());
        assertNull(event.level());
    }

    private ParsedMessage parse(String payload) {
        return parser.parse(ALARM, payload.getBytes(StandardCharsets.UTF_8), RECEIVED);
    }
}
