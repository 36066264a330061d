package io.safetyhub.enterprise.riskpoint;

/** How often a check task falls due (日周月 排查). */
public enum CheckFrequency {
    /** 每班: three eight-hour shifts a day from midnight (platform zone). */
    PER_SHIFT,
    /** 每日 */
    DAILY,
    /** 每周, Monday to Sunday */
    WEEKLY,
    /** 每月 */
    MONTHLY
}
