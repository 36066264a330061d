package io.safetyhub.warning.alarm;

import io.safetyhub.events.AlarmEvent;

/** What the engine did to an alarm; the notification side reacts to this, rules never send anything. */
public record AlarmChange(Alarm alarm, AlarmEvent.Change change) {
}
