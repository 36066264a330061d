package io.safetyhub.enforcement.credit;

/** What changed an enterprise's credit score; every entry of its ledger names one. */
public enum CreditCause {
    /** A penalty decided (行政处罚决定), by this service's cases. */
    PENALTY,
    /** A decided penalty revoked (撤销): its points are given back. */
    PENALTY_REVOKED,
    /** A finding rectified by its re-inspection (按期整改). */
    RECTIFIED_ON_TIME,
    /** A finding not rectified at its re-inspection (逾期未整改). */
    NOT_RECTIFIED,
    /** A major hazard not rectified, under listed supervision (挂牌督办); also puts it on the 严重失信 list. */
    MAJOR_HAZARD_LISTED,
    /** An alarm acknowledged later than the setting allows (alarms.events.v1). */
    SLOW_ALARM_ACKNOWLEDGEMENT,
    /** A daily safety commitment not posted (enterprise.commitments.v1). */
    COMMITMENT_MISSED,
    /** A 包保 duty check overdue (enterprise.duties.v1). */
    DUTY_OVERDUE,
    /** A public report about it found true (举报属实). */
    REPORT_FOUNDED
}
