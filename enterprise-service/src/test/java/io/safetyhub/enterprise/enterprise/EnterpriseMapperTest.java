package io.safetyhub.enterprise.enterprise;

import io.safetyhub.events.EnterpriseChanged;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EnterpriseMapperTest {
    private static final Instant CREATED = Instant.parse("2026-11-01T08:00:00.123Z");
    private static final Instant UPDATED = Instant.parse("2026-11-22T08:00:00.456Z");
    private static final Enterprise CHEM = new Enterprise("chem-banan-01", "重庆南彭化工储运有限公司",
            "91500113MA5U4XYD7T", "陈建国", "重庆市巴南区南彭街道", "巴南区", "南彭街道", 106.6712, 29.3845,
            List.of(Sector.HAZARDOUS_CHEMICALS), RiskColour.ORANGE, StandardisationGrade.GRADE_2,
            new LiabilityInsurance("AQZR-1", LocalDate.parse("2027-03-31")), EnterpriseStatus.OPERATING, CREATED, UPDATED);

    private final EnterpriseMapper mapper = new EnterpriseMapper();

    @Test
    void shouldRoundTripEveryFieldWhenWrittenToAndReadFromADocument() {
        Document doc = mapper.toDocument(CHEM);
        assertEquals("chem-banan-01", doc.get("_id"));
        assertEquals(List.of("HAZARDOUS_CHEMICALS"), doc.get("sectors"));
        assertEquals(List.of(106.6712, 29.3845), doc.get("location", Document.class).get("coordinates"));
        assertEquals(CHEM, mapper.fromDocument(doc));
    }

    @Test
    void shouldLeaveLocationAndInsuranceOutWhenUnknown() {
        Enterprise bare = new Enterprise("x-01", "X", "91500113MA5U4XYD7T", null, null, "巴南区", null, null, null,
                List.of(Sector.INDUSTRY_TRADE), RiskColour.BLUE, StandardisationGrade.NONE, null,
                EnterpriseStatus.OPERATING, CREATED, UPDATED);
        Document doc = mapper.toDocument(bare);
        assertFalse(doc.containsKey("location"));
        assertFalse(doc.containsKey("insurance"));
        Enterprise back = mapper.fromDocument(doc);
        assertNull(back.longitude());
        assertNull(back.insurance());
        assertEquals(bare, back);
    }

    @Test
    void shouldCarryRegistryFieldsAsUpperSnakeWhenMappedToEvent() {
        EnterpriseChanged event = mapper.toEvent(CHEM, EnterpriseChanged.Change.CREATED, "enterprise-service");
        assertNotNull(event.eventId());
        assertNotNull(event.occurredAt());
        assertEquals("enterprise-service", event.source());
        assertEquals("chem-banan-01", event.enterpriseId());
        assertEquals(List.of("HAZARDOUS_CHEMICALS"), event.sectors());
        assertEquals("ORANGE", event.riskColour());
        assertEquals("OPERATING", event.status());
        assertEquals("巴南区", event.district());
        assertEquals(106.6712, event.longitude());
    }

    @Test
    void shouldHideBookkeepingWhenMappedToView() {
        EnterpriseView view = mapper.toView(CHEM);
        assertEquals("chem-banan-01", view.id());
        assertEquals(UPDATED, view.updatedAt());
        assertEquals("AQZR-1", view.insurance().policyNumber());
        assertTrue(CHEM.sameEntryAs(CHEM.stamped(null, Instant.now())));
        assertFalse(CHEM.sameEntryAs(CHEM.withStatus(EnterpriseStatus.SUSPENDED)));
    }
}
