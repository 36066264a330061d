package io.safetyhub.enterprise.hazard;

import io.safetyhub.enterprise.audit.AuditEntry;
import io.safetyhub.enterprise.enterprise.Sector;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HazardMapperTest {
    private static final Instant REPORTED = Instant.parse("2026-11-01T02:00:00Z");
    private final HazardMapper mapper = new HazardMapper();

    @Test
    void shouldRoundTripEveryFieldWhenStoredAndRead() {
        Hazard h = hazard(HazardStatus.RECTIFYING, LocalDate.parse("2026-11-20"));
        assertEquals(h, mapper.fromDocument(mapper.toDocument(h)));
    }

    @Test
    void shouldComputeOverdueAndAgeWhenShown() {
        Instant now = Instant.parse("2026-11-22T02:00:00Z");
        LocalDate today = LocalDate.parse("2026-11-22");
        HazardView open = mapper.toView(hazard(HazardStatus.RECTIFYING, LocalDate.parse("2026-11-21")), now, today);
        assertTrue(open.overdue());
        assertEquals(21, open.ageDays());
        assertFalse(mapper.toView(hazard(HazardStatus.RECTIFYING, today), now, today).overdue());
        assertFalse(mapper.toView(hazard(HazardStatus.CLOSED, LocalDate.parse("2026-11-01")), now, today).overdue());
    }

    private static Hazard hazard(HazardStatus status, LocalDate deadline) {
        return new Hazard("hz-1", "chem-banan-01", "巴南区", "南彭街道", HazardSource.SELF_CHECK, HazardGrade.MAJOR,
                Sector.HAZARDOUS_CHEMICALS, "联锁缺失", "孙伟", "加装联锁", 180000.0, deadline, status, REPORTED,
                REPORTED.plusSeconds(3600), List.of(new AuditEntry("ent.chem", "enterprise", REPORTED, null, "REPORTED", "SELF_CHECK"),
                new AuditEntry("ent.chem", "enterprise", REPORTED.plusSeconds(3600), "REPORTED", "RECTIFYING", null)));
    }
}
