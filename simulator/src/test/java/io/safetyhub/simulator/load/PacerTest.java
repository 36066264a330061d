package io.safetyhub.simulator.load;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The open-loop schedule, on nanosecond readings passed in (no clock). */
class PacerTest {
    private static final long START = 5_000_000_000L;
    private static final long MS = 1_000_000L;

    @ParameterizedTest(name = "{0}/s after {1} ns: {2} due")
    @CsvSource({
            // rate, ns after start, messages due (message 0 is due at the start itself)
            "1000, -1, 0",
            "1000, 0, 1",
            "1000, 999999, 1",
            "1000, 1000000, 2",
            "1000, 1000000000, 1001",
            "10000, 1000000, 11",
            "10000, 30000000000, 300001",
            "2.5, 399999999, 1",
            "2.5, 400000000, 2",
            "2.5, 1200000000, 4",
            "3, 333333333, 1",
            "3, 333333334, 2"})
    void shouldCountTheMessagesDueWhenTimeHasPassed(double rate, long after, long expected) {
        assertEquals(expected, new Pacer(START, rate).dueBy(START + after));
    }

    @Test
    void shouldKeepTheScheduleWhenTheSenderFellBehind() {
        Pacer pacer = new Pacer(START, 10_000);

        // Stalled for 2 s: everything due in between is due now, nothing is dropped or pushed back.
        assertEquals(20_001, pacer.dueBy(START + 2_000 * MS));
        assertEquals(START + 1_500 * MS, pacer.dueNanos(15_000));
    }

    @Test
    void shouldMeasureLatenessFromTheDueTimeWhenSentLate() {
        Pacer pacer = new Pacer(START, 1_000);

        assertEquals(0, pacer.latenessNanos(10, START + 10 * MS));
        assertEquals(250 * MS, pacer.latenessNanos(10, START + 260 * MS));
        assertEquals(0, pacer.latenessNanos(10, START + 9 * MS), "never early, so never negative");
    }

    @ParameterizedTest(name = "at +{0} ns the next tick is +{1} ns")
    @CsvSource({"0, 1000000", "1, 1000000", "999999, 1000000", "1000000, 2000000", "1500000, 2000000",
            "-5, 1000000"})
    void shouldWakeOnTheNextMillisecondTickWhenAsked(long after, long tick) {
        assertEquals(START + tick, new Pacer(START, 1_000).nextTick(START + after));
    }

    @Test
    void shouldSendToEveryDeviceInTurnWhenMessagesAreNumbered() {
        assertEquals(0, Pacer.deviceOf(0, 1000));
        assertEquals(999, Pacer.deviceOf(999, 1000));
        assertEquals(0, Pacer.deviceOf(1000, 1000));
        assertEquals(7, Pacer.deviceOf(3_000_007L, 1000));
    }

    @Test
    void shouldStampALaterMillisecondWhenADeviceSendsTwiceInOne() {
        assertEquals(1_000, Pacer.sourceMillis(1_000, 900));
        assertEquals(1_001, Pacer.sourceMillis(1_000, 1_000));
        assertEquals(1_006, Pacer.sourceMillis(1_000, 1_005), "the wall clock stepped back: still increasing");
    }

    @Test
    void shouldRefuseWhenTheRateIsNotPositive() {
        assertThrows(IllegalArgumentException.class, () -> new Pacer(START, 0));
        assertThrows(IllegalArgumentException.class, () -> new Pacer(START, Double.NaN));
    }
}
