package io.safetyhub.warning.notify;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.safetyhub.warning.alarm.AlarmChange;
import io.safetyhub.warning.alarm.AlarmMapper;
import io.safetyhub.warning.config.WarningConfig;
import io.safetyhub.warning.delivery.Delivery;
import io.safetyhub.warning.support.Engines;
import io.safetyhub.warning.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.safetyhub.warning.support.Engines.reading;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 23 item 5: every attempt's outcome per channel and target is recorded (SENT, FAILED while retrying and after
 * giving up, DROPPED without recipients), with the worker's retries going through a real local WeCom stand-in.
 */
class DeliveryRecordsTest {
    private static final Instant T0 = Instant.parse("2026-06-01T08:00:00Z");
    private static final String G = "warning.notifications.groups.";

    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private final InMemoryDeliveryLog log = new InMemoryDeliveryLog();
    private Notifier notifier;

    @AfterEach
    void stop() {
        if (notifier != null) {
            notifier.stop();
        }
    }

    private Notifier notifier(Receiver wecom, Map<String, String> extra) {
        Map<String, String> settings = new HashMap<>(Map.of("warning.notifications.wecom.base-url", wecom.base(),
                "warning.notifications.retry-initial", "10ms", G + "ent.audience", "ENTERPRISE",
                G + "ent.wecom-robots", "plant,office"));
        settings.putAll(extra);
        WarningConfig config = Engines.config(settings);
        WeComChannel channel = new WeComChannel(config, Views.JSON, Views.TEMPLATES, new Secrets(name -> Optional.of(
                name.endsWith("OFFICE") ? "office-key" : "plant-key")));
        return new Notifier(List.of(channel), c -> AlarmMapper.toView(c.alarm(), "巴南区"), config, metrics, log,
                new MutableClock(T0));
    }

    @Test
    void shouldRecordSentAfterTheRetryWhenTheRobotFailsOnce() throws Exception {
        try (Receiver wecom = new Receiver("{\"errcode\":45009,\"errmsg\":\"api freq out of limit\"}",
                "{\"errcode\":0}")) {
            notifier = notifier(wecom, Map.of(G + "ent.wecom-robots", "plant"));
            List<AlarmChange> raised = gas("GA-D1");
            notifier.onPublished(raised);
            await().atMost(Duration.ofSeconds(10)).until(() -> sent() == 1);

            Delivery d = log.forAlarm(raised.get(0).alarm().id()).get(0);
            assertEquals(Delivery.Status.SENT, d.status());
            assertEquals(2, d.attempts());
            assertEquals("wecom", d.channel());
            assertEquals("RAISED", d.change());
            assertEquals("ENTERPRISE", d.audience());
            assertEquals(List.of("plant"), d.recipients());
            assertNull(d.lastError());
            assertEquals(2, wecom.requests.size());
            assertEquals(1, counted("retried"));
        }
    }

    @Test
    void shouldRecordFailedWithTheLastErrorWhenTheRobotNeverAccepts() throws Exception {
        try (Receiver wecom = new Receiver("{\"errcode\":93000,\"errmsg\":\"invalid webhook url\"}")) {
            notifier = notifier(wecom, Map.of(G + "ent.wecom-robots", "plant",
                    "warning.notifications.max-attempts", "3"));
            List<AlarmChange> raised = gas("GA-D2");
            notifier.onPublished(raised);
            await().atMost(Duration.ofSeconds(10)).until(() -> counted("failed") == 1);

            Delivery d = log.forAlarm(raised.get(0).alarm().id()).get(0);
            assertEquals(Delivery.Status.FAILED, d.status());
            assertFalse(d.retrying());
            assertEquals(3, d.attempts());
            assertTrue(d.lastError().contains("errcode 93000"), d.lastError());
        }
    }

    @Test
    void shouldAttemptEachRobotOnItsOwnWhenOneOfTwoFails() throws Exception {
        try (Receiver wecom = new Receiver("{\"errcode\":0}")) {
            notifier = notifierSplit(wecom);
            List<AlarmChange> raised = gas("GA-D3");
            notifier.onPublished(raised);
            await().atMost(Duration.ofSeconds(10)).until(() -> counted("failed") == 1 && sent() == 1);
            Map<String, Delivery.Status> byRobot = new HashMap<>();
            log.forAlarm(raised.get(0).alarm().id()).forEach(d -> byRobot.put(d.target(), d.status()));
            assertEquals(Map.of("plant", Delivery.Status.SENT, "office", Delivery.Status.FAILED), byRobot);
            long plantCalls = wecom.requests.stream().filter(r -> r.rawQuery().equals("key=plant-key")).count();
            assertEquals(1, plantCalls, "the robot that accepted is not sent the notice again");
        }
    }

    @Test
    void shouldRecordDroppedAndSendNothingWhenTheAudienceHasNoRecipients() throws Exception {
        try (Receiver wecom = new Receiver("{\"errcode\":0}")) {
            notifier = notifier(wecom, Map.of(G + "ent.audience", "DISTRICT_REGULATOR"));
            List<AlarmChange> raised = gas("GA-D4");
            notifier.onPublished(raised);
            await().atMost(Duration.ofSeconds(10)).until(() -> counted("unaddressed") == 1);

            Delivery d = log.forAlarm(raised.get(0).alarm().id()).get(0);
            assertEquals(Delivery.Status.DROPPED, d.status());
            assertEquals("no recipients for ENTERPRISE", d.lastError());
            assertEquals(0, wecom.requests.size());
            assertEquals(0, notifier.pending());
        }
    }

    /** A WeCom channel whose robot "office" always refuses (as a wrong key would), "plant" reaches the stand-in. */
    private Notifier notifierSplit(Receiver wecom) {
        WarningConfig config = Engines.config(Map.of("warning.notifications.wecom.base-url", wecom.base(),
                "warning.notifications.retry-initial", "10ms", "warning.notifications.max-attempts", "2",
                G + "ent.audience", "ENTERPRISE", G + "ent.wecom-robots", "plant,office"));
        NotificationChannel channel = new WeComChannel(config, Views.JSON, Views.TEMPLATES, new Secrets(name ->
                Optional.of(name.endsWith("OFFICE") ? "office-key" : "plant-key"))) {
            @Override
            public void send(String change, String audience, io.safetyhub.warning.alarm.AlarmView alarm,
                             Target robot) {
                if (robot.key().equals("office")) {
                    throw new IllegalStateException("WeCom robot office refused: errcode 93000");
                }
                super.send(change, audience, alarm, robot);
            }
        };
        return new Notifier(List.of(channel), c -> AlarmMapper.toView(c.alarm(), "巴南区"), config, metrics, log,
                new MutableClock(T0));
    }

    private double sent() {
        return counted("delivered");
    }

    private double counted(String outcome) {
        var counter = metrics.find("safetyhub_warning_notifications_total").tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    private static List<AlarmChange> gas(String device) {
        Engines e = Engines.fresh(new MutableClock(T0), Map.of());
        return e.engine.onReading(reading(device, "gas-alarm", "gas_lel", 60, T0));
    }
}
