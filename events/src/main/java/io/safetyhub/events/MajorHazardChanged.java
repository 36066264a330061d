package io.safetyhub.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A major-hazard installation (重大危险源) as it now stands in enterprise-service's register; published on every
 * change to a compacted topic so that device-adapter can check a device's {@code hazardSourceId} against the
 * installations that exist. {@code change == DELETED} is followed by a tombstone.
 *
 * @param installationId the id devices carry as {@code hazardSourceId}, e.g. {@code MHS-chem-banan-01-01}
 * @param grade          GB 18218-2018 grade 1–4 when identified as a major hazard (S ≥ 1), else null
 */
public record MajorHazardChanged(
        UUID eventId,
        Instant occurredAt,
        String source,
        Change change,
        String installationId,
        String enterpriseId,
        String name,
        String district,
        Integer grade) {

    public enum Change { CREATED, UPDATED, DELETED }
}
