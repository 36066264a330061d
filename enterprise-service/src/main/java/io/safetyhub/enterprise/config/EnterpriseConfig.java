package io.safetyhub.enterprise.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;

/** Every setting of enterprise-service. */
@ConfigMapping(prefix = "enterprise")
public interface EnterpriseConfig {

    /** Name written into the {@code source} of every event this service publishes. */
    @WithDefault("enterprise-service")
    String source();

    /** MongoDB database holding the registry. */
    @WithDefault("safetyhub_enterprise")
    String database();

    /**
     * Upsert the demo district (twelve enterprises in four districts, with disclosures and hazards) at startup. Off in
     * production; the platform launcher and the tests turn it on.
     */
    @WithDefault("false")
    boolean seedDemo();

    /** Zone in which "today", hazard deadlines and the commitment hour are reckoned (China Standard Time). */
    @WithDefault("Asia/Shanghai")
    ZoneId zone();

    /**
     * How far from today a date in a request may lie: a hazard's rectification deadline at most this far ahead, a
     * liability insurance expiry at most this far ahead or behind. 9999-12-31 is a slip of the keyboard, not a plan.
     */
    @WithDefault("P5Y")
    Period dateHorizon();

    /** Daily safety commitment (安全承诺公告) of hazardous-chemical enterprises. */
    Commitment commitment();

    interface Commitment {
        /** Hour by which today's commitment must be posted; later it is missing (危化企业安全风险研判与承诺公告). */
        @WithDefault("09:00")
        LocalTime deadline();

        /** How often the scheduler looks for missing commitments (it publishes each missing one once). */
        @WithDefault("60s")
        String checkEvery();

        /** Run the scheduled check at all; tests call the check directly at a chosen time instead. */
        @WithDefault("true")
        boolean checkEnabled();
    }

    /** Risk points (风险点), their check tasks and the scheduler that makes the tasks fall due. */
    RiskPoints riskPoints();

    interface RiskPoints {
        /** LS matrix: lowest R = L × S that is red (重大风险); default band 20–25. */
        @WithDefault("20")
        int lsRed();

        /** LS matrix: lowest R that is orange (较大风险); default band 9–16. */
        @WithDefault("9")
        int lsOrange();

        /** LS matrix: lowest R that is yellow (一般风险); default band 4–8, below it blue. */
        @WithDefault("4")
        int lsYellow();

        /** How often the scheduler creates the check instances that fell due and counts the overdue ones. */
        @WithDefault("5m")
        String checkEvery();

        /** Run the scheduler at all; tests run it directly at a chosen instant instead. */
        @WithDefault("true")
        boolean checkEnabled();

        /** Length of a shift for PER_SHIFT tasks, hours from midnight; must divide 24 (8: three shifts a day). */
        @WithDefault("8")
        int shiftHours();

        /** Rectification deadline of the hazard a failed check opens, from the day of the check. */
        @WithDefault("P7D")
        Period failedCheckDeadline();
    }

    /** 包保 duties of major-hazard installations (危险化学品企业重大危险源安全包保责任制办法（试行）, 2021). */
    Duties duties();

    interface Duties {
        /** How often the 主要负责人 owes a duty check; 办法 (2021): at least quarterly. QUARTERLY, MONTHLY or WEEKLY. */
        @WithDefault("QUARTERLY")
        io.safetyhub.enterprise.duty.DutyFrequency main();

        /** How often the 技术负责人 owes a duty check; 办法 第五条(五): 每季度至少 (issue 18 said monthly; README). */
        @WithDefault("QUARTERLY")
        io.safetyhub.enterprise.duty.DutyFrequency technical();

        /** How often the 操作负责人 owes a duty check; 办法 第六条: at least weekly. */
        @WithDefault("WEEKLY")
        io.safetyhub.enterprise.duty.DutyFrequency operational();

        /** How often the scheduler looks for periods that ended without a check (lease {@code duties-overdue}). */
        @WithDefault("15m")
        String checkEvery();

        /** Run the scheduler at all; tests run it directly at a chosen instant instead. */
        @WithDefault("true")
        boolean checkEnabled();
    }

    /** Major accident hazards (重大事故隐患) past their deadline, announced on {@code enterprise.hazards-overdue.v1}. */
    HazardsOverdue hazardsOverdue();

    interface HazardsOverdue {
        /** How often the scheduler looks for open major hazards past their deadline (lease {@code major-hazards-overdue}). */
        @WithDefault("15m")
        String checkEvery();

        /** Run the scheduler at all; tests run it directly on a chosen day instead. */
        @WithDefault("true")
        boolean checkEnabled();
    }

    /** Leases that let one replica at a time run a scheduled job. */
    Jobs jobs();

    interface Jobs {
        /** Longest a replica holds a job's lease if it dies or hangs while running it. */
        @WithDefault("5m")
        Duration leaseAtMost();

        /**
         * Shortest a job's lease is held, even when the run took a moment: replicas waking a few seconds apart
         * then still run the job once. Keep it below {@code enterprise.commitment.check-every}.
         */
        @WithDefault("30s")
        Duration leaseAtLeast();
    }

    /** The compacted {@code enterprise.registry.v1} topic, created at startup when missing. */
    RegistryTopic registryTopic();

    interface RegistryTopic {
        /** Partitions when the topic is created here (key = enterpriseId, so order per enterprise holds). */
        @WithDefault("3")
        int partitions();

        /** Replication factor when the topic is created here: 1 for the single dev broker, 3 in production. */
        @WithDefault("1")
        short replicationFactor();

        /** Longest wait for the broker while checking or creating the topic and for a publish to be acknowledged. */
        @WithDefault("30s")
        Duration timeout();
    }
}
