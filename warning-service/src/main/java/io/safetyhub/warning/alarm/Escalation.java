package io.safetyhub.warning.alarm;

import java.time.Instant;

/** The one way outside this package to move an alarm's escalation stage (the record's withers are package-private). */
public final class Escalation {
    /** The district regulator: re-notified there while the condition is present, never further. */
    public static final int LAST_STAGE = 2;

    private Escalation() {
    }

    public static Alarm escalate(Alarm alarm, int stage, Instant at) {
        return alarm.escalated(stage, at);
    }
}
