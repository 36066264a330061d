package io.safetyhub.warning.alarm;

import io.safetyhub.events.AlarmEvent;
import io.safetyhub.events.AlarmLevel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One alarm as stored (never sent over REST). Its id is derived from the reading that raised it, so a
 * replayed reading finds the alarm it already raised instead of raising a second one.
 *
 * @param hazardSourceId  major hazard source the raising device watches, for the two-detector level I rule
 * @param lastReadingAt   source time of the last reading applied; older or equal ones are replays
 * @param triggerKey      idempotency key of the last reading applied
 * @param suppressed      raised while the device was shelved for maintenance: recorded, not notified
 * @param escalationStage 0 enterprise, 1 town regulator, 2 district regulator
 * @param lastNotifiedAt  when the current stage was last notified; the acknowledge deadline runs from here
 * @param trail           every status transition with who and when (audit)
 */
public record Alarm(String id, String deviceId, String deviceKind, String enterpriseId, String hazardSourceId,
                    String ruleId, String metric, AlarmEvent.Kind kind, AlarmLevel level, AlarmEvent.Status status,
                    double value, double peakValue, String unit, double threshold, Instant raisedAt,
                    Instant updatedAt, Instant lastReadingAt, String triggerKey, String message, boolean suppressed,
                    int escalationStage, Instant lastNotifiedAt, String closeCause, List<Transition> trail) {

    /** One audited step of the alarm's life. */
    public record Transition(String action, AlarmEvent.Status from, AlarmEvent.Status to, String by, Instant at,
                             String note) {
    }

    public Alarm {
        trail = List.copyOf(trail);
    }

    public static String idFor(String deviceId, String ruleId, Instant raisedAt) {
        return deviceId + "|" + ruleId + "|" + raisedAt.toEpochMilli();
    }

    /** True while the condition is present: the engine may still raise its level or clear it. */
    public boolean conditionPresent() {
        return status == AlarmEvent.Status.ACTIVE || status == AlarmEvent.Status.ACKNOWLEDGED;
    }

    public String slot() {
        return deviceId + "|" + ruleId;
    }

    Alarm worsened(AlarmLevel newLevel, double newThreshold, double newValue, Instant at, Instant readingAt,
                   String key, String msg) {
        return new Alarm(id, deviceId, deviceKind, enterpriseId, hazardSourceId, ruleId, metric, kind, newLevel,
                status, newValue, Math.max(peakValue, newValue), unit, newThreshold, raisedAt, at, readingAt, key, msg,
                suppressed, escalationStage, lastNotifiedAt, closeCause, trail);
    }

    Alarm updatedValue(double newValue, Instant at, Instant readingAt, String key) {
        return new Alarm(id, deviceId, deviceKind, enterpriseId, hazardSourceId, ruleId, metric, kind, level, status,
                newValue, Math.max(peakValue, newValue), unit, threshold, raisedAt, at, readingAt, key, message,
                suppressed, escalationStage, lastNotifiedAt, closeCause, trail);
    }

    Alarm moved(String action, AlarmEvent.Status to, String by, Instant at, String note, String cause) {
        List<Transition> t = new ArrayList<>(trail);
        t.add(new Transition(action, status, to, by, at, note));
        return new Alarm(id, deviceId, deviceKind, enterpriseId, hazardSourceId, ruleId, metric, kind, level, to,
                value, peakValue, unit, threshold, raisedAt, at, lastReadingAt, triggerKey, message, suppressed,
                escalationStage, lastNotifiedAt, cause != null ? cause : closeCause, t);
    }

    /** One step up, recorded on the trail like every status move; the note names the audience (and who is on duty). */
    Alarm escalated(int stage, Instant at) {
        return escalated(stage, at, AlarmMapper.audience(stage));
    }

    Alarm escalated(int stage, Instant at, String note) {
        List<Transition> t = new ArrayList<>(trail);
        t.add(new Transition("ESCALATE", status, status, "system", at, note));
        return new Alarm(id, deviceId, deviceKind, enterpriseId, hazardSourceId, ruleId, metric, kind, level, status,
                value, peakValue, unit, threshold, raisedAt, at, lastReadingAt, triggerKey, message, suppressed,
                stage, at, closeCause, t);
    }

    /** When the trail first reached one of the given statuses, or null. */
    public Instant firstReached(AlarmEvent.Status... statuses) {
        for (Transition t : trail) {
            for (AlarmEvent.Status s : statuses) {
                if (t.to() == s) {
                    return t.at();
                }
            }
        }
        return null;
    }
}
