package io.safetyhub.emergency.accident;

/**
 * The four grades of 《生产安全事故报告和调查处理条例》(国务院令第493号) 第三条, lowest first: the order is the
 * order of severity, so the higher of two grades is the one with the larger ordinal.
 */
public enum AccidentGrade {
    /** 一般事故 */
    GENERAL,
    /** 较大事故 */
    LARGER,
    /** 重大事故 */
    MAJOR,
    /** 特别重大事故 */
    EXTRAORDINARY;

    public AccidentGrade atLeast(AccidentGrade other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
