package io.safetyhub.e2e;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.safetyhub.devstack.testing.TestInfra;
import io.safetyhub.e2e.console.ConsoleBrowser;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.safetyhub.e2e.E2ePlatform.WARNING_SERVICE;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 23's "done when", through the gateway with every hop real: a level-I (red) tower-crane overload in 南彭街道
 * nobody acknowledges is escalated, at its deadline, to the town regulator on duty that day (emergency-service's rota
 * on {@code emergency.duty.v1}), who receives it on a local WeCom-robot stand-in (@-mentioned by mobile) and in an SMTP
 * inbox (GreenMail); the enterprise disposes of it, the town regulator verifies, and the figures show it.
 * warning-service runs here, as for every class of the module, with a 15 s red deadline and a recipient group for the
 * town ({@link E2ePlatform}: it starts so, once, instead of restarting for this test and again after it).
 */
class WarningsReachPeopleIT {
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String OFFICER_MOBILE = "13800000021";
    private static final String DUTY_MAILBOX = E2ePlatform.DUTY_MAILBOX;
    private static final List<String> ROBOT_CALLS = E2ePlatform.ROBOT_CALLS;

    @BeforeAll
    static void startPlatform() {
        RestAssured.baseURI = E2ePlatform.start(List.of("enterprise-service", "device-adapter", WARNING_SERVICE,
                "emergency-service", "gateway")).get("gateway");
    }

    @Test
    void shouldReachTheTownOfficerOnDutyAndRecordDisposalAndVerificationWhenARedAlarmGoesUnacknowledged()
            throws Exception {
        String ops = TestInfra.shared().token("ops");
        String town = TestInfra.shared().token("reg.nanpeng");
        String enterprise = TestInfra.shared().token("ent.chem");
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        as(town).body(Map.of("district", "巴南区", "town", "南彭街道",
                        "leader", Map.of("name", "周强", "phone", "13800000022", "post", "副主任"),
                        "officers", List.of(Map.of("name", "孙丽", "phone", OFFICER_MOBILE, "post", "值班员"))))
                .put("/api/emergency/duty/" + today).then().statusCode(200);

        String device = "TC-NP-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        given().auth().oauth2(ops).contentType(ContentType.JSON)
                .body(Map.of("id", device, "enterpriseId", "chem-banan-01", "kind", "tower-crane", "protocol", "MQTT"))
                .post("/api/devices").then().statusCode(201);
        String password = given().auth().oauth2(ops).post("/api/devices/" + device + "/credentials/password")
                .then().statusCode(201).extract().path("password");
        String topic = "safetyhub/chem-banan-01/tower-crane/" + device + "/telemetry";
        try (DemoDevice crane = DemoDevice.login(device, password)) {
            assertEquals(0, crane.publish(topic, "load_ratio", 115, "%"), "the adapter refused the reading");
        }

        // Nobody acknowledges: after the 15 s red deadline the town stage reaches that day's officer.
        await().atMost(WAIT).until(() -> ROBOT_CALLS.stream().anyMatch(c -> c.contains(device)));
        String robot = ROBOT_CALLS.stream().filter(c -> c.contains(device)).findFirst().orElseThrow();
        assertTrue(robot.startsWith("key=" + E2ePlatform.ROBOT_KEY + " "), robot);
        assertTrue(robot.contains("\"mentioned_mobile_list\":[\"" + OFFICER_MOBILE + "\""), robot);
        assertTrue(robot.contains("逐级上报") && robot.contains("孙丽"), robot);
        await().atMost(WAIT).until(() -> mailsTo(DUTY_MAILBOX).stream().anyMatch(body -> body.contains(device)));
        String mail = mailsTo(DUTY_MAILBOX).stream().filter(body -> body.contains(device)).findFirst().orElseThrow();
        assertTrue(mail.contains("值班人员：南彭街道值班：孙丽 138****0021；带班：周强 138****0022"), mail);

        String id = given().auth().oauth2(town).queryParam("enterpriseId", "chem-banan-01").get("/api/alarms")
                .then().statusCode(200).extract().path("items.find { it.deviceId == '" + device + "' }.id");
        given().auth().oauth2(town).get("/api/alarms/" + id).then().statusCode(200)
                .body("level", equalTo("RED")).body("town", equalTo("南彭街道"))
                .body("trail.find { it.action == 'ESCALATE' }.note",
                        equalTo("TOWN_REGULATOR: 南彭街道值班：孙丽 138****0021；带班：周强 138****0022"));
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(town).get("/api/alarms/" + id + "/deliveries")
                .then().statusCode(200)
                .body("items.findAll { it.audience == 'TOWN_REGULATOR' && it.status == 'SENT' }.channel",
                        hasItem("wecom"))
                .body("items.findAll { it.audience == 'TOWN_REGULATOR' && it.status == 'SENT' }.channel",
                        hasItem("email")));

