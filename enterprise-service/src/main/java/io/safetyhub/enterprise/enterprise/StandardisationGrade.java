package io.safetyhub.enterprise.enterprise;

/** Work-safety standardisation grade (安全生产标准化等级). */
public enum StandardisationGrade {
    /** 一级 */
    GRADE_1,
    /** 二级 */
    GRADE_2,
    /** 三级 */
    GRADE_3,
    /** Not graded. */
    NONE
}
