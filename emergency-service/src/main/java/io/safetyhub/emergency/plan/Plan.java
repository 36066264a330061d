package io.safetyhub.emergency.plan;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An emergency plan (应急预案, {@code plans}) of an enterprise, or of the district when {@code enterpriseId} is null.
 * {@code version} is the plan's own edition label ("2026版"); a new edition (a new {@code publishedOn}) must be filed
 * again.
 */
public record Plan(String id, String enterpriseId, String enterpriseName, String district, String town, String title,
                   PlanKind kind, String version, LocalDate publishedOn, LocalDate reviewedOn, Filing filing,
                   Document document, Instant updatedAt, String updatedBy) {

    /** 备案 and the regulator's answer. */
    public record Filing(FilingStatus status, LocalDate filedOn, String filedBy, LocalDate decidedOn, String decidedBy,
                         String remark) {
        public static Filing none() {
            return new Filing(FilingStatus.NOT_FILED, null, null, null, null, null);
        }
    }

    /** The plan's text, a PDF in GridFS bucket {@code plan-documents}. */
    public record Document(String fileId, String fileName, long size, String sha256, Instant uploadedAt, String uploadedBy) {
    }

    public Plan with(Filing f, Document d, Instant at, String by) {
        return new Plan(id, enterpriseId, enterpriseName, district, town, title, kind, version, publishedOn, reviewedOn, f, d,
                at, by);
    }
}
