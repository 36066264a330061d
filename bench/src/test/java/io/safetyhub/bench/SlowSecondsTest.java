package io.safetyhub.bench;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SlowSecondsTest {
    /** 2026-12-03T19:40:00Z. */
    private static final long MINUTE = 1_796_326_800_000L;

    @Test
    void shouldNameTheSecondsHoldingTheTailWhenItBunches() {
        SlowSeconds s = new SlowSeconds(100);
        for (int second = 0; second < 60; second++) {
            for (int i = 0; i < 10; i++) {
                long latency = second == 12 ? 900 + i : second == 13 && i < 5 ? 300 : 4;
                s.add(MINUTE + second * 1000L + i, latency);
            }
        }

        String line = s.describe("device send → adapter receive", 5);

        assertTrue(line.startsWith("device send → adapter receive over 100 ms: 15 of 600 sample(s) (2.50 %), "
                + "in 2 of 60 second(s)"), line);
        assertTrue(line.endsWith("19:40:12 (:12): 10, 100 %, 909; 19:40:13 (:13): 10, 50 %, 300"), line);
    }

    @Test
    void shouldKeepOnlyTheWorstSecondsInTimeOrderWhenManyAreSlow() {
        SlowSeconds s = new SlowSeconds(100);
        s.add(MINUTE + 5_000, 200);
        s.add(MINUTE + 7_000, 200);
        s.add(MINUTE + 7_001, 200);
        s.add(MINUTE + 9_000, 200);
        s.add(MINUTE + 9_001, 200);

        String line = s.describe("hop", 2);

        assertTrue(line.endsWith("19:40:07 (:07): 2, 100 %, 200; 19:40:09 (:09): 2, 100 %, 200"), line);
    }

    @Test
    void shouldSayNoneWhenNoSampleIsOverTheThreshold() {
        SlowSeconds s = new SlowSeconds(100);
        s.add(MINUTE, 100);

        assertEquals("hop: none of 1 sample(s) over 100 ms", s.describe("hop", 5));
    }
}
