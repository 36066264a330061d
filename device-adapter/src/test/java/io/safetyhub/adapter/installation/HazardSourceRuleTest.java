package io.safetyhub.adapter.installation;

import io.safetyhub.platform.Problem;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HazardSourceRuleTest {
    private static final Installation TANKS = new Installation("MHS-1", "chem-1", "储罐区", 2);

    @Test
    void shouldAcceptWhenTheInstallationBelongsToTheDevicesEnterprise() {
        assertTrue(HazardSourceRule.check("MHS-1", "chem-1", null, Optional.of(TANKS), true).isEmpty());
    }

    @Test
    void shouldAcceptWhenNoHazardSourceIsGiven() {
        assertTrue(HazardSourceRule.check(null, "chem-1", null, Optional.empty(), true).isEmpty());
        assertTrue(HazardSourceRule.check(" ", "chem-1", "MHS-1", Optional.empty(), true).isEmpty());
    }

    @Test
    void shouldRefuseNamingTheFieldWhenTheInstallationIsUnknown() {
        Optional<Problem.FieldError> error = HazardSourceRule.check("MHS-9", "chem-1", null, Optional.empty(), true);
        assertEquals("hazardSourceId", error.orElseThrow().field());
    }

    @Test
    void shouldRefuseWhenTheInstallationBelongsToAnotherEnterprise() {
        Optional<Problem.FieldError> error = HazardSourceRule.check("MHS-1", "build-1", null, Optional.of(TANKS), true);
        assertEquals("hazardSourceId", error.orElseThrow().field());
        // Known to be another's: refused even before the view has caught up, and even when unchanged.
        assertFalse(HazardSourceRule.check("MHS-1", "build-1", "MHS-1", Optional.of(TANKS), false).isEmpty());
    }

    @Test
    void shouldAcceptAnUnknownInstallationWhenTheViewHasNotCaughtUp() {
        assertTrue(HazardSourceRule.check("MHS-9", "chem-1", null, Optional.empty(), false).isEmpty());
    }

    @Test
    void shouldAcceptAnUnchangedBindingWhenItsInstallationWasDeleted() {
        assertTrue(HazardSourceRule.check("MHS-1", "chem-1", "MHS-1", Optional.empty(), true).isEmpty());
        assertFalse(HazardSourceRule.check("MHS-2", "chem-1", "MHS-1", Optional.empty(), true).isEmpty());
    }

    @Test
    void shouldFlagTheBindingWhenTheViewLacksItsInstallation() {
        assertEquals(HazardSourceRule.Binding.REGISTERED, HazardSourceRule.binding("MHS-1", "chem-1", TANKS));
        assertEquals(HazardSourceRule.Binding.UNKNOWN, HazardSourceRule.binding("MHS-1", "chem-1", null));
        assertEquals(HazardSourceRule.Binding.UNKNOWN, HazardSourceRule.binding("MHS-1", "build-1", TANKS));
        assertNull(HazardSourceRule.binding(null, "chem-1", null));
    }

    @Test
    void shouldCountTheViewLoadedWhenEveryPartitionWithRecordsIsCommittedToItsEnd() {
        assertTrue(InstallationsLoad.caughtUp(Map.of(), Map.of()), "no topic: nothing to load");
        assertTrue(InstallationsLoad.caughtUp(Map.of(0, 0L, 1, 0L), Map.of()), "empty partitions");
        assertFalse(InstallationsLoad.caughtUp(Map.of(0, 5L), Map.of()), "nothing committed yet");
        assertFalse(InstallationsLoad.caughtUp(Map.of(0, 5L, 1, 3L), Map.of(0, 5L, 1, 2L)));
        assertTrue(InstallationsLoad.caughtUp(Map.of(0, 5L, 1, 3L), Map.of(0, 7L, 1, 3L)));
    }
}
