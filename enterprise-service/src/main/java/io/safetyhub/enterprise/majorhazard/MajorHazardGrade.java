package io.safetyhub.enterprise.majorhazard;

import java.math.BigDecimal;

/** 重大危险源级别 by R (GB 18218-2018 表6). */
public enum MajorHazardGrade {
    /** 一级: R ≥ 100. */
    FIRST(1),
    /** 二级: 50 ≤ R < 100. */
    SECOND(2),
    /** 三级: 10 ≤ R < 50. */
    THIRD(3),
    /** 四级: R < 10. */
    FOURTH(4);

    private final int level;

    MajorHazardGrade(int level) {
        this.level = level;
    }

    /** 1 for 一级 … 4 for 四级, as the disclosure's hazard-source guardians and the devices number it. */
    public int level() {
        return level;
    }

    public static MajorHazardGrade of(BigDecimal r) {
        if (r.compareTo(BigDecimal.valueOf(100)) >= 0) {
            return FIRST;
        }
        if (r.compareTo(BigDecimal.valueOf(50)) >= 0) {
            return SECOND;
        }
        if (r.compareTo(BigDecimal.TEN) >= 0) {
            return THIRD;
        }
        return FOURTH;
    }
}
