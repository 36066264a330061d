package io.safetyhub.warning.alarm;

import io.safetyhub.events.AlarmEvent;
import io.safetyhub.events.AlarmLevel;

import java.time.Instant;

/** An alarm as callers see it. {@code levelRoman} is the I–IV numbering used on Chinese warning notices. */
public record AlarmView(String id, String enterpriseId, String district, String deviceId, String deviceKind,
                        String ruleId, String metric, AlarmEvent.Kind kind, AlarmLevel level, String levelRoman,
                        AlarmEvent.Status status, double value, double peakValue, String unit, double threshold,
                        Instant raisedAt, Instant updatedAt, String message) {
}
