package io.safetyhub.emergency.accident;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.safetyhub.devstack.testing.RealInfraResource;
import io.safetyhub.emergency.enterprise.EnterpriseDirectory;
import io.safetyhub.emergency.support.Demo;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An accident's whole life through the real app: reported late, escalated, re-graded by 补报, counted, closed. */
@QuarkusTest
@QuarkusTestResource(RealInfraResource.class)
class AccidentFlowIT {
    @Inject
    EnterpriseDirectory directory;

    @BeforeEach
    void registry() throws Exception {
        Demo.registry(directory);
    }

    private static String report(String user, String enterprise, Instant occurredAt, Instant reportedAt, int deaths, String kind) {
        return "{" + (enterprise == null ? "" : "\"enterpriseId\":\"" + enterprise + "\",") + "\"kind\":\"" + kind
                + "\",\"occurredAt\":\"" + occurredAt + "\",\"reportedAt\":\"" + reportedAt + "\",\"place\":\"2号车间\","
                + "\"deaths\":" + deaths + ",\"seriousInjuries\":1,\"directLossYuan\":500000}";
    }

    private static int statsDeaths() {
        return Demo.as("reg.banan").get("/api/emergency/accidents/stats?by=SECTOR").then().statusCode(200)
                .extract().path("total.deaths");
    }

    @Test
    void shouldFlagLateReRegradeAndCountWhenAnAccidentGoesThroughItsLife() {
        int deathsBefore = statsDeaths();
        Instant occurred = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(3, ChronoUnit.HOURS);
        JsonPath created = Demo.as("ent.chem").body(report("ent.chem", null, occurred, occurred.plus(90, ChronoUnit.MINUTES), 1, "COLLAPSE"))
                .post("/api/emergency/accidents").then().statusCode(201)
                .body("grade", equalTo("GENERAL")).body("late", equalTo(true))
                .body("reporting[0].status", equalTo("LATE")).body("district", equalTo("巴南区"))
                .body("sector", equalTo("HAZARDOUS_CHEMICALS")).extract().jsonPath();
        String id = created.getString("id");

        Demo.as("reg.banan").body("{\"level\":\"CITY\"}").post("/api/emergency/accidents/" + id + "/reports")
                .then().statusCode(200).body("reporting[1].reportedAt", org.hamcrest.Matchers.notNullValue());
        Demo.as("reg.banan").body("{\"level\":\"PROVINCE\"}").post("/api/emergency/accidents/" + id + "/reports")
                .then().statusCode(400).body("code", equalTo("LEVEL_NOT_REQUIRED")).body("errors.field", hasItem("level"));

        Demo.as("ent.chem").body("{\"deaths\":3,\"seriousInjuries\":1,\"directLossYuan\":500000,\"note\":\"两名重伤者抢救无效\"}")
                .post("/api/emergency/accidents/" + id + "/casualties").then().statusCode(200)
                .body("grade", equalTo("LARGER")).body("supplements[0].previousGrade", equalTo("GENERAL"))
                .body("reporting.level", hasItem("PROVINCE")).body("reporting[2].status", equalTo("PENDING"));
        assertEquals(deathsBefore + 3, statsDeaths());

        Demo.as("reg.banan").body("{\"conclusion\":\"too early\"}").post("/api/emergency/accidents/" + id + "/closure")
                .then().statusCode(409).body("code", equalTo("ILLEGAL_TRANSITION"));
        Demo.as("reg.banan").body("{\"team\":\"巴南区事故调查组\"}").post("/api/emergency/accidents/" + id + "/investigation")
                .then().statusCode(200).body("status", equalTo("INVESTIGATING"));
        Demo.as("reg.banan").body("{\"conclusion\":\"责任事故，已处理\"}").post("/api/emergency/accidents/" + id + "/closure")
                .then().statusCode(200).body("status", equalTo("CLOSED"));
        Demo.as("ent.chem").body("{\"deaths\":4,\"seriousInjuries\":0,\"directLossYuan\":500000}")
                .post("/api/emergency/accidents/" + id + "/casualties").then().statusCode(409).body("code", equalTo("ACCIDENT_CLOSED"));

        List<String> late = Demo.as("reg.banan").get("/api/emergency/accidents?late=true&size=100").then().statusCode(200)
                .extract().path("items.id");
        assertTrue(late.contains(id), "the late accident is listed as late");
    }

    @Test
    void shouldRefuseACasualtyChangeWhenTheSevenDayWindowOfAFireHasClosed() {
        Instant occurred = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(9, ChronoUnit.DAYS);
        String id = Demo.as("reg.banan").body(report("reg.banan", "gas-banan-01", occurred, occurred.plusSeconds(1200), 0, "FIRE"))
                .post("/api/emergency/accidents").then().statusCode(201).body("late", equalTo(true)) // city never told
                .extract().path("id");
        Demo.as("reg.banan").body("{\"deaths\":1,\"seriousInjuries\":0,\"directLossYuan\":0}")
                .post("/api/emergency/accidents/" + id + "/casualties").then().statusCode(409)
                .body("code", equalTo("SUPPLEMENT_WINDOW_CLOSED")).body("errors.field", hasItem("reportedAt"));
    }

    @Test
    void shouldCountDaysSinceTheLastFatalAccidentWhenAsked() {
        Demo.as("reg.city").get("/api/emergency/accidents/safe-days?district=渝北区").then().statusCode(200)
                .body("days", org.hamcrest.Matchers.greaterThanOrEqualTo(0));
    }
}
