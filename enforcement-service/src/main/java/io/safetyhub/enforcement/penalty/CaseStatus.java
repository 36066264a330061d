package io.safetyhub.enforcement.penalty;

import io.safetyhub.platform.rest.DomainException;

import java.util.EnumSet;
import java.util.Set;

/**
 * The states of a penalty case (行政处罚) and the only moves between them:
 * <pre>
 * FILED 立案 -> NOTIFIED 告知 -> [REVIEWED 法制审核] -> DECIDED 决定 -> EXECUTED 执行 -> CLOSED 结案
 *                                                      DECIDED, EXECUTED, CLOSED -> REVOKED 撤销
 * </pre>
 * Whether the legal review may be skipped depends on the amount ({@link PenaltyRules#legalReviewRequired}), not on
 * the state: NOTIFIED -> DECIDED is a legal move that the rules then check.
 */
public enum CaseStatus {
    FILED, NOTIFIED, REVIEWED, DECIDED, EXECUTED, CLOSED, REVOKED;

    public Set<CaseStatus> next() {
        return switch (this) {
            case FILED -> EnumSet.of(NOTIFIED);
            case NOTIFIED -> EnumSet.of(REVIEWED, DECIDED);
            case REVIEWED -> EnumSet.of(DECIDED);
            case DECIDED -> EnumSet.of(EXECUTED, REVOKED);
            case EXECUTED -> EnumSet.of(CLOSED, REVOKED);
            case CLOSED -> EnumSet.of(REVOKED);
            case REVOKED -> EnumSet.noneOf(CaseStatus.class);
        };
    }

    public boolean canMoveTo(CaseStatus to) {
        return next().contains(to);
    }

    /** 409 naming both states unless {@code this -> to} is a legal move. */
    public void requireMoveTo(CaseStatus to) {
        if (!canMoveTo(to)) {
            throw DomainException.conflict("INVALID_TRANSITION", "a case that is " + this + " cannot become " + to
                    + (next().isEmpty() ? "" : "; it can become " + next()));
        }
    }
}
