package io.safetyhub.emergency.drill;

import io.safetyhub.emergency.plan.PlanKind;
import io.safetyhub.emergency.support.DefaultConfig;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 应急管理部令第2号 第三十三条: yearly comprehensive or special drills; half-yearly on-site drills in high-risk sectors. */
class DrillFrequencyTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);
    private final DrillFrequency frequency = new DrillFrequency(DefaultConfig.get());

    private static Drill held(PlanKind scope, LocalDate on) {
        return new Drill("d", "e", "巴南区", null, "t", DrillForm.LIVE, scope, null, false, on, on, 10, DrillStatus.HELD, null,
                null, null);
    }

    @Test
    void shouldApplyOnlyTheYearlyRuleWhenTheSectorIsNotHighRisk() {
        List<DrillFrequency.Standing> s = frequency.standing(List.of(held(PlanKind.SPECIAL, LocalDate.of(2026, 1, 10))),
                List.of("TRADE"), TODAY);
        assertEquals(1, s.size());
        assertEquals(LocalDate.of(2027, 1, 10), s.get(0).nextDue());
        assertFalse(s.get(0).overdue());
    }

    @Test
    void shouldBeOverdueWhenTheLastOnSiteDrillIsMoreThanSixMonthsOldInAHighRiskSector() {
        List<DrillFrequency.Standing> s = frequency.standing(List.of(held(PlanKind.COMPREHENSIVE, LocalDate.of(2026, 3, 1)),
                held(PlanKind.ON_SITE, LocalDate.of(2026, 6, 1))), List.of("HAZARDOUS_CHEMICALS"), TODAY);
        assertEquals("ON_SITE", s.get(1).rule());
        assertEquals(LocalDate.of(2026, 12, 1), s.get(1).nextDue());
        assertTrue(s.get(1).overdue());
        assertFalse(s.get(0).overdue());
    }

    @Test
    void shouldBeDueAtOnceWhenNoDrillWasEverHeld() {
        DrillFrequency.Standing s = frequency.standing(List.of(), List.of("CONSTRUCTION"), TODAY).get(0);
        assertNull(s.lastHeld());
        assertTrue(s.overdue());
    }

    @Test
    void shouldNotCountAnOnSiteDrillTowardsTheYearlyRuleWhenJudged() {
        DrillFrequency.Standing s = frequency.standing(List.of(held(PlanKind.ON_SITE, LocalDate.of(2026, 11, 1))),
                List.of("TRADE"), TODAY).get(0);
        assertTrue(s.overdue());
    }
}
