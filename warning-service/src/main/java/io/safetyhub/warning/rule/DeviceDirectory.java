package io.safetyhub.warning.rule;

import java.util.Optional;

/** Which enterprise a device reports for, as far as this service has heard it (readings since start). */
public interface DeviceDirectory {

    /** The enterprise of the device's latest reading; empty for a device not heard from since start. */
    Optional<String> enterpriseOf(String deviceId);
}
