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
    REPORT_FOUNDED,
    /**
     * Its latest certificate rate of the three posts (training.certificate-rates.v1): one entry per enterprise, replaced
     * by each later rate, and counted while it is the latest, whatever its age (it is a state, not an event).
     */
    CERTIFICATE_RATE,
    /** A drill held (emergency.drills.v1, 应急管理部令第2号 第三十三条), one entry per drill. */
    DRILL_HELD,
    /**
     * A 重大事故隐患 of enterprise-service's register past its deadline unclosed (enterprise.hazards-overdue.v1; 安全生产法
     * 第四十一条), once per hazard and deadline; hazards opened from this service's findings count through re-inspection.
     */
    MAJOR_HAZARD_OVERDUE;

    /** Whether the entry counts while it stands rather than for the window after it happened. */
    public boolean standing() {
        return this == CERTIFICATE_RATE;
    }
}
