package io.safetyhub.enterprise.finding;

import io.safetyhub.enterprise.enterprise.Enterprise;
import io.safetyhub.enterprise.enterprise.EnterpriseStatus;
import io.safetyhub.enterprise.enterprise.RiskColour;
import io.safetyhub.enterprise.enterprise.Sector;
import io.safetyhub.enterprise.hazard.Hazard;
import io.safetyhub.enterprise.hazard.HazardGrade;
import io.safetyhub.enterprise.hazard.HazardSource;
import io.safetyhub.enterprise.hazard.HazardStatus;
import io.safetyhub.events.InspectionFinding;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FindingHazardTest {
    private static final Instant NOW = Instant.parse("2026-11-20T02:00:00Z");
    private static final Enterprise CHEM = new Enterprise("chem-banan-01", "重庆某化工有限公司", "91500113MA5U4XYD7T", "张三",
            "巴南区某路1号", "巴南区", "界石镇", null, null, List.of(Sector.HAZARDOUS_CHEMICALS), RiskColour.ORANGE, null,
            null, EnterpriseStatus.OPERATING, NOW, NOW);

    static InspectionFinding finding(String findingId, InspectionFinding.Grade grade, String sector) {
        return new InspectionFinding(UUID.randomUUID(), NOW, "enforcement-service", findingId, "insp-1", "chem-banan-01",
                "重庆某化工有限公司", "巴南区", "界石镇", sector, "HC-MH-05", "涉及毒性气体的装置未设置检测报警装置",
                "《化工和危险化学品生产经营单位重大生产安全事故隐患判定标准（试行）》第五条", "二号罐区无报警仪",
                grade, LocalDate.parse("2026-12-20"), LocalDate.parse("2026-11-19"), List.of("李四 (50011301)",
                "王五 (50011302)"), "/api/enforcement/inspections/insp-1");
    }

    @Test
    void shouldOpenARegulatorInspectionHazardWithTheInspectorsDeadlineWhenAFindingArrives() {
        Hazard hazard = FindingHazard.of(finding("insp-1.HC-MH-05", InspectionFinding.Grade.MAJOR, "HAZARDOUS_CHEMICALS"),
                CHEM, "张三", NOW);
        assertEquals(HazardSource.REGULATOR_INSPECTION, hazard.source());
        assertEquals(HazardGrade.MAJOR, hazard.grade());
        assertEquals(LocalDate.parse("2026-12-20"), hazard.deadline());
        assertEquals(HazardStatus.REPORTED, hazard.status());
        assertEquals(Sector.HAZARDOUS_CHEMICALS, hazard.category());
        assertEquals("巴南区", hazard.district());
        assertEquals("界石镇", hazard.town());
        assertEquals("张三", hazard.responsiblePerson());
        assertTrue(hazard.description().contains("/api/enforcement/inspections/insp-1"), hazard.description());
        assertTrue(hazard.description().startsWith("[HC-MH-05] 涉及毒性气体"), hazard.description());
        assertTrue(hazard.measures().contains("第五条"), hazard.measures());
        assertEquals(1, hazard.history().size());
        assertEquals(FindingHazard.OPENED_BY, hazard.history().get(0).who());
    }

    @Test
    void shouldDeriveTheSameHazardIdWhenTheSameFindingIsReplayed() {
        String first = FindingHazard.of(finding("insp-1.HC-MH-05", InspectionFinding.Grade.GENERAL, null), CHEM, "x", NOW).id();
        String again = FindingHazard.of(finding("insp-1.HC-MH-05", InspectionFinding.Grade.GENERAL, null), CHEM, "x",
                NOW.plusSeconds(60)).id();
        String other = FindingHazard.of(finding("insp-1.HC-MH-06", InspectionFinding.Grade.GENERAL, null), CHEM, "x", NOW).id();
        assertEquals(first, again);
        assertNotEquals(first, other);
        assertTrue(first.startsWith("hz-"), first);
    }

    @Test
    void shouldFallBackToTheEnterprisesSectorWhenTheChecklistSectorIsUnknown() {
        assertEquals(Sector.HAZARDOUS_CHEMICALS, FindingHazard.sector("SPACE_STATION", CHEM));
        assertEquals(Sector.TOWN_GAS, FindingHazard.sector("TOWN_GAS", CHEM));
        assertEquals(Sector.INDUSTRY_TRADE, FindingHazard.sector(null, null));
    }

    @Test
    void shouldTakeTheFindingsDistrictWhenTheRegistryHasNoEntry() {
        Hazard hazard = FindingHazard.of(finding("insp-1.HC-MH-05", null, "HAZARDOUS_CHEMICALS"), null, "企业主要负责人", NOW);
        assertEquals("巴南区", hazard.district());
        assertEquals(HazardGrade.GENERAL, hazard.grade());
    }

    @Test
    void shouldNameWhatIsMissingWhenAFindingCannotBecomeAHazard() {
        InspectionFinding f = finding("insp-1.HC-MH-05", InspectionFinding.Grade.GENERAL, null);
        InspectionFinding broken = new InspectionFinding(f.eventId(), f.occurredAt(), f.source(), " ", f.inspectionId(),
                null, f.enterpriseName(), f.district(), f.town(), f.sector(), f.itemCode(), f.item(), f.legalBasis(),
                f.note(), f.grade(), null, f.inspectedOn(), f.inspectors(), f.link());
        assertEquals("missing findingId, enterpriseId, deadline", FindingHazard.defect(broken).orElseThrow());
        assertTrue(FindingHazard.defect(f).isEmpty());
    }
}
