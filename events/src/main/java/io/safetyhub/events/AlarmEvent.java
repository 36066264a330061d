package io.safetyhub.events;

import java.time.Instant;
import java.util.UUID;

/** A change of one alarm, published by warning-service for the gateway's live stream and other listeners. */
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
        String message) {

    public enum Change { RAISED, LEVEL_RAISED, ESCALATED, ACKNOWLEDGED, CLEARED, CLOSED }

    public enum Kind { THRESHOLD, OFFLINE, FAULT, COMMITMENT_MISSING }

    public enum Status { ACTIVE, ACKNOWLEDGED, CLEARED_UNACKNOWLEDGED, CLEARED, CLOSED }
}
