package io.safetyhub.enterprise.hazard;

/** Hazard grade; not to be confused with alarm level or risk colour. */
public enum HazardGrade {
    /** 一般隐患: the enterprise closes it itself. */
    GENERAL,
    /** 重大事故隐患: only a regulator closes it; tracked to zero (动态清零). */
    MAJOR
}
