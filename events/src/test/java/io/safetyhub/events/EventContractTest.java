package io.safetyhub.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.safetyhub.events.serde.AlarmEventDeserializer;
import io.safetyhub.events.serde.CertificateReminderDeserializer;
import io.safetyhub.events.serde.CertificateRateChangedDeserializer;
import io.safetyhub.events.serde.CommitmentMissingDeserializer;
import io.safetyhub.events.serde.DrillHeldDeserializer;
import io.safetyhub.events.serde.HazardOverdueDeserializer;
import io.safetyhub.events.serde.DutyOverdueDeserializer;
import io.safetyhub.events.serde.MajorHazardChangedDeserializer;
import io.safetyhub.events.serde.DutyRotaChangedDeserializer;
import io.safetyhub.events.serde.DeadLetterDeserializer;
import io.safetyhub.events.serde.DeviceChangedDeserializer;
import io.safetyhub.events.serde.DeviceEventDeserializer;
import io.safetyhub.events.serde.DeviceStatusDeserializer;
import io.safetyhub.events.serde.EnterpriseChangedDeserializer;
import io.safetyhub.events.serde.EventDeserializer;
import io.safetyhub.events.serde.EventSerializer;
import io.safetyhub.events.serde.Json;
import io.safetyhub.events.serde.ReadingDeserializer;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every event survives the Kafka serdes unchanged and its JSON matches the published schema. */
class EventContractTest {
    private static final Instant T = Instant.parse("2026-11-22T08:00:00.250Z");

