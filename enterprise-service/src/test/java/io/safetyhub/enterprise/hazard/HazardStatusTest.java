package io.safetyhub.enterprise.hazard;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The whole transition table of domain.md, every pair of states. */
class HazardStatusTest {

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource({
            "REPORTED, RECTIFYING, true", "REPORTED, RECTIFIED, false", "REPORTED, CLOSED, false", "REPORTED, REJECTED, false",
            "RECTIFYING, RECTIFIED, true", "RECTIFYING, CLOSED, false", "RECTIFYING, REPORTED, false", "RECTIFYING, REJECTED, false",
            "RECTIFIED, CLOSED, true", "RECTIFIED, REJECTED, true", "RECTIFIED, RECTIFYING, false", "RECTIFIED, REPORTED, false",
            "REJECTED, RECTIFYING, true", "REJECTED, CLOSED, false", "REJECTED, RECTIFIED, false", "REJECTED, REPORTED, false",
            "CLOSED, REPORTED, false", "CLOSED, RECTIFYING, false", "CLOSED, RECTIFIED, false", "CLOSED, REJECTED, false"})
    void shouldAllowOnlyTheStepsOfTheLifecycleWhenAskedForAnyPair(HazardStatus from, HazardStatus to, boolean allowed) {
        assertEquals(allowed, from.allows(to));
    }
}
