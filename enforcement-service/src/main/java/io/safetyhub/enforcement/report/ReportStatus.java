package io.safetyhub.enforcement.report;

import io.safetyhub.platform.rest.DomainException;

import java.util.Set;

/**
 * A report's handling, as one explicit state machine:
 * <pre>
 * RECEIVED --triage--> ACCEPTED --inspection linked--> VERIFYING --outcome--> FOUNDED --reward--> REWARDED
 *          --triage--> REJECTED (不予受理)     ACCEPTED/VERIFYING --outcome--> UNFOUNDED
 * </pre>
 */
public enum ReportStatus {
    RECEIVED, ACCEPTED, REJECTED, VERIFYING, FOUNDED, UNFOUNDED, REWARDED;

    public Set<ReportStatus> next() {
        return switch (this) {
            case RECEIVED -> Set.of(ACCEPTED, REJECTED);
            case ACCEPTED -> Set.of(VERIFYING, FOUNDED, UNFOUNDED);
            case VERIFYING -> Set.of(FOUNDED, UNFOUNDED);
            case FOUNDED -> Set.of(REWARDED);
            case REJECTED, UNFOUNDED, REWARDED -> Set.of();
        };
    }

    /** 409 {@code INVALID_TRANSITION} unless {@code to} follows this state. */
    public void requireMoveTo(ReportStatus to) {
        if (!next().contains(to)) {
            throw DomainException.conflict("INVALID_TRANSITION", "a " + this + " report cannot become " + to
                    + (next().isEmpty() ? " (its handling is over)" : "; it can become " + next()));
        }
    }

    /** The reporter may still add information: the handling is not over. */
    public boolean open() {
        return !next().isEmpty() && this != FOUNDED;
    }
}
