package io.safetyhub.emergency.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.time.ZoneId;

/**
 * Every setting of emergency-service ({@code emergency.*}). A number that comes from a regulation names it; all of
 * them can be overridden, so that a change of the rules is a configuration change.
 */
@ConfigMapping(prefix = "emergency")
public interface EmergencyConfig {

    /** Name written into the {@code source} of every event this service publishes. */
    @WithDefault("emergency-service")
    String source();

    /** MongoDB database of accidents, duty rota, resources and the enterprise view. */
    @WithDefault("safetyhub_emergency")
    String database();

    /** Write the demo accidents, duty rota and resources at startup when they are missing (off in production). */
    @WithDefault("false")
    boolean seedDemo();

    /** Zone in which days, months and years of accidents and duty are reckoned (China Standard Time). */
    @WithDefault("Asia/Shanghai")
    ZoneId zone();

    /** Accident grading, reporting deadlines and supplementary reports (国务院令第493号). */
    Accidents accidents();

    /** Publishing the duty rota. */
    Duty duty();

    /** Emergency plans (应急预案管理办法, 应急管理部令第2号). */
    Plans plans();

    /** Drills (演练): frequency and the district's yearly target. */
    Drills drills();

    /** The command map (应急指挥一张图). */
    CommandMap map();

    interface CommandMap {
        /** Radius of the open-alarms search when the map asks without one: a town's reach around an incident. */
        @WithDefault("5")
        double defaultRadiusKm();

        /** Largest radius accepted: about a district's extent, so that one query never scans the whole province. */
        @WithDefault("50")
        double maxRadiusKm();

        /**
         * Most alarms one search answers, nearest first (also the largest {@code limit} accepted): a map and its table
         * can show a few hundred; 25,971 open alarms at one enterprise were 11.6 MB of GeoJSON.
         */
        @WithDefault("500")
        int maxAlarms();

        /**
         * How long a closed alarm's copy is kept (from its last event) to stop a late, older event reopening it. Far
         * longer than any event can be late: the alarm topic keeps a week. Without a limit the copies were every alarm
         * ever raised (24,050 after a few days of benchmarks).
         */
        @WithDefault("30d")
        Duration closedAlarmRetention();

        /** How often the expired closed copies are removed (the embedded MongoDB has no TTL monitor). */
        @WithDefault("1h")
        Duration closedAlarmPurgeEvery();
    }

    interface Plans {
        /** 第二十六条: filed (备案) within 20 working days of publication. */
        @WithDefault("20")
        int filingWorkingDays();

        /** 第三十五条: assessed and revised at least every 3 years. */
        @WithDefault("3")
        int revisionYears();

        /**
         * Public holidays (yyyy-MM-dd) that do not count as working days, as the State Council announces them each
         * year; weekends never count. None by default: set the year's list in production.
         */
        java.util.Optional<java.util.List<String>> holidays();

        /** Largest plan document accepted (PDF); the HTTP body limit is this plus the multipart envelope. */
        @WithDefault("10M")
        io.quarkus.runtime.configuration.MemorySize maxDocumentSize();
    }

    interface Drills {
        /** 第三十三条: a comprehensive or special plan drill at least every 12 months. */
        @WithDefault("12")
        int comprehensiveOrSpecialEveryMonths();

        /** 第三十三条, as issue 20 reads it: an on-site disposal drill at least every 6 months in high-risk sectors. */
        @WithDefault("6")
        int onSiteEveryMonths();

        /** The sectors held to the six-month on-site rule (第三十三条's 危险物品, 矿山, 金属冶炼, 建筑施工 …). */
        @WithDefault("HAZARDOUS_CHEMICALS,NON_COAL_MINE,FIREWORKS,METALLURGY,CONSTRUCTION,TOWN_GAS")
        java.util.List<String> highRiskSectors();

        /** Large drills a district holds in a year ("大型应急演练不少于5次"). */
        @WithDefault("5")
        int districtYearlyTarget();

        /** How often drill events Kafka has not acknowledged are sent again ({@code emergency.drills.v1}). */
        @WithDefault("1m")
        Duration resendEvery();

        /** How long holding or evaluating a drill waits for Kafka's acknowledgement before leaving it to the resend job. */
        @WithDefault("10s")
        Duration publishTimeout();
    }

    interface Accidents {
        /** 第三条: 较大事故 from 3 deaths ("以上" includes the number). */
        @WithDefault("3")
        int largerDeaths();

        /** 第三条: 重大事故 from 10 deaths. */
        @WithDefault("10")
        int majorDeaths();

        /** 第三条: 特别重大事故 from 30 deaths. */
        @WithDefault("30")
        int extraordinaryDeaths();

        /** 第三条: 较大事故 from 10 serious injuries (including acute industrial poisoning). */
        @WithDefault("10")
        int largerSeriousInjuries();

        /** 第三条: 重大事故 from 50 serious injuries. */
        @WithDefault("50")
        int majorSeriousInjuries();

        /** 第三条: 特别重大事故 from 100 serious injuries. */
        @WithDefault("100")
        int extraordinarySeriousInjuries();

        /** 第三条: 较大事故 from ¥10 million direct economic loss (yuan). */
        @WithDefault("10000000")
        long largerLossYuan();

        /** 第三条: 重大事故 from ¥50 million. */
        @WithDefault("50000000")
        long majorLossYuan();

        /** 第三条: 特别重大事故 from ¥100 million. */
        @WithDefault("100000000")
        long extraordinaryLossYuan();

        /** 第九条: the enterprise's principal reports to the county-level department within 1 hour. */
        @WithDefault("1h")
        Duration firstReportWithin();

        /** 第十一条: each level reports to the next within 2 hours. */
        @WithDefault("2h")
        Duration levelUpWithin();

        /** 第十三条: casualty changes within 30 days of the accident are reported again (补报). */
        @WithDefault("30")
        int supplementDays();

        /** 第十三条: 7 days for road traffic and fire accidents. */
        @WithDefault("7")
        int roadAndFireSupplementDays();
    }

    interface Duty {
        /** How often rota entries Kafka has not acknowledged are sent again. */
        @WithDefault("1m")
        Duration resendEvery();

        /** How long a write waits for Kafka's acknowledgement before leaving the entry to the resend job. */
        @WithDefault("10s")
        Duration publishTimeout();
    }
}
