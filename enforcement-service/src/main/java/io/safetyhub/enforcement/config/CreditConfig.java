package io.safetyhub.enforcement.config;

import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.time.LocalDate;

/**
 * The enterprise credit score (信易+安全): every enterprise starts at {@code base} points; each event below takes
 * points off (or gives some back) for {@code window}; the score maps to a grade, and the grade to a draw factor.
 */
public interface CreditConfig {
    /** Points of an enterprise with nothing on record. */
    @WithDefault("100")
    int base();

    /** How long an event counts (a year, as the annual 信用评价 does). */
    @WithDefault("365d")
    Duration window();

    Weights weights();

    Grades grades();

    DrawFactors drawFactors();

    Listing listing();

    interface Weights {
        /** A penalty decided (行政处罚决定). */
        @WithDefault("10")
        int penalty();

        /** More per full ¥10,000 of the fine, up to {@link #penaltyCap()} for one decision. */
        @WithDefault("1")
        int penaltyPer10k();

        /** Most points one penalty takes. */
        @WithDefault("20")
        int penaltyCap();

        /** A finding rectified by its deadline (given back). */
        @WithDefault("1")
        int rectifiedOnTime();

        /** A finding not rectified at the re-inspection. */
        @WithDefault("5")
        int notRectified();

        /** A major hazard not rectified, put under listed supervision (挂牌督办). */
        @WithDefault("15")
        int majorHazardListed();

        /** An alarm acknowledged later than {@code alarm-ack-within}. */
        @WithDefault("2")
        int slowAlarmAcknowledgement();

        /** Longest time from an alarm's raising to its acknowledgement that counts as prompt. */
        @WithDefault("30m")
        Duration alarmAckWithin();

        /** A daily safety commitment missed (enterprise.commitments.v1). */
        @WithDefault("1")
        int commitmentMissed();

        /** A 包保 duty check overdue (enterprise.duties.v1). */
        @WithDefault("2")
        int dutyOverdue();

        /** A public report found true (举报属实). */
        @WithDefault("5")
        int reportFounded();

        /**
         * Least certificate rate of the three posts (三项岗位持证率, percent) that costs nothing; the target is 100 %
         * (安全生产法 第二十七条、第三十条), the default leaves room for a certificate under renewal.
         */
        @WithDefault("90")
        double certificateRateAtLeast();

        /** Points an enterprise's latest certificate rate below {@link #certificateRateAtLeast()} takes, while it is the latest. */
        @WithDefault("5")
        int certificateRateLow();

        /** A major accident hazard (重大事故隐患) of the enterprise's own register past its deadline unclosed. */
        @WithDefault("10")
        int majorHazardOverdue();

        /** A drill held (应急管理部令第2号 第三十三条), given per drill. */
        @WithDefault("1")
        int drillHeld();

        /** No drill held in the window (第三十三条: at least one comprehensive or special drill a year). */
        @WithDefault("5")
        int noDrill();

        /**
         * The day drills began to arrive on {@code emergency.drills.v1}: "no drill in the window" is judged only once a
         * whole window lies after it, since before that a missing drill may simply predate the topic.
         */
        @WithDefault("2026-12-02")
        LocalDate drillsRecordedSince();
    }

    interface Grades {
        /** Least score of grade A. */
        @WithDefault("90")
        int a();

        /** Least score of grade B. */
        @WithDefault("75")
        int b();

        /** Least score of grade C; below is D. */
        @WithDefault("60")
        int c();
    }

    /** What the draw multiplies an enterprise's risk-colour weight by (good credit, fewer inspections). */
    interface DrawFactors {
        @WithDefault("1")
        int a();

        @WithDefault("2")
        int b();

        @WithDefault("3")
        int c();

        @WithDefault("4")
        int d();
    }

    /** The 严重失信 list (安全生产严重失信主体名单管理办法, 应急管理部令第11号, 2023). */
    interface Listing {
        /** A single fine at or above this many yuan puts the enterprise on the list (较大数额罚款). */
        @WithDefault("1000000")
        long fineAtLeast();

        /** A score below this puts it on the list (sustained bad record). */
        @WithDefault("40")
        int scoreBelow();

        /** How long an entry stays (管理期限 3 年) from the latest event that put it there. */
        @WithDefault("1095d")
        Duration period();

        /** Earliest exit (信用修复, 列入满 1 年) when the score has come back to at least grade B meanwhile. */
        @WithDefault("365d")
        Duration earlyExitAfter();
    }
}
