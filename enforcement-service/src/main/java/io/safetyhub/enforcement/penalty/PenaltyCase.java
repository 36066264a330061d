package io.safetyhub.enforcement.penalty;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A penalty case (行政处罚案件) against an enterprise, moving through {@link CaseStatus}.
 *
 * @param violation      the catalogue entry as it stood when the case was filed
 * @param party          the person named as party's representative (法定代表人), masked on the public posting
 * @param proposedAmount the fine the party was notified of (告知), in yuan
 */
public record PenaltyCase(String id, String enterpriseId, String enterpriseName, String district, String town,
                          String inspectionId, List<String> findingIds, Violation violation, String facts, String party,
                          CaseStatus status, Long proposedAmount, LocalDate notifiedOn, Review review, Decision decision,
                          Execution execution, LocalDate closedOn, Revocation revocation, String filedBy,
                          Instant filedAt) {

    public PenaltyCase {
        findingIds = findingIds == null ? List.of() : List.copyOf(findingIds);
    }

    /** The legal review (法制审核): who reviewed, approved or not, and the opinion. */
    public record Review(String reviewer, boolean approved, String opinion, Instant at) {
    }

    /** The decision (行政处罚决定书): its number, unique in the district and year, and the fine. */
    public record Decision(String number, int year, long amount, LocalDate decidedOn, String decidedBy) {
    }

    /** The decision carried out (执行): the fine paid. */
    public record Execution(LocalDate paidOn, String receiptNumber, String note) {
    }

    public record Revocation(String reason, String by, Instant at) {
    }

    /** What an enterprise sees of its own case: everything but the internal legal-review opinion. */
    public PenaltyCase forEnterprise() {
        return new PenaltyCase(id, enterpriseId, enterpriseName, district, town, inspectionId, findingIds, violation, facts,
                party, status, proposedAmount, notifiedOn, null, decision, execution, closedOn, revocation, filedBy, filedAt);
    }
}
