package io.safetyhub.emergency.drill;

import io.safetyhub.platform.rest.DomainException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DrillStatusTest {
    @Test
    void shouldMoveForwardOneStepWhenHeldThenEvaluated() {
        assertEquals(DrillStatus.HELD, DrillStatus.PLANNED.moveTo(DrillStatus.HELD));
        assertEquals(DrillStatus.EVALUATED, DrillStatus.HELD.moveTo(DrillStatus.EVALUATED));
    }

    @Test
    void shouldRefuseWhenAPlannedDrillIsEvaluated() {
        assertEquals(409, assertThrows(DomainException.class, () -> DrillStatus.PLANNED.moveTo(DrillStatus.EVALUATED)).status());
        assertEquals(409, assertThrows(DomainException.class, () -> DrillStatus.EVALUATED.moveTo(DrillStatus.HELD)).status());
    }
}
