package io.safetyhub.adapter.credential;

/** A CDI event fired after a device's credentials changed on this replica: its live connection must log in again. */
public record CredentialsChanged(String deviceId) {
}
