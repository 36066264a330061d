package io.safetyhub.warning.messaging;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.safetyhub.devstack.testing.RealInfraResource;
import io.safetyhub.devstack.testing.TestInfra;
import io.safetyhub.events.DutyOverdue;
import io.safetyhub.events.Topics;
import io.safetyhub.warning.support.Feed;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** DutyOverdue on the real Kafka becomes one blue alarm the district regulator finds, however often it arrives. */
@QuarkusTest
@QuarkusTestResource(RealInfraResource.class)
class DutyOverdueIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Instant DUE_BASE = Instant.now().truncatedTo(ChronoUnit.MILLIS).minus(Duration.ofHours(1));
    private static final String BLUE_OF_CHEM = "/api/alarms?enterpriseId=chem-banan-01&level=BLUE&size=200";

    @BeforeAll
    static void enterprises() {
        Feed.demoEnterprises();
    }

    @Test
    void shouldRaiseOneBlueAlarmForTheRegulatorWhenTheSameDutyOverdueArrivesTwice() {
        String installation = "MHS-it-" + UUID.randomUUID().toString().substring(0, 8);
        DutyOverdue overdue = overdue(installation, LocalDate.of(2026, 6, 1));
        String device = "duty:" + installation + ":OPERATIONAL:2026-06-01";
        String mine = "items.findAll { it.deviceId == '" + device + "' }";

        Feed.send(Topics.ENTERPRISE_DUTIES, "chem-banan-01", overdue);
        await().atMost(WAIT).untilAsserted(() -> as("reg.banan").get(BLUE_OF_CHEM).then().statusCode(200)
                .body(mine + ".size()", equalTo(1)));
        as("reg.banan").get(BLUE_OF_CHEM).then()
                .body(mine + "[0].message", containsString("操作负责人 王五"))
                .body(mine + "[0].message", containsString("储罐区(" + installation + ")"))
                .body(mine + "[0].ruleId", equalTo("default-duty-overdue"))
                .body(mine + "[0].district", equalTo("巴南区"));
        as("ent.build").get("/api/alarms?level=BLUE&size=200").then().statusCode(200)
                .body(mine + ".size()", equalTo(0));

        // The same duty again (a redelivery, a replay), then another period on the same partition as a marker:
        // once the marker's alarm is there the repeat has been consumed too, and it raised nothing.
        Feed.send(Topics.ENTERPRISE_DUTIES, "chem-banan-01", overdue);
        Feed.send(Topics.ENTERPRISE_DUTIES, "chem-banan-01", overdue(installation, LocalDate.of(2026, 6, 8)));
        String marker = "items.findAll { it.deviceId == 'duty:" + installation + ":OPERATIONAL:2026-06-08' }";
        await().atMost(WAIT).untilAsserted(() -> as("reg.banan").get(BLUE_OF_CHEM).then().statusCode(200)
                .body(marker + ".size()", equalTo(1)));
        as("reg.banan").get(BLUE_OF_CHEM).then().body(mine + ".size()", equalTo(1));
    }

    private static DutyOverdue overdue(String installation, LocalDate periodStart) {
        // The period's end: recent, so the engine's one-day sweep leaves the alarm active during the test.
        Instant due = DUE_BASE.plus(Duration.ofMinutes(periodStart.getDayOfMonth()));
        return new DutyOverdue(UUID.randomUUID(), Instant.now(), "test",
                installation + "|OPERATIONAL|" + periodStart, "chem-banan-01", "重庆长江化工有限公司", "巴南区", "界石镇",
                installation, "储罐区", DutyOverdue.Role.OPERATIONAL, "王五", "WEEKLY", periodStart, due);
    }

    private static io.restassured.specification.RequestSpecification as(String user) {
        return given().auth().oauth2(TestInfra.shared().token(user));
    }
}
