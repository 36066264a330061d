package io.safetyhub.enforcement.posting;

import java.time.LocalDate;

/**
 * The public posting (执法公示) of a penalty decision, personal data already masked.
 * <pre>
 * PENDING --published by a regulator, or by the job on dueBy at the latest--> POSTED
 * PENDING, POSTED --decision revoked--> WITHDRAWN
 * </pre>
 *
 * @param dueBy the last day it may go public: {@code enforcement.posting.working-days} working days after the decision
 */
public record Posting(String id, String caseId, String enterpriseId, String enterpriseName, String district, String town,
                      String decisionNumber, String violationTitle, String article, String facts, String party,
                      long amount, LocalDate decidedOn, LocalDate dueBy, Status status, LocalDate postedOn,
                      String withdrawReason, LocalDate withdrawnOn) {

    public enum Status { PENDING, POSTED, WITHDRAWN }
}
