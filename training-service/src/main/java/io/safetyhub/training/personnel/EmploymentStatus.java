package io.safetyhub.training.personnel;

/** Whether the person currently works at the enterprise; only EMPLOYED people count in compliance figures. */
public enum EmploymentStatus {
    EMPLOYED, ON_LEAVE, LEFT
}
