package io.safetyhub.events;

import java.time.Instant;
import java.util.UUID;

/** A device went online or offline, and why. */
public record DeviceStatus(
        UUID eventId,
        Instant occurredAt,
        String source,
        String deviceId,
        String enterpriseId,
        String deviceKind,
        boolean online,
        Cause cause,
        Instant lastSeenAt) {

    public enum Cause {
        /** The device published on its {@code status} topic. */
        STATUS_MESSAGE,
        /** The broker published the device's last will: its connection dropped. */
        LAST_WILL,
        /** Nothing arrived for longer than allowed by the device's publishing interval. */
        SILENT,
        /** The OPC UA session or subscription carrying the device's data was lost. */
        SESSION_LOST
    }
}
