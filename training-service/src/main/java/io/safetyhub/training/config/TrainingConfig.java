package io.safetyhub.training.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

/** Every setting of training-service. Numbers that come from a regulation name it; all can be overridden. */
@ConfigMapping(prefix = "training")
public interface TrainingConfig {

    /** Name written into the {@code source} of every event this service publishes. */
    @WithDefault("training-service")
    String source();

    /** MongoDB database holding personnel, certificates, training records and the enterprise view. */
    @WithDefault("safetyhub_training")
    String database();

    /** Upsert demo personnel, certificates, training records, exam results and activities at startup (off in production). */
    @WithDefault("false")
    boolean seedDemo();

    /** Zone in which "today", certificate dates and activity months are reckoned (China Standard Time). */
    @WithDefault("Asia/Shanghai")
    ZoneId zone();

    /** Validity and review cycles per certificate kind (domain.md "Training and publicity"). */
    Certificates certificates();

    /** Reminders before a certificate expires or is due for review. */
    Reminders reminders();

    /** Publishing each enterprise's certificate rate on {@code training.certificate-rates.v1}. */
    CertificateRates certificateRates();

    /** Training hours and pass marks. */
    Training training();

    /** Leases that let one replica at a time run a scheduled job. */
    Jobs jobs();

    interface Jobs {
        /** Longest a replica holds a job's lease if it dies or hangs while running it. */
        @WithDefault("30m")
        Duration leaseAtMost();

        /**
         * Shortest a job's lease is held, even when the run took a moment: replicas waking a few seconds apart
         * then still run the job once. Keep it below {@code training.reminders.check-every}.
         */
        @WithDefault("5m")
        Duration leaseAtLeast();
    }

    interface Certificates {
        /** 特种作业操作证: valid 6 years (总局令30号 第十九条). */
        @WithDefault("6")
        int specialOperationValidityYears();

        /** 特种作业操作证: reviewed (复审) every 3 years (总局令30号 第二十一条). */
        @WithDefault("3")
        int specialOperationReviewYears();

        /** Principal (主要负责人) assessment certificate: valid 3 years (domain.md; 安全生产培训管理办法, 总局令44号). */
        @WithDefault("3")
        int principalValidityYears();

        /** Safety-manager (安全管理人员) assessment certificate: valid 3 years (domain.md; 安全生产培训管理办法, 总局令44号). */
        @WithDefault("3")
        int safetyManagerValidityYears();

        /** Principal and safety-manager certificates may be renewed only this many days before expiry (domain.md). */
        @WithDefault("60")
        int assessmentRenewalWindowDays();

        /** 建筑施工特种作业操作资格证书: valid 2 years (建质〔2008〕75号 第二十二条, domain.md). */
        @WithDefault("2")
        int constructionSpecialOperationValidityYears();

        /** 特种设备作业人员证: valid 4 years (特种设备作业人员监督管理办法, domain.md). */
        @WithDefault("4")
        int specialEquipmentValidityYears();

        /** A certificate within this many days of its expiry or review date is EXPIRING (domain.md, issue 6). */
        @WithDefault("90")
        int expiringWithinDays();
    }

    interface Reminders {
        /** Days before expiry or review at which a reminder goes out, once each (domain.md: 90 and 30). */
        @WithDefault("90,30")
        List<Integer> daysBefore();

        /** How often the scheduler looks for due reminders. */
        @WithDefault("1h")
        String checkEvery();

        /** Run the scheduled check at all; tests call the check directly on a chosen day instead. */
        @WithDefault("true")
        boolean checkEnabled();

        /** Longest wait for Kafka to acknowledge one reminder. */
        @WithDefault("30s")
        Duration publishTimeout();
    }

    interface CertificateRates {
        /**
         * How often the rates are recomputed and the changed ones published: a rate also changes without any write
         * (a certificate expires overnight), so a periodic comparison with the last published rate catches every change.
         */
        @WithDefault("15m")
        String publishEvery();

        /** Run the scheduled publication at all; tests call it directly instead. */
        @WithDefault("true")
        boolean publishEnabled();

        /** Longest wait for Kafka to acknowledge one rate. */
        @WithDefault("30s")
        Duration publishTimeout();
    }

    interface Training {
        /** Pass mark of a special-operation worker's exam (issue 6 default: 80 of 100). */
        @WithDefault("80")
        int specialOperationPassMark();

        /** Pass mark of every other exam, the principals' 应知应会 exam included. */
        @WithDefault("60")
        int defaultPassMark();

        /** Sectors whose principals and safety managers need the longer training (总局令3号 第九条: 危险化学品, 非煤矿山, 烟花爆竹…). */
        @WithDefault("HAZARDOUS_CHEMICALS,NON_COAL_MINE,FIREWORKS")
        List<String> highRiskSectors();

        /** Initial hours of principals and safety managers in a high-risk sector (总局令3号 第九条: 48 h). */
        @WithDefault("48")
        int highRiskManagerInitialHours();

        /** Yearly re-training hours of those principals and safety managers (总局令3号 第九条: 16 h). */
        @WithDefault("16")
        int highRiskManagerAnnualHours();

        /** Initial hours of principals and safety managers of other sectors (总局令3号 第九条: 32 h). */
        @WithDefault("32")
        int managerInitialHours();

        /** Yearly re-training hours of principals and safety managers of other sectors (总局令3号 第九条: 12 h). */
        @WithDefault("12")
        int managerAnnualHours();

        /** Yearly hours of every other employee (总局令3号 第十三条: 20 h in high-risk sectors; the platform applies it to all). */
        @WithDefault("20")
        int otherAnnualHours();
    }
}
