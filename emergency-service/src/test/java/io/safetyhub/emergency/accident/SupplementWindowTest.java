package io.safetyhub.emergency.accident;

import io.safetyhub.emergency.support.DefaultConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** 国务院令第493号 第十三条: 30 days from the day of the accident, 7 for road traffic and fire accidents. */
class SupplementWindowTest {
    private final SupplementWindow window = new SupplementWindow(DefaultConfig.get());

    @ParameterizedTest(name = "{0} on {1}: {2}")
    @CsvSource(textBlock = """
            COLLAPSE,     2026-03-31, true
            COLLAPSE,     2026-04-01, false
            FIRE,         2026-03-08, true
            FIRE,         2026-03-09, false
            ROAD_TRAFFIC, 2026-03-08, true
            ROAD_TRAFFIC, 2026-03-09, false
            GAS_EXPLOSION, 2026-03-01, true
            """)
    void shouldTakeACasualtyChangeWhenItIsWithinTheWindowOfTheKind(AccidentKind kind, LocalDate on, boolean open) {
        assertEquals(open, window.open(LocalDate.of(2026, 3, 1), kind, on));
    }
}
