package io.safetyhub.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A change of one alarm, published by warning-service for the gateway's live stream and other listeners.
 *
 * @param occurredAt when the event was built for Kafka (right after the decision; its state is stored in the background)
 * @param decidedAt  when warning-service decided the change (the engine's clock as it raised, raised further or cleared
 *                   the alarm; the lifecycle's or the escalation timer's for the others), so that the decision hop of
 *                   an alarm's latency can be told apart from storing and publishing it; null in events written before
 *                   the field existed
 */
public record AlarmEvent(
        UUID eventId,
        Instant occurredAt,
        String source,
        String alarmId,
        Change change,
        Kind kind,
        AlarmLevel level,
        Status status,
        String enterpriseId,
        String district,
        String deviceId,
        String deviceKind,
        String ruleId,
        String metric,
        Double value,
        String unit,
        Double threshold,
        Instant raisedAt,
        String message,
        Instant decidedAt) {

    /** An event without {@code decidedAt}, as written before the field existed (kept for existing producers). */
    public AlarmEvent(UUID eventId, Instant occurredAt, String source, String alarmId, Change change, Kind kind,
                      AlarmLevel level, Status status, String enterpriseId, String district, String deviceId,
                      String deviceKind, String ruleId, String metric, Double value, String unit, Double threshold,
                      Instant raisedAt, String message) {
        this(eventId, occurredAt, source, alarmId, change, kind, level, status, enterpriseId, district, deviceId,
                deviceKind, ruleId, metric, value, unit, threshold, raisedAt, message, null);
    }

    public enum Change { RAISED, LEVEL_RAISED, ESCALATED, ACKNOWLEDGED, CLEARED, CLOSED }

    public enum Kind { THRESHOLD, OFFLINE, FAULT, COMMITMENT_MISSING }

    public enum Status { ACTIVE, ACKNOWLEDGED, CLEARED_UNACKNOWLEDGED, CLEARED, CLOSED }
}
