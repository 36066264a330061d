package io.safetyhub.warning.messaging;

import io.safetyhub.events.AlarmEvent;
import io.safetyhub.events.AlarmLevel;
import io.safetyhub.events.DutyOverdue;
import io.safetyhub.warning.alarm.Alarm;
import io.safetyhub.warning.alarm.AlarmChange;
import io.safetyhub.warning.alarm.AlarmOutbox;
import io.safetyhub.warning.alarm.Ownership;
import io.safetyhub.warning.rule.StandardDefaults;
import io.safetyhub.warning.support.Engines;
import io.safetyhub.warning.support.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An overdue 包保 duty check as a blue alarm: plain JUnit over the engine and an in-memory store. */
class DutyConsumerTest {
    private static final Instant DUE = Instant.parse("2026-06-07T16:00:00Z");

    private Engines e;
    private MutableClock clock;
    private final List<AlarmChange> published = new ArrayList<>();
    private DutyConsumer consumer;

    @BeforeEach
    void setUp() {
        clock = new MutableClock(DUE.plusSeconds(60));
        e = Engines.fresh(clock, Map.of());
        AlarmOutbox outbox = new AlarmOutbox(e.store, changes -> {
            published.addAll(changes);
            return CompletableFuture.completedFuture(null);
        }, changes -> { });
        consumer = new DutyConsumer(e.engine, outbox, Ownership.all());
    }

    @Test
    void shouldRaiseOneBlueAlarmNamingInstallationRoleAndPersonWhenADutyIsOverdue() {
        consumer.consume(overdue("MHS-chem-banan-01-01|OPERATIONAL|2026-06-01"));
        List<Alarm> alarms = e.repository.findAll();
        assertEquals(1, alarms.size());
        Alarm alarm = alarms.get(0);
        assertEquals(AlarmLevel.BLUE, alarm.level());
        assertEquals("chem-banan-01", alarm.enterpriseId());
        assertEquals(StandardDefaults.DUTY, alarm.ruleId());
        assertEquals("duty:MHS-chem-banan-01-01:OPERATIONAL:2026-06-01", alarm.deviceId());
        assertTrue(alarm.message().contains("储罐区(MHS-chem-banan-01-01)"), alarm.message());
        assertTrue(alarm.message().contains("操作负责人 王五"), alarm.message());
        assertTrue(alarm.message().contains("每周"), alarm.message());
        assertEquals(1, published.size());
    }

    @Test
    void shouldRaiseNothingNewWhenTheSameDutyArrivesAgain() {
        consumer.consume(overdue("MHS-1|OPERATIONAL|2026-06-01"));
        consumer.consume(overdue("MHS-1|OPERATIONAL|2026-06-01"));
        assertEquals(1, e.repository.findAll().size());
        consumer.consume(overdue("MHS-1|OPERATIONAL|2026-06-08"));
        assertEquals(2, e.repository.findAll().size(), "another period is another alarm");
    }

    @Test
    void shouldClearTheAlarmWhenADayHasPassed() {
        consumer.consume(overdue("MHS-1|MAIN|2026-04-01"));
        clock.advance(Duration.ofHours(23));
        assertTrue(e.engine.checkStale().isEmpty());
        clock.advance(Duration.ofHours(2));
        assertEquals(AlarmEvent.Status.CLEARED_UNACKNOWLEDGED, e.engine.checkStale().get(0).alarm().status());
    }

    @Test
    void shouldNameEachRoleInChineseWhenTheMessageIsWritten() {
        assertEquals("主要负责人", DutyConsumer.roleName(DutyOverdue.Role.MAIN));
        assertEquals("技术负责人", DutyConsumer.roleName(DutyOverdue.Role.TECHNICAL));
        assertEquals("操作负责人", DutyConsumer.roleName(DutyOverdue.Role.OPERATIONAL));
    }

    private static DutyOverdue overdue(String dutyKey) {
        String[] parts = dutyKey.split("\\|");
        return new DutyOverdue(UUID.randomUUID(), DUE, "test", dutyKey, "chem-banan-01", "重庆长江化工有限公司", "巴南区",
                "界石镇", parts[0], "储罐区", DutyOverdue.Role.valueOf(parts[1]), "王五", "WEEKLY",
                LocalDate.parse(parts[2]), DUE);
    }
}
