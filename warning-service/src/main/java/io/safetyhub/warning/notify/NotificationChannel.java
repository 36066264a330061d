package io.safetyhub.warning.notify;

import io.safetyhub.warning.alarm.AlarmView;

/** One way of telling people about an alarm change; every channel gets every notice. */
public interface NotificationChannel {

    /**
     * @param change   what happened (RAISED, LEVEL_RAISED, ESCALATED, ACKNOWLEDGED, CLEARED, CLOSED)
     * @param audience who must act now: ENTERPRISE, TOWN_REGULATOR or DISTRICT_REGULATOR
     */
    void send(String change, String audience, AlarmView alarm);
}
