package io.safetyhub.warning.notify;

import io.safetyhub.warning.alarm.AlarmView;

/**
 * One way of telling people about an alarm change; every enabled channel gets every notice, from its own worker
 * thread ({@link ChannelWorker}), which retries a send that throws.
 */
public interface NotificationChannel {

    /** Names the channel in logs, metrics and its worker thread. */
    String name();

    /** A channel not configured gets no worker at all. */
    boolean enabled();

    /**
     * @param change   what happened (RAISED, LEVEL_RAISED, ESCALATED, ACKNOWLEDGED, CLEARED, CLOSED)
     * @param audience who must act now: ENTERPRISE, TOWN_REGULATOR or DISTRICT_REGULATOR
     */
    void send(String change, String audience, AlarmView alarm);
}
