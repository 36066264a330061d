package io.safetyhub.warning.alarm;

import io.safetyhub.events.AlarmEvent;
import io.safetyhub.warning.enterprise.EnterpriseDirectory;

import java.time.Instant;
import java.util.UUID;

/** Converts stored alarms into what callers and listeners see. */
public final class AlarmMapper {
    private static final String[] AUDIENCE = {"ENTERPRISE", "TOWN_REGULATOR", "DISTRICT_REGULATOR"};

    private AlarmMapper() {
    }

    public static String audience(int stage) {
        return AUDIENCE[Math.max(0, Math.min(stage, AUDIENCE.length - 1))];
    }

    public static AlarmView toView(Alarm a, String district) {
        return toView(a, new EnterpriseDirectory.Place(district, null));
    }

    public static AlarmView toView(Alarm a, EnterpriseDirectory.Place place) {
        return new AlarmView(a.id(), a.enterpriseId(), place.district(), place.town(), a.deviceId(), a.deviceKind(),
                a.hazardSourceId(),
                a.ruleId(), a.metric(), a.kind(), a.level(), a.level().roman(), a.status(), a.value(), a.peakValue(),
                a.unit(), a.threshold(), a.raisedAt(), a.updatedAt(), a.message(), a.suppressed(),
                audience(a.escalationStage()), a.closeCause(),
                a.trail().stream().map(t -> new AlarmView.TransitionView(t.action(), t.from(), t.to(), t.by(), t.at(),
                        t.note())).toList());
    }

    /**
     * The event of one change, built at {@code now} (its {@code occurredAt}). Its {@code decidedAt} is the alarm's
     * {@code updatedAt} as of the change: every decision (the engine's raise, raise further or clear, the lifecycle's
     * moves, escalation) stamps it with the deciding clock before anything is stored or published.
     */
    public static AlarmEvent toEvent(AlarmChange change, String district, String source, Instant now) {
        Alarm a = change.alarm();
        return new AlarmEvent(UUID.randomUUID(), now, source, a.id(), change.change(), a.kind(), a.level(), a.status(),
                a.enterpriseId(), district, a.deviceId(), a.deviceKind(), a.ruleId(), a.metric(), a.value(), a.unit(),
                a.threshold(), a.raisedAt(), a.message(), a.updatedAt());
    }
}
