package io.safetyhub.enforcement.report;

/** What a report is about (举报事项, 安全生产领域举报奖励办法 第六条 in short). */
public enum ReportCategory {
    /** 重大事故隐患 and other hazards. */
    HAZARD,
    /** Producing without the licence, or beyond it (非法违法生产经营建设). */
    ILLEGAL_OPERATION,
    /** Work without the required certificate (无证上岗). */
    UNCERTIFIED_WORK,
    /** An accident concealed or falsely reported (瞒报、谎报事故). */
    CONCEALED_ACCIDENT,
    OTHER
}
