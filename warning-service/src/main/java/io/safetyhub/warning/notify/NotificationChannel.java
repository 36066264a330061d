package io.safetyhub.warning.notify;

import io.safetyhub.warning.alarm.AlarmView;

import java.util.List;

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

    /**
     * Who receives this notice on this channel (issue 23 item 4: recipient groups); each target is attempted, retried
     * and recorded on its own. Empty: nobody listens for this audience here, the notice is recorded as DROPPED. A
     * channel with one fixed receiver (the webhook) has one target, itself.
     */
    default List<Target> targets(String audience, AlarmView alarm) {
        return List.of(new Target(name(), List.of(), List.of(name())));
    }

    /** Sends to one of {@link #targets}; throws when the receiver did not accept it (the worker retries). */
    default void send(String change, String audience, AlarmView alarm, Target target) {
        send(change, audience, alarm);
    }
}
