package io.safetyhub.enterprise.checks;

import io.safetyhub.enterprise.riskpoint.CheckFrequency;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The period a task falls due in, reckoned in Asia/Shanghai (UTC+8): instants are written in UTC. */
class CheckSlotTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @ParameterizedTest(name = "{0} at {1} -> [{2}, {3}) {4}")
    @CsvSource({
            // 2026-12-01 07:59 local is the night shift 00-08.
            "PER_SHIFT, 2026-11-30T23:59:00Z, 2026-11-30T16:00:00Z, 2026-12-01T00:00:00Z, 20261201T00",
            // 08:00 local starts the day shift 08-16.
            "PER_SHIFT, 2026-12-01T00:00:00Z, 2026-12-01T00:00:00Z, 2026-12-01T08:00:00Z, 20261201T08",
            // 23:30 local is the evening shift 16-24, due at local midnight.
            "PER_SHIFT, 2026-12-01T15:30:00Z, 2026-12-01T08:00:00Z, 2026-12-01T16:00:00Z, 20261201T16",
            // 01:00 UTC on Dec 1 is 09:00 local on Dec 1.
            "DAILY, 2026-12-01T01:00:00Z, 2026-11-30T16:00:00Z, 2026-12-01T16:00:00Z, 20261201",
            // 17:00 UTC on Dec 1 is already Dec 2 local.
            "DAILY, 2026-12-01T17:00:00Z, 2026-12-01T16:00:00Z, 2026-12-02T16:00:00Z, 20261202",
            // Tuesday 2026-12-01: the week from Monday 2026-11-30.
            "WEEKLY, 2026-12-01T01:00:00Z, 2026-11-29T16:00:00Z, 2026-12-06T16:00:00Z, W20261130",
            // Sunday evening local still belongs to that week.
            "WEEKLY, 2026-12-06T15:59:00Z, 2026-11-29T16:00:00Z, 2026-12-06T16:00:00Z, W20261130",
            "MONTHLY, 2026-12-31T15:00:00Z, 2026-11-30T16:00:00Z, 2026-12-31T16:00:00Z, 202612",
            // New Year's Eve after 16:00 UTC is January local.
            "MONTHLY, 2026-12-31T16:00:00Z, 2026-12-31T16:00:00Z, 2027-01-31T16:00:00Z, 202701"})
    void shouldFindThePeriodContainingTheInstantWhenReckonedInLocalTime(CheckFrequency frequency, Instant at,
                                                                       Instant from, Instant due, String label) {
        CheckSlot slot = CheckSlot.containing(frequency, at, SHANGHAI, 8);
        assertEquals(from, slot.from());
        assertEquals(due, slot.due());
        assertEquals(label, slot.label());
    }
}
