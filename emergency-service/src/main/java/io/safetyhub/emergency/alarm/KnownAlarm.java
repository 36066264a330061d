package io.safetyhub.emergency.alarm;

import io.safetyhub.events.AlarmEvent;

import java.time.Instant;

/**
 * An alarm as {@code alarms.events.v1} last described it. Every event carries the alarm's whole state, so the newest
 * event is the alarm; {@code asOf} is its {@code occurredAt}, and an older event never overwrites a newer copy.
 */
public record KnownAlarm(String id, String enterpriseId, String district, String level, String status, String kind,
                         String deviceId, String metric, Double value, String unit, String message, Instant raisedAt,
                         boolean open, Instant asOf) {

    /**
     * Open for the command map while someone still has to act on it: ACTIVE, ACKNOWLEDGED (being handled) and
     * CLEARED_UNACKNOWLEDGED (the reading is back, nobody has confirmed it yet); CLEARED and CLOSED are done.
     */
    public static boolean isOpen(AlarmEvent.Status status) {
        return switch (status) {
            case ACTIVE, ACKNOWLEDGED, CLEARED_UNACKNOWLEDGED -> true;
            case CLEARED, CLOSED -> false;
        };
    }

    public static KnownAlarm of(AlarmEvent e) {
        return new KnownAlarm(e.alarmId(), e.enterpriseId(), e.district(), e.level() == null ? null : e.level().name(),
                e.status().name(), e.kind() == null ? null : e.kind().name(), e.deviceId(), e.metric(), e.value(), e.unit(),
                e.message(), e.raisedAt(), isOpen(e.status()), e.occurredAt());
    }
}
