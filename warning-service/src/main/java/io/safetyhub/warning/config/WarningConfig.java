package io.safetyhub.warning.config;

import io.safetyhub.events.AlarmLevel;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Every setting of warning-service; defaults are those of the national standards named on each. */
@ConfigMapping(prefix = "warning")
public interface WarningConfig {

    /** Name written into the {@code source} of every event this service publishes. */
    @WithDefault("warning-service")
    String source();

    /** MongoDB database holding alarms, rules, history and the enterprise directory. */
    @WithDefault("safetyhub_warning")
    String database();

    /** Default thresholds of the built-in rules (overridable per enterprise and device). */
    Defaults defaults();

    /** How long each level may stay unacknowledged before it escalates one step. */
    Escalation escalation();

    /** Signed webhook notification channel; off unless both url and secret are set. */
    Webhook webhook();

    /** Telemetry history. */
    History history();

    /** Device maintenance shelving. */
    Shelve shelve();

    /** Guards of the alarm engine against readings it must not believe. */
    Engine engine();

    /** Limits of enterprise rule overrides. */
    Rules rules();

    interface Defaults {
        /** Combustible gas first-level alarm, %LEL (GB/T 50493-2019 §5.5: at most 25). */
        @WithDefault("20")
        double gasLelFirstLevel();

        /** Combustible gas second-level alarm, %LEL (GB/T 50493-2019 §5.5). */
        @WithDefault("50")
        double gasLelSecondLevel();

        /**
         * Occupational exposure limit per toxic gas in ppm, {@code GAS=ppm,...}; converted from GBZ 2.1-2019
         * (MAC or PC-TWA, mg/m³ at 20 °C). A gas_ppm reading of a gas not listed here raises no threshold alarm.
         */
        @WithDefault("H2S=7,CO=17,NH3=29,CL2=0.34,SO2=1.9,NO2=2.6,HCN=0.9")
        String oelPpm();

        /** Publishing interval assumed for a device; it is offline after three of them in silence. */
        @WithDefault("30s")
        Duration publishingInterval();
    }

    interface Escalation {
        /** Acknowledge deadline of level I red. */
        @WithDefault("5m")
        Duration red();

        /** Acknowledge deadline of level II orange. */
        @WithDefault("10m")
        Duration orange();

        /** Acknowledge deadline of level III yellow. */
        @WithDefault("30m")
        Duration yellow();

        /** Acknowledge deadline of level IV blue (offline, fault, missing commitment). */
        @WithDefault("4h")
        Duration blue();

        /**
         * Levels whose alarms, cleared before anyone acknowledged them, still escalate up to the district regulator
         * (issue 23: a cleared level-I alarm nobody saw is still a finding); not re-notified there. Levels III and IV
         * (flapping readings, offline devices) would only add noise.
         */
        @WithDefault("RED,ORANGE")
        Set<AlarmLevel> clearedStillEscalate();
    }

    interface Webhook {
        /** Where notifications are POSTed. */
        Optional<String> url();

        /** HMAC-SHA256 key for the {@code X-SafetyHub-Signature} header. */
        Optional<String> secret();

        /** How long to wait for the receiver's connection. */
        @WithDefault("3s")
        Duration connectTimeout();

        /** How long to wait for the receiver's answer before the attempt counts as failed (and is retried). */
        @WithDefault("5s")
        Duration timeout();
    }

    /** How the notification channels' workers queue and retry. */
    Notifications notifications();

    interface Notifications {
        /** Notices one channel may hold (queued or waiting for a retry); beyond it new ones are dropped and counted. */
        @WithDefault("10000")
        int queueCapacity();

        /** Attempts per notice before it is given up (logged as an error and counted). */
        @WithDefault("8")
        int maxAttempts();

        /** Wait before the first retry; it doubles with each further attempt. */
        @WithDefault("1s")
        Duration retryInitial();

        /** Longest wait between two attempts. */
        @WithDefault("2m")
        Duration retryMax();

        /** How long each attempt's outcome is kept in {@code notification_deliveries}. */
        @WithDefault("2160h")
        Duration deliveryRetention();

        /** Who gets what; {@code warning.notifications.groups."<name>".*}. No group: the channels send nothing. */
        Map<String, ChannelSettings.Group> groups();

        ChannelSettings.WeCom wecom();

        ChannelSettings.DingTalk dingtalk();

        ChannelSettings.Sms sms();

        /** Timeouts of the HTTP channels (WeCom, DingTalk, SMS). */
        ChannelSettings.Http http();
    }

    interface History {
        /** How long readings are kept; 总局令40号 requires at least 30 days. */
        @WithDefault("2160h")
        Duration retention();

        /** Longest range one history query may span (bucket ids are computed for it). */
        @WithDefault("168h")
        Duration maxQueryRange();

        /**
         * How long after its minute is over a history bucket waits for late readings before it is inserted, once. A
         * reading later than that is still stored (merged into the stored bucket, the rare path).
         */
        @WithDefault("10s")
        Duration sealGrace();

        /**
         * Over how long after the grace one minute's buckets are inserted, each device at a fixed place in it (by the
         * hash of its id): every device's minute ends at the same instant, and a whole minute sealed at once at
         * 10,000 readings/s cost the embedded MongoDB 5-7 CPU-s within ~7 s. 0 seals them together.
         */
        @WithDefault("30s")
        Duration sealSpread();

        /**
         * Readings gathered for the history and not yet stored beyond which the consumer waits before taking the next
         * batch (back-pressure while MongoDB is away). A bucket waits for its minute plus the grace, so at 5,000
         * readings/s about 350,000 are held normally (17 bytes each off the heap, up to twice that in power-of-two
         * regions: this bound also bounds that memory, ~34 MB at the default).
         */
        @WithDefault("1000000")
        int maxPendingSamples();
    }

    interface Shelve {
        /** Longest maintenance window a device can be shelved for. */
        @WithDefault("72h")
        Duration maxWindow();
    }

    interface Engine {
        /**
         * How far ahead of this service's clock a reading's source time is still believed. A reading dated later is
         * timed at its arrival instead, and no per-device watermark ever moves past the clock plus this, so a device
         * whose clock runs ahead (or one forged future date) cannot make the engine skip the real readings after it.
         */
        @WithDefault("5m")
        Duration maxClockSkew();

        /**
         * Alarm writes (state and outbox) that may wait for MongoDB in the background writer; beyond it whoever
         * decides the next change waits for room (back-pressure) rather than memory growing without bound.
         */
        @WithDefault("10000")
        int writeQueueCapacity();
    }

    interface Rules {
        /**
         * Longest minimum duration (debounce, also before clearing) an override of a built-in rule may set; the
         * standards' rules raise at once, so anything longer holds their alarm back.
         */
        @WithDefault("60s")
        Duration maxOverrideMinDuration();
    }

    /** The regulator's verification of disposals (核查反馈, issue 23 item 3). */
    Verification verification();

    interface Verification {
        /** Levels whose closed alarms wait for a regulator to accept or return the enterprise's disposal. */
        @WithDefault("RED,ORANGE")
        Set<AlarmLevel> levels();
    }
}
