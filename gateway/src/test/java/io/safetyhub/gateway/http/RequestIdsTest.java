package io.safetyhub.gateway.http;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RequestIdsTest {

    @ParameterizedTest
    @ValueSource(strings = {"req-1", "a.b_c:d-E9", "0"})
    void shouldKeepCallersIdWhenItIsSane(String offered) {
        assertTrue(RequestIds.sane(offered), offered);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a b", "a\\nb", "a\\rINFO forged", "x/y", "é"})
    void shouldReplaceCallersIdWhenItIsNotSane(String offered) {
        assertFalse(RequestIds.sane(offered.replace("\\n", "\n").replace("\\r", "\r")), offered);
        assertFalse(RequestIds.sane("a".repeat(129)));
        assertTrue(RequestIds.sane("a".repeat(128)));
    }

    @Test
    void shouldMakeDistinctVersion4UuidsWhenIdsAreGenerated() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String id = RequestIds.randomId();
            assertTrue(id.matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"), id);
            ids.add(id);
        }
        assertEquals(10_000, ids.size());
    }
}
