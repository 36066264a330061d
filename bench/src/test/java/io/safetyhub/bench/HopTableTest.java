package io.safetyhub.bench;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HopTableTest {
    private static final long T = 1_764_000_000_000L;
    private static final String ID = "BENCH-A-0001|default-gas-lel|" + T;

    @Test
    void shouldSplitTheAlarmPathIntoHopsWhenEveryTimestampIsThere() {
        HopTable table = new HopTable(AlarmProbe.PREFIX);
        table.reading("LOAD-00001", T, T + 3, T + 5, "CreateTime");
        table.reading("BENCH-A-0001", T, T + 2, T + 10, "CreateTime");
        table.raised(ID, -1, T + 60, T + 61, "CreateTime");

        HopTable.Result r = table.build(Map.of(ID, T), Map.of(ID, T + 70), "SSE write");

        assertEquals(List.of(3L, 8L, 2L, 8L, 50L, 1L, 9L, 70L), r.hops().stream().map(h -> h.ms().max()).toList());
        assertEquals(2, r.hops().get(0).ms().count(), "reading hops are over every reading");
        assertEquals(1, r.hops().get(2).ms().count(), "alarm hops over the probe's alarms");
        assertEquals("CreateTime", r.readingsTimestampType());
        assertTrue(r.notes().stream().anyMatch(n -> n.contains("decidedAt")), "names the missing field");
        assertTrue(r.notes().stream().anyMatch(n -> n.contains("LogAppendTime")));
    }

    @Test
    void shouldShowTheEngineDecisionWhenTheEventCarriesIt() {
        HopTable table = new HopTable(AlarmProbe.PREFIX);
        table.reading("BENCH-A-0001", T, T + 2, T + 10, "LogAppendTime");
        table.raised(ID, T + 12, T + 40, T + 41, "LogAppendTime");

        HopTable.Result r = table.build(Map.of(ID, T), Map.of(ID, T + 45), "SSE write");

        assertTrue(r.hops().stream().anyMatch(h -> h.to().contains("decidedAt") && h.ms().p50() == 2));
        assertTrue(r.hops().stream().anyMatch(h -> h.from().equals("engine decision") && h.ms().p50() == 28));
        assertTrue(r.notes().isEmpty(), r.notes().toString());
    }

    @Test
    void shouldLeaveOutAnAlarmWhenItNeverArrived() {
        HopTable table = new HopTable(AlarmProbe.PREFIX);
        table.reading("BENCH-A-0001", T, T + 2, T + 10, "CreateTime");
        table.raised(ID, -1, T + 60, T + 61, "CreateTime");
        table.raised(ID, -1, T + 90, T + 91, "CreateTime"); // a duplicate RAISED: the first one counts

        HopTable.Result r = table.build(Map.of(ID, T), Map.of(), "SSE write");

        assertEquals(0, r.hops().get(2).ms().count());
        assertTrue(r.notes().stream().anyMatch(n -> n.startsWith("1 expected alarm")));
    }

    @Test
    void shouldPutASlowAlarmInTheTailWhenItTookOverTheThreshold() {
        HopTable table = new HopTable(AlarmProbe.PREFIX);
        table.reading("LOAD-00001", T, T + 3, T + 5, "CreateTime");
        table.reading("BENCH-A-0001", T, T + 2, T + 10, "CreateTime");
        table.raised(ID, T + 12, T + 40, T + 41, "CreateTime");

        HopTable.Result r = table.build(Map.of(ID, T), Map.of(ID, T + 450), "SSE write");

        assertEquals(3, r.tails().size());
        assertTrue(r.tails().get(0).startsWith("device send → adapter receive (every reading): none of 2"),
                r.tails().get(0));
        assertTrue(r.tails().get(1).startsWith("alarms, device send → SSE write over 100 ms: 1 of 1 sample(s)"),
                r.tails().get(1));
    }

    @Test
    void shouldLeaveTheFirstSecondsOutOfTheSettledFiguresWhenTheWindowStartedSlow() {
        String late = "BENCH-A-0002|default-gas-lel|" + (T + 30_000);
        HopTable table = new HopTable(AlarmProbe.PREFIX);
        table.reading("LOAD-00001", T, T + 900, T + 901, "CreateTime");           // the start: slow
        table.reading("BENCH-A-0001", T + 1_000, T + 1_600, T + 1_601, "CreateTime");
        table.reading("LOAD-00001", T + 30_000, T + 30_004, T + 30_005, "CreateTime"); // settled
        table.reading("BENCH-A-0002", T + 30_000, T + 30_002, T + 30_003, "CreateTime");

        HopTable.Result r = table.build(Map.of(ID.replace(Long.toString(T), Long.toString(T + 1_000)), T + 1_000,
                late, T + 30_000), Map.of(ID.replace(Long.toString(T), Long.toString(T + 1_000)), T + 1_700,
                late, T + 30_020), "SSE write");

        assertEquals("after the window's first 10 s: alarms end to end p50 / p90 / p99 / max 20 / 20 / 20 / 20 ms "
                + "over 1; device send → adapter receive p50 / p99 / max 2 / 4 / 4 ms over 2 readings",
                r.tails().get(2));
    }
}
