package io.safetyhub.enterprise.hazard;

import io.safetyhub.platform.rest.DomainException;

/**
 * Life of a hazard (隐患), the self-check, self-report, self-rectify chain:
 * REPORTED -> RECTIFYING -> RECTIFIED (submitted for acceptance) -> CLOSED (销号), and RECTIFIED ->
 * REJECTED -> RECTIFYING when the acceptance fails. Who may take a step is decided by {@link HazardService}.
 */
public enum HazardStatus {
    REPORTED, RECTIFYING, RECTIFIED, REJECTED, CLOSED;

    /** The one place that says which steps exist. */
    public boolean allows(HazardStatus to) {
        return switch (this) {
            case REPORTED, REJECTED -> to == RECTIFYING;
            case RECTIFYING -> to == RECTIFIED;
            case RECTIFIED -> to == CLOSED || to == REJECTED;
            case CLOSED -> false;
        };
    }

    /** Refuses an illegal step with 409 ILLEGAL_TRANSITION. */
    public void requireAllows(HazardStatus to) {
        if (!allows(to)) {
            throw DomainException.conflict("ILLEGAL_TRANSITION", "a hazard cannot go from " + this + " to " + to);
        }
    }

    /** Not yet closed (销号): counts towards "dynamic zero" and can be overdue. */
    public boolean open() {
        return this != CLOSED;
    }
}
