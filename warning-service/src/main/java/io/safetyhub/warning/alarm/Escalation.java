package io.safetyhub.warning.alarm;

import java.time.Instant;

/** The one way outside this package to move an alarm's escalation stage (the record's withers are package-private). */
public final class Escalation {
    /** The district regulator: re-notified there while the condition is present, never further. */
    public static final int LAST_STAGE = 2;

    private Escalation() {
    }

    /**
     * Moves the alarm to the stage, recording who was on duty: the ESCALATE step's note is the audience, then
     * {@code ": "} and the duty summary ({@code TOWN_REGULATOR: 南彭街道值班：李明 138****0011}).
     */
    public static Alarm escalate(Alarm alarm, int stage, Instant at, String onDuty) {
        String audience = AlarmMapper.audience(stage);
        return alarm.escalated(stage, at, onDuty == null || onDuty.isBlank() ? audience : audience + ": " + onDuty);
    }
}
