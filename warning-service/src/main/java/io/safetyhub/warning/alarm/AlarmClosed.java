package io.safetyhub.warning.alarm;

/**
 * Fired (synchronously, CDI) by the alarm's owner once a close is decided and stored in memory, before it is
 * relayed: what opens the regulator's verification of the disposal.
 */
public record AlarmClosed(Alarm alarm) {
}