        // The enterprise acknowledges, the load falls back, and it closes the alarm with its disposal.
        as(enterprise).body(Map.of("note", "吊装已停止")).post("/api/alarms/" + id + "/acknowledge")
                .then().statusCode(200);
        try (DemoDevice crane = DemoDevice.login(device, password)) {
            assertEquals(0, crane.publish(topic, "load_ratio", 40, "%"));
        }
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(enterprise).get("/api/alarms/" + id)
                .then().statusCode(200).body("status", equalTo("CLEARED")));
        as(enterprise).body(Map.of("cause", "REAL_DANGER", "note", "超载吊装，已卸载并培训司机"))
                .post("/api/alarms/" + id + "/close").then().statusCode(200);

        // The town regulator verifies (核查) the disposal; the figures count it.
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(town).get("/api/alarms/verifications")
                .then().statusCode(200).body("items.alarmId", hasItem(id)));
        as(town).body(Map.of("accept", true, "note", "现场核实")).post("/api/alarms/" + id + "/verification")
                .then().statusCode(200).body("status", equalTo("ACCEPTED"));
        given().auth().oauth2(town).get("/api/alarms/verifications/stats").then().statusCode(200)
                .body("accepted", greaterThanOrEqualTo(1)).body("closed", greaterThanOrEqualTo(1));
        given().auth().oauth2(town).get("/api/alarms/" + id + "/verification").then().statusCode(200)
                .body("steps[0].by", equalTo("ent.chem")).body("steps[-1].by", equalTo("reg.nanpeng"));

        // What the town regulator sees on the alarm page: who was on duty, and each notice's delivery.
        String console = RestAssured.baseURI.replace("127.0.0.1", "localhost") + "/";
        ConsoleBrowser browser = ConsoleBrowser.signedIn(console, "reg.nanpeng", "safetyhub", 1366, 1400);
        browser.driver().get(console + "#/alarms/"
                + java.net.URLEncoder.encode(id, StandardCharsets.UTF_8));
        String deliveries = browser.visible("[data-testid=deliveries]").getText();
        assertTrue(deliveries.contains("企业微信") && deliveries.contains("电子邮件") && deliveries.contains("已送达"),
                deliveries);
        assertTrue(deliveries.contains("n***@banan.example.cn"), "the mailbox masked: " + deliveries);
        String page = browser.driver().findElement(org.openqa.selenium.By.tagName("main")).getText();
        assertTrue(page.contains("镇街监管 — 南彭街道值班：孙丽 138****0021"), page);
        browser.screenshot("warnings-reach-people-alarm");
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    /** The text of every message to the address (quarkus-mailer's plain text part, decoded). */
    private static List<String> mailsTo(String address) {
        return Arrays.stream(E2ePlatform.smtp().getReceivedMessages()).filter(m -> recipientIs(m, address))
                .map(WarningsReachPeopleIT::text).toList();
    }

    private static boolean recipientIs(MimeMessage message, String address) {
        try {
            return Arrays.stream(message.getAllRecipients()).anyMatch(r -> r.toString().contains(address));
        } catch (jakarta.mail.MessagingException e) {
            return false;
        }
    }

    private static String text(MimeMessage message) {
        try {
            return String.valueOf(message.getContent());
        } catch (Exception unreadable) {
            return "";
        }
    }
}