    static Stream<Arguments> events() {
        return Stream.of(
                Arguments.of("reading.v1.json", reading(), new ReadingDeserializer()),
                Arguments.of("device-status.v1.json", new DeviceStatus(UUID.randomUUID(), T, "device-adapter",
                        "GA-0001", "chem-banan-01", "gas-alarm", false, DeviceStatus.Cause.LAST_WILL, T),
                        new DeviceStatusDeserializer()),
                Arguments.of("device-event.v1.json", new DeviceEvent(UUID.randomUUID(), T, "device-adapter", "GA-0001",
                        "chem-banan-01", "gas-alarm", null, DeviceEvent.Type.ALARM, AlarmLevel.ORANGE, "LEL alarm 2",
                        T, T.plusMillis(12)), new DeviceEventDeserializer()),
                Arguments.of("device-event.v1.json", new DeviceEvent(UUID.randomUUID(), T, "device-adapter", "TC-0001",
                        "build-yubei-01", "tower-crane", "MHS-01", DeviceEvent.Type.LIMITER_CUTOFF, null, null, T, T),
                        new DeviceEventDeserializer()),
                Arguments.of("alarm-event.v1.json", new AlarmEvent(UUID.randomUUID(), T, "warning-service",
                        "GA-0001|gas_lel", AlarmEvent.Change.RAISED, AlarmEvent.Kind.THRESHOLD, AlarmLevel.ORANGE,
                        AlarmEvent.Status.ACTIVE, "chem-banan-01", "巴南区", "GA-0001", "gas-alarm", "default-gas-lel",
                        "gas_lel", 60.0, "%LEL", 50.0, T, "可燃气体二级报警 60 %LEL"), new AlarmEventDeserializer()),
                Arguments.of("enterprise-changed.v1.json", new EnterpriseChanged(UUID.randomUUID(), T,
                        "enterprise-service", EnterpriseChanged.Change.CREATED, "chem-banan-01", "重庆某化工有限公司",
                        "91500113MA5U4XYD7T", "巴南区", "界石镇", List.of("HAZARDOUS_CHEMICALS"), "ORANGE",
                        "OPERATING", 106.54, 29.40), new EnterpriseChangedDeserializer()),
                Arguments.of("device-changed.v1.json", new DeviceChanged(UUID.randomUUID(), T, "device-adapter",
                        DeviceChanged.Change.CREATED, "TK-0101-L", "chem-banan-01", "MHS-chem-banan-01-01", 2, "tank",
                        "OPC_UA", Map.of("level", "m"), 30, false), new DeviceChangedDeserializer()),
                Arguments.of("dead-letter.v1.json", new DeadLetter(UUID.randomUUID(), T, "device-adapter",
                        "safetyhub/chem-banan-01/gas-alarm/GA-0001/telemetry", "GA-0001", "BAD_JSON",
                        "Unexpected character at 1:2", "{oops"), new DeadLetterDeserializer()),
                Arguments.of("commitment-missing.v1.json", new CommitmentMissing(UUID.randomUUID(), T,
                        "enterprise-service", "chem-banan-01", "重庆南彭化工储运有限公司", "巴南区", "南彭街道",
                        LocalDate.parse("2026-11-22"), Instant.parse("2026-11-22T01:00:00Z")),
                        new CommitmentMissingDeserializer()),
                Arguments.of("certificate-reminder.v1.json", new CertificateReminder(UUID.randomUUID(), T,
                        "training-service", "cert-1|EXPIRY|2027-02-20|90", "cert-1", "SPECIAL_OPERATION",
                        "T500113198001011234", "p-1", "陈建国", "chem-banan-01", "重庆南彭化工储运有限公司", "巴南区",
                        CertificateReminder.Due.EXPIRY, LocalDate.parse("2027-02-20"), 90, 89),
                        new CertificateReminderDeserializer()),
                Arguments.of("duty-overdue.v1.json", new DutyOverdue(UUID.randomUUID(), T, "enterprise-service",
                        "MHS-chem-banan-01-01|TECHNICAL|2026-11-01", "chem-banan-01", "重庆南彭化工储运有限公司", "巴南区",
                        "南彭街道", "MHS-chem-banan-01-01", "储罐区", DutyOverdue.Role.TECHNICAL, "李工", "MONTHLY",
                        LocalDate.parse("2026-11-01"), Instant.parse("2026-11-30T16:00:00Z")),
                        new DutyOverdueDeserializer()),
                Arguments.of("major-hazard-changed.v1.json", new MajorHazardChanged(UUID.randomUUID(), T,
                        "enterprise-service", MajorHazardChanged.Change.CREATED, "MHS-chem-banan-01-01",
                        "chem-banan-01", "储罐区", "巴南区", 2), new MajorHazardChangedDeserializer()),
                Arguments.of("duty-rota-changed.v1.json", new DutyRotaChanged(UUID.randomUUID(), T, "emergency-service",
                        DutyRotaChanged.Change.SET, java.time.LocalDate.of(2026, 12, 2), "巴南区", null,
                        new DutyRotaChanged.Person("王强", "13800000001", "副局长"),
                        List.of(new DutyRotaChanged.Person("李明", "13800000002", "值班员"))), new DutyRotaChangedDeserializer()),
                Arguments.of("certificate-rate-changed.v1.json", new CertificateRateChanged(UUID.randomUUID(), T,
                        "training-service", "chem-banan-01", "重庆南彭化工储运有限公司", "巴南区", 3, 5, 60.0, T),
                        new CertificateRateChangedDeserializer()),
                Arguments.of("certificate-rate-changed.v1.json", new CertificateRateChanged(UUID.randomUUID(), T,
                        "training-service", "chem-banan-02", null, null, 0, 0, null, T),
                        new CertificateRateChangedDeserializer()),
                Arguments.of("drill-held.v1.json", new DrillHeld(UUID.randomUUID(), T, "emergency-service", "drill-1",
                        "chem-banan-01", "重庆南彭化工储运有限公司", "巴南区", "南彭街道", "储罐区泄漏专项演练", "SPECIAL",
                        "LIVE", DrillHeld.Status.EVALUATED, LocalDate.parse("2026-11-20"), LocalDate.parse("2026-11-22")),
                        new DrillHeldDeserializer()),
                Arguments.of("hazard-overdue.v1.json", new HazardOverdue(UUID.randomUUID(), T, "enterprise-service",
                        "hz-1|2026-11-27", "hz-1", "chem-banan-01", "重庆南彭化工储运有限公司", "巴南区", "南彭街道", "MAJOR",
                        "HAZARDOUS_CHEMICALS", "SELF_CHECK", "液氨储罐紧急切断阀未联锁", null, LocalDate.parse("2026-11-27"),
                        Instant.parse("2026-11-27T16:00:00Z")), new HazardOverdueDeserializer()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void shouldRoundTripUnchangedAndMatchSchemaWhenSerialisedForKafka(String schemaFile, Object event,
                                                                      EventDeserializer<?> deserializer) throws Exception {
        byte[] bytes = new EventSerializer().serialize("t", event);

        Set<ValidationMessage> problems = schema(schemaFile).validate(Json.mapper().readTree(bytes));
        assertTrue(problems.isEmpty(), () -> schemaFile + ": " + problems);
        assertEquals(event, deserializer.deserialize("t", bytes));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void shouldFailSchemaWhenARequiredFieldIsMissing(String schemaFile, Object event, EventDeserializer<?> ignored)
            throws Exception {
        ObjectNode json = (ObjectNode) Json.mapper().valueToTree(event);
        json.remove("eventId");

        Set<ValidationMessage> problems = schema(schemaFile).validate(json);
        assertFalse(problems.isEmpty(), schemaFile + " accepted an event without eventId");
    }

    @Test
    void shouldWriteTimesAsUtcIsoStringsWhenSerialised() throws Exception {
        JsonNode json = Json.mapper().readTree(Json.write(reading()));
        assertEquals("2026-11-22T08:00:00.250Z", json.get("sourceTimestamp").asText());
        assertEquals("GOOD", json.get("quality").asText());
    }

    @Test
    void shouldRaiseSerializationExceptionWhenBytesAreNotAReading() {
        byte[] garbage = "{not json".getBytes(StandardCharsets.UTF_8);
        assertThrows(SerializationException.class, () -> new ReadingDeserializer().deserialize("t", garbage));
    }

    @Test
    void shouldReturnNullWhenRecordIsATombstone() {
        assertNull(new EnterpriseChangedDeserializer().deserialize(Topics.ENTERPRISE_REGISTRY, null));
    }

    @Test
    void shouldKeyReplayedReadingsIdenticallyWhenOnlyEventIdDiffers() {
        Reading a = reading();
        Reading b = new Reading(UUID.randomUUID(), a.occurredAt(), a.source(), a.deviceId(), a.enterpriseId(),
                a.deviceKind(), a.hazardSourceId(), a.metric(), a.value(), a.unit(), a.gas(), a.sourceTimestamp(),
                a.receivedAt(), a.quality());
        assertEquals(a.idempotencyKey(), b.idempotencyKey());
    }

    private static Reading reading() {
        return new Reading(UUID.randomUUID(), T, "device-adapter", "GA-0001", "chem-banan-01", "gas-alarm", null,
                "gas_lel", 60.0, "%LEL", null, T, T.plusMillis(12), Quality.GOOD);
    }

    private static JsonSchema schema(String file) throws Exception {
        try (InputStream in = EventContractTest.class.getResourceAsStream("/schemas/" + file)) {
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
        }
    }
}
