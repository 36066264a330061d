package io.safetyhub.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One measured value of one metric of one device, normalised by device-adapter to the canonical
 * metric name and unit of domain.md.
 *
 * @param hazardSourceId major hazard source (重大危险源) the device watches, or null
 * @param gas            gas named by a toxic/combustible detector (H2S, NH3, CO…), or null
 */
public record Reading(
        UUID eventId,
        Instant occurredAt,
        String source,
        String deviceId,
        String enterpriseId,
        String deviceKind,
        String hazardSourceId,
        String metric,
        double value,
        String unit,
        String gas,
        Instant sourceTimestamp,
        Instant receivedAt,
        Quality quality) {

    public Reading {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(sourceTimestamp, "sourceTimestamp");
    }

    /** Key under which a replayed reading is recognised: the same device, metric and source time. */
    public String idempotencyKey() {
        return deviceId + "|" + metric + "|" + sourceTimestamp.toEpochMilli();
    }
}
