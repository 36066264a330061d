package io.safetyhub.enterprise.duty;

/** How often a 包保责任人 owes a duty check: one per calendar quarter, month or ISO week (Monday to Sunday). */
public enum DutyFrequency { QUARTERLY, MONTHLY, WEEKLY }
