package io.safetyhub.emergency.drill;

import io.safetyhub.platform.rest.DomainException;

/** Planned, held, evaluated (评估): forward only. */
public enum DrillStatus {
    PLANNED, HELD, EVALUATED;

    public DrillStatus moveTo(DrillStatus next) {
        if (next.ordinal() != ordinal() + 1) {
            throw DomainException.conflict("ILLEGAL_TRANSITION", "a drill " + this + " cannot become " + next);
        }
        return next;
    }
}
