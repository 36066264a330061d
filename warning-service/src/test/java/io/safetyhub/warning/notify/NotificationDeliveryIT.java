package io.safetyhub.warning.notify;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.safetyhub.devstack.testing.RealInfraResource;
import io.safetyhub.devstack.testing.TestInfra;
import io.safetyhub.events.Quality;
import io.safetyhub.events.Reading;
import io.safetyhub.events.Topics;
import io.safetyhub.warning.alarm.Alarm;
import io.safetyhub.warning.rule.StandardDefaults;
import io.safetyhub.warning.support.Feed;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 23 items 4 and 5 through the running app: a RAISED alarm of a grouped enterprise reaches the local WeCom
 * stand-in and the GreenMail inbox through quarkus-mailer, and {@code GET /api/alarms/{id}/deliveries} shows both SENT
 * to whoever may read the alarm (404 to an enterprise that may not).
 */
@QuarkusTest
@QuarkusTestResource(RealInfraResource.class)
@QuarkusTestResource(value = ChannelStandIns.class, restrictToAnnotatedClass = false)
class NotificationDeliveryIT {

    @Test
    void shouldReachTheRobotAndTheInboxAndShowSentWhenAnAlarmIsRaised() {
        String device = "GA-NOTIFY-" + UUID.randomUUID().toString().substring(0, 8);
        Instant ts = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Feed.send(Topics.READINGS, device, new Reading(UUID.randomUUID(), ts, "test", device,
                ChannelStandIns.ENTERPRISE, "gas-alarm", null, "gas_lel", 60, "%LEL", null, ts, ts, Quality.GOOD));
        String alarmId = Alarm.idFor(device, StandardDefaults.GAS_LEL, ts);

        await().atMost(Duration.ofSeconds(30)).until(() -> ChannelStandIns.wecom.requests.stream()
                .anyMatch(r -> r.body().contains(device)));
        Receiver.Request robot = ChannelStandIns.wecom.requests.stream().filter(r -> r.body().contains(device))
                .findFirst().orElseThrow();
        assertTrue(robot.rawQuery().equals("key=" + ChannelStandIns.ROBOT_KEY), robot.rawQuery());
        assertTrue(robot.body().contains("报警发生"), robot.body());

        await().atMost(Duration.ofSeconds(30)).until(() -> Arrays.stream(ChannelStandIns.smtp.getReceivedMessages())
                .anyMatch(m -> body(m).contains(device)));

        String ops = TestInfra.shared().token("ops");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(ops)
                .when().get("/api/alarms/{id}/deliveries", alarmId)
                .then().statusCode(200)
                .body("alarmId", equalTo(alarmId))
                .body("items.channel", containsInAnyOrder("wecom", "email"))
                .body("items.status", everyItem(equalTo("SENT")))
                .body("items.change", everyItem(equalTo("RAISED")))
                .body("items.recipients.flatten()", hasItem("d***@notify-it.example.cn")));

        given().auth().oauth2(TestInfra.shared().token("ent.chem"))
                .when().get("/api/alarms/{id}/deliveries", alarmId)
                .then().statusCode(404);
    }

    private static String body(MimeMessage m) {
        try {
            return String.valueOf(m.getContent());
        } catch (Exception e) {
            return "";
        }
    }
}
