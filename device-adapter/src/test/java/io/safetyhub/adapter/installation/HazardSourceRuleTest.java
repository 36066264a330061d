package io.safetyhub.adapter.installation;

import io.safetyhub.adapter.installation.HazardSourceRule.Binding;
import io.safetyhub.adapter.installation.HazardSourceRule.Claim;
import io.safetyhub.platform.Problem;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HazardSourceRuleTest {
    private static final Installation TANKS = new Installation("MHS-1", "chem-1", "储罐区", 2);
    private static final Optional<Installation> KNOWN = Optional.of(TANKS);

    @Test
    void shouldAcceptWhenTheInstallationBelongsToTheDevicesEnterprise() {
        assertTrue(HazardSourceRule.check(claim("MHS-1", 2, "chem-1"), null, KNOWN, true).isEmpty());
        assertTrue(HazardSourceRule.check(claim("MHS-1", null, "chem-1"), null, KNOWN, true).isEmpty());
    }

    @Test
    void shouldAcceptWhenNoHazardSourceIsGiven() {
        assertTrue(HazardSourceRule.check(claim(null, null, "chem-1"), null, Optional.empty(), true).isEmpty());
        assertTrue(HazardSourceRule.check(claim(" ", null, "chem-1"), claim("MHS-1", 2, "chem-1"), Optional.empty(), true)
                .isEmpty());
    }

    @Test
    void shouldRefuseNamingTheFieldWhenTheInstallationIsUnknown() {
        assertEquals(List.of("hazardSourceId"), fields(HazardSourceRule.check(claim("MHS-9", 2, "chem-1"), null,
                Optional.empty(), true)));
    }

    @Test
    void shouldRefuseWhenTheInstallationBelongsToAnotherEnterprise() {
        assertEquals(List.of("hazardSourceId"), fields(HazardSourceRule.check(claim("MHS-1", 2, "build-1"), null, KNOWN,
                true)));
        // Known to be another's: refused even before the view has caught up, and even when unchanged.
        assertEquals(List.of("hazardSourceId"), fields(HazardSourceRule.check(claim("MHS-1", 2, "build-1"),
                claim("MHS-1", 2, "build-1"), KNOWN, false)));
    }

    @Test
    void shouldRefuseNamingTheGradeWhenItIsNotTheInstallationsGrade() {
        assertEquals(List.of("hazardGrade"), fields(HazardSourceRule.check(claim("MHS-1", 3, "chem-1"), null, KNOWN,
                true)));
        Installation ungraded = new Installation("MHS-1", "chem-1", "储罐区", null);
        assertTrue(HazardSourceRule.check(claim("MHS-1", 3, "chem-1"), null, Optional.of(ungraded), true).isEmpty());
    }

    @Test
    void shouldAcceptAnUnknownInstallationWhenTheViewHasNotCaughtUp() {
        assertTrue(HazardSourceRule.check(claim("MHS-9", 1, "chem-1"), null, Optional.empty(), false).isEmpty());
    }

    @Test
    void shouldAcceptAnUnchangedBindingWhenItsInstallationWasDeletedOrRegraded() {
        Claim before = claim("MHS-1", 3, "chem-1");
        assertTrue(HazardSourceRule.check(claim("MHS-1", 3, "chem-1"), before, Optional.empty(), true).isEmpty());
        assertTrue(HazardSourceRule.check(claim("MHS-1", 3, "chem-1"), before, KNOWN, true).isEmpty());
        assertEquals(List.of("hazardSourceId"), fields(HazardSourceRule.check(claim("MHS-2", 3, "chem-1"), before,
                Optional.empty(), true)));
    }

    @Test
    void shouldFlagTheBindingWhenTheViewLacksItsInstallationOrGradesItOtherwise() {
        assertEquals(Binding.REGISTERED, HazardSourceRule.binding(claim("MHS-1", 2, "chem-1"), TANKS));
        assertEquals(Binding.GRADE_DIFFERS, HazardSourceRule.binding(claim("MHS-1", 3, "chem-1"), TANKS));
        assertEquals(Binding.UNKNOWN, HazardSourceRule.binding(claim("MHS-1", 2, "chem-1"), null));
        assertEquals(Binding.UNKNOWN, HazardSourceRule.binding(claim("MHS-1", 2, "build-1"), TANKS));
        assertNull(HazardSourceRule.binding(claim(null, null, "chem-1"), null));
    }

    @Test
    void shouldCountTheViewLoadedWhenEveryPartitionWithRecordsIsCommittedToItsEnd() {
        assertTrue(InstallationsLoad.caughtUp(Map.of(), Map.of()), "no topic: nothing to load");
        assertTrue(InstallationsLoad.caughtUp(Map.of(0, 0L, 1, 0L), Map.of()), "empty partitions");
        assertEquals(false, InstallationsLoad.caughtUp(Map.of(0, 5L), Map.of()), "nothing committed yet");
        assertEquals(false, InstallationsLoad.caughtUp(Map.of(0, 5L, 1, 3L), Map.of(0, 5L, 1, 2L)));
        assertTrue(InstallationsLoad.caughtUp(Map.of(0, 5L, 1, 3L), Map.of(0, 7L, 1, 3L)));
    }

    private static Claim claim(String id, Integer grade, String enterprise) {
        return new Claim(id, grade, enterprise);
    }

    private static List<String> fields(List<Problem.FieldError> errors) {
        return errors.stream().map(Problem.FieldError::field).toList();
    }
}
