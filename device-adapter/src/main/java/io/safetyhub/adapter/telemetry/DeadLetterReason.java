package io.safetyhub.adapter.telemetry;

/** Why a device payload (or one entry of it) became a dead letter; the codes of {@code dead-letter.v1.json}. */
public enum DeadLetterReason {
    /** Not JSON, or not a JSON object. */
    BAD_JSON,
    /** A required field is absent or null. */
    MISSING_FIELD,
    /** A unit the adapter cannot convert to the metric's canonical unit, or a metric with no canonical unit. */
    UNKNOWN_UNIT,
    /** NaN or an infinite value. */
    NON_FINITE,
    /** A device kind (or, with the registry, a device) the platform does not know. */
    UNKNOWN_DEVICE,
    /** A topic outside the MQTT contract. */
    BAD_TOPIC,
    /** A field of the wrong type or format (a string value, an unparseable timestamp). */
    BAD_VALUE,
    /** A {@code ts} further ahead of the adapter's clock than {@code adapter.payload.max-future-skew} (issue 15). */
    FUTURE_TIMESTAMP,
    /** More readings in one message than {@code adapter.payload.max-readings}. */
    TOO_MANY_READINGS
}
