package io.safetyhub.emergency.plan;

/** 应急管理部令第2号 第六条. */
public enum PlanKind {
    /** 综合应急预案 */
    COMPREHENSIVE,
    /** 专项应急预案 */
    SPECIAL,
    /** 现场处置方案 */
    ON_SITE
}
