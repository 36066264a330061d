package io.safetyhub.enforcement.report;

import java.time.Instant;
import java.util.List;

/** What each audience sees of a report: never the sealed reporter or the secret's hash. */
public final class ReportViews {
    private ReportViews() {
    }

    /** The reporter's view through code and secret: where the handling stands and how it ended, nothing more. */
    public record Tracking(String trackingCode, ReportStatus status, Instant receivedAt, Instant updatedAt,
                           Boolean founded, String outcomeNote, Long rewardAmount, int additions) {
        public static Tracking of(Report r) {
            return new Tracking(r.trackingCode(), r.status(), r.receivedAt(), r.updatedAt(),
                    r.outcome() == null ? null : r.outcome().founded(), r.outcome() == null ? null : r.outcome().note(),
                    r.reward() == null ? null : r.reward().amount(), r.additions().size());
        }
    }

    /** The handlers' and regulators' view; who reported is only behind {@code /reporter}. */
    public record Handling(String id, String trackingCode, ReportStatus status, ReportCategory category, String text,
                           String enterpriseId, String enterpriseName, String place, String district, String town,
                           boolean internal, boolean anonymous, List<Report.Photo> photos, List<Report.Addition> additions,
                           String handler, String triageNote, String inspectionId, Report.Outcome outcome,
                           Report.Reward reward, Instant receivedAt, Instant updatedAt) {
        public static Handling of(Report r) {
            return new Handling(r.id(), r.trackingCode(), r.status(), r.category(), r.text(), r.enterpriseId(),
                    r.enterpriseName(), r.place(), r.district(), r.town(), r.internal(), r.anonymous(), r.photos(),
                    r.additions(), r.handler(), r.triageNote(), r.inspectionId(), r.outcome(), r.reward(), r.receivedAt(),
                    r.updatedAt());
        }
    }
}
