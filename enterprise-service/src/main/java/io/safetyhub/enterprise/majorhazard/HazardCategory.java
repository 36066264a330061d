package io.safetyhub.enterprise.majorhazard;

import java.math.BigDecimal;

/**
 * The hazard categories of GB 18218-2018 for substances not named in its 表1: each with its threshold quantity Q
 * (表2 危险化学品类别及其临界量) and its correction factor β (表4 未在表3中列举的危险化学品校正系数β取值表).
 * Where several categories fit one substance, the standard takes the lowest Q (4.1.2); the caller names the one.
 */
public enum HazardCategory {
    /** 急性毒性 类别1, 所有暴露途径, 气体. */
    J1("表2 J1 / 表4 J1", "5", "4"),
    /** 急性毒性 类别1, 所有暴露途径, 固体、液体. */
    J2("表2 J2 / 表4 J2", "50", "1"),
    /** 急性毒性 类别2、类别3, 所有暴露途径, 气体. */
    J3("表2 J3 / 表4 J3", "50", "2"),
    /** 急性毒性 类别2、类别3, 吸入途径, 液体 (沸点 ≤ 35 ℃). */
    J4("表2 J4 / 表4 J4", "50", "2"),
    /** 急性毒性 类别2, 所有暴露途径, 液体 (除 J4 外)、固体 (the text found names 类别2 only; the threshold is the same). */
    J5("表2 J5 / 表4 J5", "500", "1"),
    /** 爆炸物: 不稳定爆炸物, 1.1项爆炸物. */
    W1_1("表2 W1.1 / 表4 W1.1", "1", "2"),
    /** 爆炸物: 1.2、1.3、1.5、1.6项爆炸物. */
    W1_2("表2 W1.2 / 表4 W1.2", "10", "2"),
    /** 爆炸物: 1.4项爆炸物. */
    W1_3("表2 W1.3 / 表4 W1.3", "50", "2"),
    /** 易燃气体 类别1和类别2. */
    W2("表2 W2 / 表4 W2", "10", "1.5"),
    /** 气溶胶 类别1和类别2 (净重). */
    W3("表2 W3 / 表4 W3", "150", "1"),
    /** 氧化性气体 类别1: 50 t (2018 表2; 200 t was the 2009 edition's figure; 表1's oxygen, 200 t, is a named substance). */
    W4("表2 W4 / 表4 W4", "50", "1"),
    /** 易燃液体: 类别1; 类别2和3, 工作温度高于沸点. */
    W5_1("表2 W5.1 / 表4 W5.1", "10", "1.5"),
    /** 易燃液体: 类别2和3, 具有引发重大事故的特殊工艺条件, 包括危险化工工艺、爆炸极限范围或附近操作、操作压力大于1.6 MPa等. */
    W5_2("表2 W5.2 / 表4 W5.2", "50", "1"),
    /** 易燃液体: 不属于 W5.1 或 W5.2 的其他类别2. */
    W5_3("表2 W5.3 / 表4 W5.3", "1000", "1"),
    /** 易燃液体: 不属于 W5.1 或 W5.2 的其他类别3. */
    W5_4("表2 W5.4 / 表4 W5.4", "5000", "1"),
    /** 自反应物质和混合物: A型和B型. */
    W6_1("表2 W6.1 / 表4 W6.1", "10", "1.5"),
    /** 自反应物质和混合物: C型、D型、E型. */
    W6_2("表2 W6.2 / 表4 W6.2", "50", "1"),
    /** 有机过氧化物: A型和B型. */
    W7_1("表2 W7.1 / 表4 W7.1", "10", "1.5"),
    /** 有机过氧化物: C型、D型、E型、F型. */
    W7_2("表2 W7.2 / 表4 W7.2", "50", "1"),
    /** 自燃液体和自燃固体 类别1. */
    W8("表2 W8 / 表4 W8", "50", "1"),
    /** 氧化性固体和液体 类别1. */
    W9_1("表2 W9.1 / 表4 W9.1", "50", "1"),
    /** 氧化性固体和液体 类别2、类别3. */
    W9_2("表2 W9.2 / 表4 W9.2", "200", "1"),
    /** 易燃固体 类别1. */
    W10("表2 W10 / 表4 W10", "200", "1"),
    /** 遇水放出易燃气体的物质和混合物 类别1和类别2. */
    W11("表2 W11 / 表4 W11", "200", "1");

    private final String clause;
    private final BigDecimal threshold;
    private final BigDecimal beta;

    HazardCategory(String clause, String threshold, String beta) {
        this.clause = "GB 18218-2018 " + clause;
        this.threshold = new BigDecimal(threshold);
        this.beta = new BigDecimal(beta);
    }

    /** The rows of the standard this category's numbers come from. */
    public String clause() {
        return clause;
    }

    /** 临界量 Q, tonnes (表2). */
    public BigDecimal threshold() {
        return threshold;
    }

    /** 校正系数 β (表4). */
    public BigDecimal beta() {
        return beta;
    }

    /** The standard's own code: {@code W5.1} for {@code W5_1}. */
    public String code() {
        return name().replace('_', '.');
    }
}
