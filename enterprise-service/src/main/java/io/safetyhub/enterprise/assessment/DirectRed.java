package io.safetyhub.enterprise.assessment;

/**
 * The four conditions under which the 2018 guide rates an enterprise red whatever its score (直接判定为红色).
 */
public enum DirectRed {
    /** 新开发的危险化学品生产工艺未经小试、中试和工业化试验直接进行工业化生产. */
    UNTRIED_NEW_PROCESS("新开发的危险化学品生产工艺未经小试、中试和工业化试验直接进行工业化生产"),
    /** 在役化工装置未经正规设计且未进行安全设计诊断. */
    UNDESIGNED_PLANT("在役化工装置未经正规设计且未进行安全设计诊断"),
    /** 危险化学品特种作业人员未持有效证件上岗或者未达到高中以上文化程度. */
    UNQUALIFIED_SPECIAL_OPERATORS("危险化学品特种作业人员未持有效证件上岗或者未达到高中以上文化程度"),
    /** 三年内发生过重大以上安全事故，或三年内发生2起较大安全事故，或近一年内发生2起以上亡人一般安全事故. */
    SERIOUS_ACCIDENT_RECORD("三年内发生过重大以上安全事故，或三年内发生2起较大安全事故，或近一年内发生2起以上亡人一般安全事故");

    private final String text;

    DirectRed(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }
}
