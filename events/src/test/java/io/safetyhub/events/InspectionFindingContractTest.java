package io.safetyhub.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import io.safetyhub.events.serde.EventSerializer;
import io.safetyhub.events.serde.InspectionFindingDeserializer;
import io.safetyhub.events.serde.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The enforcement finding contract: serdes round trip, schema, and the fields a consumer cannot do without. */
class InspectionFindingContractTest {

    static InspectionFinding finding() {
        String findingId = "i-20261122-chem.HC-MH-05";
        return new InspectionFinding(UUID.nameUUIDFromBytes(findingId.getBytes(StandardCharsets.UTF_8)),
                Instant.parse("2026-11-22T08:00:00Z"), "enforcement-service", findingId, "i-20261122-chem",
                "chem-banan-01", "重庆南彭化工储运有限公司", "巴南区", "南彭街道", "HAZARDOUS_CHEMICALS", "HC-MH-05",
                "一级、二级重大危险源罐区未实现紧急切断功能", "《化工和危险化学品生产经营单位重大生产安全事故隐患判定标准（试行）》第五条",
                "2号罐区紧急切断阀未投用", InspectionFinding.Grade.MAJOR, LocalDate.parse("2026-12-22"),
                LocalDate.parse("2026-11-22"), List.of("张明（执法证号 50011300101）"),
                "/api/enforcement/inspections/i-20261122-chem");
    }

    @Test
    void shouldRoundTripUnchangedAndMatchSchemaWhenSerialisedForKafka() throws Exception {
        byte[] bytes = new EventSerializer().serialize(Topics.ENFORCEMENT_FINDINGS, finding());

        var problems = schema().validate(Json.mapper().readTree(bytes));
        assertTrue(problems.isEmpty(), problems::toString);
        assertEquals(finding(), new InspectionFindingDeserializer().deserialize(Topics.ENFORCEMENT_FINDINGS, bytes));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"eventId", "findingId", "enterpriseId", "grade", "deadline", "legalBasis"})
    void shouldFailSchemaWhenAFieldConsumersNeedIsMissing(String field) throws Exception {
        ObjectNode json = (ObjectNode) Json.mapper().valueToTree(finding());
        json.remove(field);

        assertFalse(schema().validate(json).isEmpty(), "the schema accepted a finding without " + field);
    }

    @Test
    void shouldCarryTheSameEventIdWhenTheSameFindingIsPublishedAgain() {
        assertEquals(finding().eventId(), finding().eventId());
        JsonNode json = Json.mapper().valueToTree(finding());
        assertEquals("MAJOR", json.get("grade").asText());
        assertEquals("2026-12-22", json.get("deadline").asText());
    }

    private static JsonSchema schema() throws Exception {
        try (InputStream in = InspectionFindingContractTest.class.getResourceAsStream("/schemas/inspection-finding.v1.json")) {
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
        }
    }
}
