package io.safetyhub.enterprise.checks;

/** Where a check instance stands. */
public enum CheckStatus {
    /** Due and not yet recorded (overdue once its due time has passed). */
    OPEN,
    /** Checked, everything in order. */
    DONE,
    /** Checked, the measure is not in place: a hazard was opened (自查自报). */
    FAILED
}
