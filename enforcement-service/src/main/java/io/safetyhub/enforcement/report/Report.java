package io.safetyhub.enforcement.report;

import java.time.Instant;
import java.util.List;

/**
 * A public report (举报), as stored in {@code reports}. The reporter's identity and contact are only ever here
 * sealed ({@link ReporterVault}); the tracking secret only as its SHA-256.
 *
 * @param sealedReporter null for an anonymous report
 * @param handler        the handler (举报受理人) who triaged it; the only one who may read the reporter afterwards
 */
public record Report(String id, String trackingCode, String secretHash, ReportStatus status, ReportCategory category,
                     String text, String enterpriseId, String enterpriseName, String place, String district, String town,
                     boolean internal, String sealedReporter, List<Photo> photos, List<Addition> additions,
                     String handler, String triageNote, String inspectionId, Outcome outcome, Reward reward,
                     Instant receivedAt, Instant updatedAt) {

    public Report {
        photos = photos == null ? List.of() : List.copyOf(photos);
        additions = additions == null ? List.of() : List.copyOf(additions);
    }

    public boolean anonymous() {
        return sealedReporter == null;
    }

    /** A photo kept in GridFS ({@code report_photos}); the type is the one detected from its bytes. */
    public record Photo(String id, String name, String contentType, long size, String sha256) {
    }

    /** Information the reporter added later through the tracking code. */
    public record Addition(Instant at, String text, List<Photo> photos) {
        public Addition {
            photos = photos == null ? List.of() : List.copyOf(photos);
        }
    }

    public record Outcome(boolean founded, String note, String decidedBy, Instant at) {
    }

    /**
     * @param basis  FINE (15 % of {@code fine}) or CONCEALED_ACCIDENT ({@code deaths} × the grade's amount)
     * @param caseId the penalty case whose decided fine it is computed from
     */
    public record Reward(long amount, String basis, String caseId, Long fine, RewardRules.AccidentGrade accidentGrade,
                         Integer deaths, boolean internal, String decidedBy, Instant at) {
    }
}
