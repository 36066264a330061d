package io.safetyhub.warning.alarm;

import io.safetyhub.events.AlarmEvent;
import io.safetyhub.events.AlarmLevel;
import io.safetyhub.warning.enterprise.TenantScope;

/**
 * Which alarms a list or a statistic reads: those of the enterprises within reach, narrowed by whichever of
 * status, level and enterprise are set.
 */
public record AlarmFilter(TenantScope.Reach reach, AlarmEvent.Status status, AlarmLevel level, String enterpriseId) {

    public static AlarmFilter within(TenantScope.Reach reach) {
        return new AlarmFilter(reach, null, null, null);
    }

    /** The filter's meaning, which every {@link AlarmRepository} implements. */
    public boolean test(Alarm a) {
        return reach.includes(a.enterpriseId()) && (status == null || status == a.status())
                && (level == null || level == a.level())
                && (enterpriseId == null || enterpriseId.equals(a.enterpriseId()));
    }
}
