package io.safetyhub.enterprise.commitment;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One version of an enterprise's commitment for one day, as stored and shown. Version 1 is the day's
 * commitment; later versions are corrections, the earlier ones kept.
 */
public record Commitment(String enterpriseId, LocalDate date, int version, boolean allHazardSourcesUnderControl,
                         int hazardSourceCount, SpecialOperations specialOperations, boolean equipmentUnderRepair,
                         String repairNote, String signedBy, String note, Instant postedAt, String postedBy) {
}
