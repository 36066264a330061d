package io.safetyhub.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Something a device reports about itself on its MQTT {@code event} channel, as opposed to a measured value: its own
 * alarm flag, a fault of the detector, a crane's limiter cutting off a movement, a valve closing, and the return to
 * normal. Published by device-adapter on {@code device.events.v1}, key = deviceId, so that the warning service can
 * raise, annotate and clear alarms on what the device itself says.
 *
 * @param event           what happened
 * @param level           the level the device reports (its alarm flag's grade), or null when it reports none
 * @param detail          the device's own words (a fault code, which limiter), or null
 * @param sourceTimestamp when the device says it happened ({@code ts} of the payload)
 * @param receivedAt      when device-adapter received it
 */
public record DeviceEvent(
        UUID eventId,
        Instant occurredAt,
        String source,
        String deviceId,
        String enterpriseId,
        String deviceKind,
        String hazardSourceId,
        Type event,
        AlarmLevel level,
        String detail,
        Instant sourceTimestamp,
        Instant receivedAt) {

    public DeviceEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(sourceTimestamp, "sourceTimestamp");
    }

    /** What the device reports; on the MQTT wire in lower case ({@code limiter_cutoff}). */
    public enum Type {
        /** The device's own alarm flag is set (a gas alarm sounding). */
        ALARM,
        /** The device reports a fault of itself (sensor failure, low battery cut-off…). */
        FAULT,
        /** A crane's limiter cut off a movement (overload, moment, height, slew, wind). */
        LIMITER_CUTOFF,
        /** A valve driven by the device closed (a gas alarm's shut-off valve). */
        VALVE_CLOSED,
        /** The device reports it is back to normal: what it raised is over. */
        RECOVERED
    }

    /** Key under which a replayed device event is recognised: the same device, event and source time. */
    public String idempotencyKey() {
        return deviceId + "|" + event + "|" + sourceTimestamp.toEpochMilli();
    }
}
