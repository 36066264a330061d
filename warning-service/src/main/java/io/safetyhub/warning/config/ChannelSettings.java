package io.safetyhub.warning.config;

import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Settings of the notification channels Chinese teams use (issue 23 item 4) and of the recipient groups that say who
 * gets what; {@link WarningConfig.Notifications} returns them. Nothing here is secret: robot keys, the DingTalk
 * secret, the SMS key secret and the SMTP password are read from the environment only (README, "Notification
 * channels").
 */
public interface ChannelSettings {

    /** WeCom (企业微信) group robots. */
    interface WeCom {
        /** Where the robot API is; a local stand-in in tests. */
        @WithDefault("https://qyapi.weixin.qq.com")
        String baseUrl();
    }

    /** DingTalk (钉钉) custom robots with signed requests. */
    interface DingTalk {
        @WithDefault("https://oapi.dingtalk.com")
        String baseUrl();
    }

    /** SMS through Aliyun's Dysmsapi (SendSms, RPC signature); the template is pre-approved by Aliyun. */
    interface Sms {
        @WithDefault("https://dysmsapi.aliyuncs.com")
        String baseUrl();

        @WithDefault("cn-hangzhou")
        String regionId();

        /** The AccessKey id (not secret); its secret only from {@code SAFETYHUB_SMS_ACCESS_KEY_SECRET}. */
        Optional<String> accessKeyId();

        /** The approved signature (签名), e.g. 某区应急管理局. */
        Optional<String> signName();

        /** The approved template's code, e.g. SMS_123456789. */
        Optional<String> templateCode();

        /** Names of the template's parameters (the approved template's ${...}). */
        TemplateParams params();

        interface TemplateParams {
            @WithDefault("level")
            String level();

            @WithDefault("enterprise")
            String enterprise();

            @WithDefault("device")
            String device();

            @WithDefault("metric")
            String metric();

            @WithDefault("change")
            String change();

            @WithDefault("time")
            String time();
        }
    }

    /** Who must act on an alarm now (its escalation stage, {@code AlarmMapper.audience}). */
    enum Audience { ENTERPRISE, TOWN_REGULATOR, DISTRICT_REGULATOR }

    /**
     * Who gets what: one group per audience, optionally narrowed to districts, towns or enterprises. For the town and
     * district audiences, today's duty officers of the rota are reached as well (README, "Escalation and duty").
     */
    interface Group {
        /** An enum, so a misspelt audience stops the service at start instead of silently matching nothing. */
        Audience audience();

        /** Only alarms of enterprises in these districts; every district when unset. */
        Optional<List<String>> districts();

        /** Only alarms of enterprises in these towns (镇街), e.g. a town's duty room; every town when unset. */
        Optional<List<String>> towns();

        /** Only alarms of these enterprises; every enterprise when unset. */
        Optional<List<String>> enterprises();

        /** Names of WeCom robots; each one's key from {@code SAFETYHUB_WECOM_KEY_<NAME>}. */
        Optional<List<String>> wecomRobots();

        /** Names of DingTalk robots; token and secret from {@code SAFETYHUB_DINGTALK_TOKEN_<NAME>} / {@code _SECRET_}. */
        Optional<List<String>> dingtalkRobots();

        /** Mobile numbers for SMS. */
        Optional<List<String>> phones();

        /** E-mail addresses. */
        Optional<List<String>> emails();
    }

    /** How long an HTTP channel (WeCom, DingTalk, SMS) waits to connect and for the answer. */
    interface Http {
        @WithDefault("3s")
        Duration connectTimeout();

        @WithDefault("5s")
        Duration timeout();
    }
}
