package io.safetyhub.enterprise.riskpoint;

/** How a risk point is graded; the enterprise picks one per point. */
public enum GradingMethod {
    /** 作业条件危险性评价法: D = L × E × C. */
    LEC,
    /** 风险矩阵法: R = L × S. */
    LS
}
