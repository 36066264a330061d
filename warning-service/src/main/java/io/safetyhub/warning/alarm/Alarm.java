package io.safetyhub.warning.alarm;

import io.safetyhub.events.AlarmEvent;
import io.safetyhub.events.AlarmLevel;

import java.time.Instant;

/**
 * One alarm as stored (never sent over REST). Its id is derived from the reading that raised it, so a
 * replayed reading finds the alarm it already raised instead of raising a second one.
 *
 * @param triggerKey idempotency key of the last reading applied, to skip exact replays
 */
public record Alarm(String id, String deviceId, String deviceKind, String enterpriseId, String ruleId,
                    String metric, AlarmEvent.Kind kind, AlarmLevel level, AlarmEvent.Status status,
                    double value, double peakValue, String unit, double threshold, Instant raisedAt,
                    Instant updatedAt, String triggerKey, String message) {

    public static String idFor(String deviceId, String ruleId, Instant raisedAt) {
        return deviceId + "|" + ruleId + "|" + raisedAt.toEpochMilli();
    }

    Alarm worsened(AlarmLevel newLevel, double newThreshold, double newValue, Instant at, String key, String msg) {
        return new Alarm(id, deviceId, deviceKind, enterpriseId, ruleId, metric, kind, newLevel, status, newValue,
                Math.max(peakValue, newValue), unit, newThreshold, raisedAt, at, key, msg);
    }

    Alarm updatedValue(double newValue, Instant at, String key) {
        return new Alarm(id, deviceId, deviceKind, enterpriseId, ruleId, metric, kind, level, status, newValue,
                Math.max(peakValue, newValue), unit, threshold, raisedAt, at, key, message);
    }
}
