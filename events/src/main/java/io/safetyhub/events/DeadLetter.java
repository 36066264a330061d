package io.safetyhub.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A device payload that could not become a {@link Reading}, kept with the raw bytes (as UTF-8 text)
 * and the reason so that nothing is dropped silently.
 *
 * @param origin where it came from, e.g. the MQTT topic or the OPC UA endpoint and node id
 * @param reason a stable code, one of the schema's enum: BAD_JSON, MISSING_FIELD, UNKNOWN_UNIT, NON_FINITE, UNKNOWN_DEVICE, FUTURE_TIMESTAMP, TOO_MANY_READINGS …
 */
public record DeadLetter(
        UUID eventId,
        Instant occurredAt,
        String source,
        String origin,
        String deviceId,
        String reason,
        String detail,
        String rawPayload) {
}
