package io.safetyhub.emergency.accident;

/**
 * Who receives the report, in order (国务院令第493号 第九条, 第十条): the enterprise reports to the county-level
 * department; the departments report on, level by level, as far as the grade requires.
 */
public enum ReportLevel {
    /** 县级人民政府安全生产监督管理部门, from the enterprise (第九条) */
    COUNTY(AccidentGrade.GENERAL),
    /** 设区的市级 (第十条: 一般事故 goes this far) */
    CITY(AccidentGrade.GENERAL),
    /** 省级 (第十条: 较大事故) */
    PROVINCE(AccidentGrade.LARGER),
    /** 国务院安全生产监督管理部门 (第十条: 重大, 特别重大事故) */
    STATE_COUNCIL(AccidentGrade.MAJOR);

    private final AccidentGrade requiredFrom;

    ReportLevel(AccidentGrade requiredFrom) {
        this.requiredFrom = requiredFrom;
    }

    /** Whether an accident of {@code grade} must be reported to this level. */
    public boolean requiredFor(AccidentGrade grade) {
        return grade.ordinal() >= requiredFrom.ordinal();
    }
}
