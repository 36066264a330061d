package io.safetyhub.gateway.ratelimit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RateClassTest {

    @Test
    void shouldCoverTokenRelayWhenClassNamesAPathOutsideTheApi() {
        RateClass relay = RateClass.parse("console-token /console/token 20 0.5");
        assertEquals("/console/token", relay.prefix());
        assertTrue(relay.covers("/console/token"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"x console/token 1 1", "x /console/ 1 1", "x /api/* 1 1", "x / 1 1", "x /api/../q 1 1",
            "x /api 0 1", "x /api 1 0", "x /api one 1"})
    void shouldRefuseStartupWhenClassIsInvalid(String entry) {
        assertThrows(IllegalArgumentException.class, () -> RateClass.parse(entry));
    }
}
