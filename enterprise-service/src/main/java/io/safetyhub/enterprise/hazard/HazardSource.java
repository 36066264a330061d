package io.safetyhub.enterprise.hazard;

/** How a hazard came to be known. */
public enum HazardSource {
    /** 企业自查 */
    SELF_CHECK,
    /** 监管检查 */
    REGULATOR_INSPECTION,
    /** 群众举报 */
    PUBLIC_REPORT
}
