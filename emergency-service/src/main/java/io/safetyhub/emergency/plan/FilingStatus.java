package io.safetyhub.emergency.plan;

import io.safetyhub.platform.rest.DomainException;

/** 备案: not filed, filed and awaiting the regulator, accepted, or returned for correction (and then filed again). */
public enum FilingStatus {
    NOT_FILED, FILED, ACCEPTED, RETURNED;

    /** 409 unless the step is legal: file from NOT_FILED or RETURNED; accept or return only what is FILED. */
    public FilingStatus moveTo(FilingStatus next) {
        boolean legal = switch (next) {
            case FILED -> this == NOT_FILED || this == RETURNED;
            case ACCEPTED, RETURNED -> this == FILED;
            case NOT_FILED -> false;
        };
        if (!legal) {
            String code = next == FILED && (this == FILED || this == ACCEPTED) ? "ALREADY_FILED" : "ILLEGAL_TRANSITION";
            throw DomainException.conflict(code, "a plan whose filing is " + this + " cannot become " + next);
        }
        return next;
    }
}
