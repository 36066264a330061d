package io.safetyhub.gateway.alarmstream;

import io.safetyhub.events.AlarmEvent;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AlarmRingTest {
    private static final Instant T0 = Instant.parse("2026-11-23T06:00:00Z");

    @Test
    void shouldReplaySamePartitionAfterOffsetAndOtherPartitionsFromTimeLessSkewWhenIdIsHeld() {
        AlarmRing ring = new AlarmRing(100, Duration.ofHours(1), Duration.ofSeconds(5));
        ring.append(alarm(0, 10, T0), T0);
        ring.append(alarm(1, 3, T0.minusSeconds(4)), T0); // other partition, within the skew: may be missed
        ring.append(alarm(1, 2, T0.minusSeconds(60)), T0); // older than the skew: the client had it
        ring.append(alarm(0, 11, T0.plusSeconds(1)), T0);
        ring.append(alarm(1, 4, T0.plusSeconds(2)), T0);
        assertEquals(List.of("1-3", "0-11", "1-4"), ids(ring.after("0-10")));
    }

    @Test
    void shouldAnswerNullWhenIdIsEvictedUnknownOrMalformed() {
        AlarmRing ring = new AlarmRing(2, Duration.ofHours(1), Duration.ZERO);
        ring.append(alarm(0, 1, T0), T0);
        ring.append(alarm(0, 2, T0), T0);
        ring.append(alarm(0, 3, T0), T0);
        assertEquals(2, ring.size());
        assertNull(ring.after("0-1"));
        assertNull(ring.after("7-7"));
        assertNull(ring.after("zero-one"));
        assertEquals(List.of("0-3"), ids(ring.after("0-2")));
    }

    @Test
    void shouldDropEventsOlderThanTheWindowWhenAppending() {
        AlarmRing ring = new AlarmRing(100, Duration.ofMinutes(10), Duration.ZERO);
        ring.append(alarm(0, 1, T0), T0);
        ring.append(alarm(0, 2, T0.plusSeconds(700)), T0.plusSeconds(700));
        assertNull(ring.after("0-1"));
        assertEquals(1, ring.size());
    }

    @Test
    void shouldIgnoreRedeliveryWhenOffsetIsAlreadyHeld() {
        AlarmRing ring = new AlarmRing(100, Duration.ofHours(1), Duration.ZERO);
        assertTrue(ring.append(alarm(0, 5, T0), T0));
        assertTrue(ring.append(alarm(1, 1, T0), T0));
        assertFalse(ring.append(alarm(0, 5, T0), T0));
        assertFalse(ring.append(alarm(0, 4, T0), T0));
        assertEquals(2, ring.size());
    }

    @Test
    void shouldNameEventByChangeWhenFramed() {
        StreamedAlarm alarm = alarm(2, 9, T0);
        assertEquals("id: 2-9\nevent: level-raised\ndata: {}\n\n", alarm.frame());
    }

    private static StreamedAlarm alarm(int partition, long offset, Instant time) {
        AlarmEvent event = new AlarmEvent(null, time, "test", "a" + offset, AlarmEvent.Change.LEVEL_RAISED, null, null,
                null, "e", "d", null, null, null, null, null, null, null, null, null);
        return new StreamedAlarm(partition, offset, time, event, "{}");
    }

    private static List<String> ids(List<StreamedAlarm> alarms) {
        return alarms.stream().map(StreamedAlarm::id).toList();
    }
}
