package io.safetyhub.enforcement.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * Every setting of enforcement-service. Numbers a regulation sets name it; every one can be overridden
 * ({@code ENFORCEMENT_DRAW_WEIGHTS_RED=6}, …).
 */
@ConfigMapping(prefix = "enforcement")
public interface EnforcementConfig {

    /** Name written into the {@code source} of every event this service publishes. */
    @WithDefault("enforcement-service")
    String source();

    /** MongoDB database of rosters, plans, draws, inspections, evidence (GridFS), cases, postings and audit. */
    @WithDefault("safetyhub_enforcement")
    String database();

    /** Upsert the demo inspector roster at startup (off in production; checklists and the catalogue are always seeded). */
    @WithDefault("false")
    boolean seedDemo();

    /** Zone in which "today", deadlines, decision years and working days are reckoned (China Standard Time). */
    @WithDefault("Asia/Shanghai")
    ZoneId zone();

    Draw draw();

    Evidence evidence();

    Penalty penalty();

    Posting posting();

    Supervision supervision();

    Jobs jobs();

    /** Public reports (举报) and their rewards; see {@link ReportsConfig}. */
    ReportsConfig reports();

    /** The enterprise credit score (信易+安全); see {@link CreditConfig}. */
    CreditConfig credit();

    interface Draw {
        /**
         * How often, relative to each other, an enterprise of each risk colour (安全风险四色分级) is drawn: a red
         * enterprise with weight 4 is four times as likely as a blue one with weight 1 to be picked for the same
         * place. A plan may set its own; these are the defaults (分级分类执法: the higher the risk, the more often).
         */
        Weights weights();

        /** Weight of an enterprise whose colour the registry does not know (treated as 一般, yellow). */
        @WithDefault("2")
        int unratedWeight();

        /** Inspectors sent to each enterprise; never fewer than two (行政处罚法 2021 第四十二条: 执法人员不得少于两人). */
        @WithDefault("2")
        int inspectorsPerEnterprise();
    }

    interface Weights {
        /** 重大风险 */
        @WithDefault("4")
        int red();

        /** 较大风险 */
        @WithDefault("3")
        int orange();

        /** 一般风险 */
        @WithDefault("2")
        int yellow();

        /** 低风险 */
        @WithDefault("1")
        int blue();
    }

    interface Evidence {
        /** Largest single attachment; a larger one is refused with 413 naming {@code file}. */
        @WithDefault("10M")
        MemorySize maxFileSize();

        /** Types accepted, as detected from the bytes (never from the name or the declared type). */
        @WithDefault("image/jpeg,image/png,image/webp,application/pdf")
        List<String> allowedTypes();

        /** Attachments one inspection may hold. */
        @WithDefault("100")
        int maxPerInspection();
    }

    interface Penalty {
        /**
         * A fine above this many yuan needs the legal review (法制审核) before the decision (重大执法决定法制审核制度;
         * provinces set the amount, commonly ¥50,000 for a unit).
         */
        @WithDefault("50000")
        long legalReviewAbove();
    }

    interface Posting {
        /**
         * Working days after the decision by which it is on the public view (执法公示). 国办发〔2018〕118号 allows at
         * most 20 working days; the default keeps well inside that.
         */
        @WithDefault("7")
        int workingDays();

        /** Public holidays (yyyy-MM-dd) that are not working days, in addition to weekends. */
        Optional<List<LocalDate>> holidays();

        /** Weekend days that are working days (调休 make-up days). */
        Optional<List<LocalDate>> makeUpWorkdays();
    }

    interface Supervision {
        /** Days a listed major hazard (挂牌督办) is given to be rectified, from the failed re-inspection. */
        @WithDefault("30")
        int rectificationDays();
    }

    interface Jobs {
        /** Run the scheduled jobs at all; tests call them directly on a chosen day instead. */
        @WithDefault("true")
        boolean enabled();

        /** How often unacknowledged findings are sent again (outbox sweep). */
        @WithDefault("30s")
        String findingsEvery();

        /** How often due re-inspections and postings are looked for. */
        @WithDefault("15m")
        String dueEvery();

        /** Longest a replica holds a job's lease if it dies while running it. */
        @WithDefault("5m")
        Duration leaseAtMost();

        /** Longest wait for Kafka to acknowledge one finding. */
        @WithDefault("30s")
        Duration publishTimeout();
    }
}
