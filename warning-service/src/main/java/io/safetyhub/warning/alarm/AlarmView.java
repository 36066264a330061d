package io.safetyhub.warning.alarm;

import io.safetyhub.events.AlarmEvent;
import io.safetyhub.events.AlarmLevel;

import java.time.Instant;
import java.util.List;

/**
 * An alarm as callers see it. {@code levelRoman} is the I–IV numbering used on Chinese warning notices;
 * {@code district} and {@code town} are the enterprise's (null when the registry has not told this service);
 * {@code escalatedTo} is who is being notified now (ENTERPRISE, TOWN_REGULATOR, DISTRICT_REGULATOR).
 */
public record AlarmView(String id, String enterpriseId, String district, String town, String deviceId, String deviceKind,
                        String hazardSourceId, String ruleId, String metric, AlarmEvent.Kind kind, AlarmLevel level,
                        String levelRoman, AlarmEvent.Status status, double value, double peakValue, String unit,
                        double threshold, Instant raisedAt, Instant updatedAt, String message, boolean suppressed,
                        String escalatedTo, String closeCause, List<TransitionView> trail) {

    /** One audited transition. */
    public record TransitionView(String action, AlarmEvent.Status from, AlarmEvent.Status to, String by, Instant at,
                                 String note) {
    }
}
