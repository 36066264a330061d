package io.safetyhub.emergency.accident;

import io.safetyhub.platform.rest.DomainException;

/** An accident's life: reported, under investigation (事故调查), closed (结案). Only forward, one step at a time. */
public enum AccidentStatus {
    REPORTED, INVESTIGATING, CLOSED;

    /** 409 {@code ILLEGAL_TRANSITION} unless {@code next} directly follows this status. */
    public AccidentStatus moveTo(AccidentStatus next) {
        boolean legal = switch (this) {
            case REPORTED -> next == INVESTIGATING;
            case INVESTIGATING -> next == CLOSED;
            case CLOSED -> false;
        };
        if (!legal) {
            throw DomainException.conflict("ILLEGAL_TRANSITION", "an accident " + this + " cannot become " + next);
        }
        return next;
    }
}
