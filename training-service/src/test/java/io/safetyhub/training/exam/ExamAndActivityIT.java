package io.safetyhub.training.exam;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.safetyhub.devstack.testing.RealInfraResource;
import io.safetyhub.training.enterprise.RegisteredEnterpriseRepository;
import io.safetyhub.training.support.Bodies;
import io.safetyhub.training.support.Calls;
import io.safetyhub.training.support.DemoRegistry;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Published exam results and upcoming activities for the public; activity statistics for regulators. */
@QuarkusTest
@QuarkusTestResource(RealInfraResource.class)
class ExamAndActivityIT {
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @Inject
    RegisteredEnterpriseRepository view;

    @BeforeEach
    void registry() throws Exception {
        DemoRegistry.ensure(view);
    }

    @Test
    void shouldShowAResultPubliclyOnlyOnceItIsPublishedAndThenMasked() {
        String exam = "应知应会-" + UUID.randomUUID();
        String id = Calls.as("reg.banan").body("{\"personId\": \"p-demo-gas-01\", \"examName\": \"" + exam + "\", \"examDate\": \""
                + TODAY.minusDays(1) + "\", \"score\": 88}").post("/api/exam-results").then().statusCode(201).extract().path("id");
        assertEquals(0, (int) given().queryParam("examName", exam).get("/api/public/exam-results").then().statusCode(200)
                .extract().path("total"));

        Calls.as("reg.banan").post("/api/exam-results/" + id + "/publish").then().statusCode(200);
        String raw = given().queryParam("examName", exam).get("/api/public/exam-results").then().statusCode(200).extract().asString();
        JsonPath published = JsonPath.from(raw);
        assertEquals(1, published.getInt("total"));
        assertEquals("黄*", published.getString("items[0].name"));
        assertTrue(published.getString("items[0].idCardNumber").matches("500113\\*{8}\\d{3}[\\dX]"));
        assertFalse(raw.contains("黄涛") || raw.contains("p-demo-gas-01") || raw.contains("personId"), raw);
    }

    @Test
    void shouldListOnlyPublishedResultsWithMaskedIdentitiesWhenAnonymous() {
        List<Map<String, Object>> items = given().queryParam("size", 100).get("/api/public/exam-results").then().statusCode(200)
                .extract().jsonPath().getList("items");
        assertFalse(items.isEmpty());
        assertTrue(items.stream().allMatch(r -> ((String) r.get("name")).contains("*")), items.toString());
        assertTrue(items.stream().anyMatch(r -> "陈*国".equals(r.get("name"))), items.toString());
        assertTrue(items.stream().noneMatch(r -> Integer.valueOf(55).equals(r.get("score"))), "the unpublished 55 is not shown");
    }

    @Test
    void shouldListUpcomingActivitiesOnlyWhenAnonymous() {
        String past = "昨日活动-" + UUID.randomUUID();
        String upcoming = "明日活动-" + UUID.randomUUID();
        create(past, "巴南区", TODAY.minusDays(1));
        create(upcoming, "巴南区", TODAY.plusDays(1));
        JsonPath list = given().queryParam("size", 100).get("/api/public/activities").then().statusCode(200).extract().jsonPath();
        List<String> titles = list.getList("items.title");
        assertTrue(titles.contains(upcoming), titles.toString());
        assertFalse(titles.contains(past), titles.toString());
        list.getList("items.date", String.class).forEach(d -> assertFalse(LocalDate.parse(d).isBefore(TODAY), d));
    }

    @Test
    void shouldShowAnEnterprisesActivityUnderItsRegisteredNameAndRefuseAnotherName() {
        String title = "企业活动-" + UUID.randomUUID();
        String own = Bodies.ownActivity("ANKANG_CUP", TODAY).replace("测试活动", title);
        String posing = own.replace("{", "{\"organiser\": \"巴南区应急管理局\", ");

        Calls.as("ent.chem").body(posing).post("/api/activities").then().statusCode(403)
                .contentType("application/problem+json").body("errors.field", hasItem("organiser"));
        Calls.as("ent.chem").body(own).post("/api/activities").then().statusCode(201)
                .body("organiser", equalTo("重庆南彭化工储运有限公司"));

        // Today's activities come first on the public page, soonest first.
        List<Map<String, Object>> shown = given().queryParam("size", 100).get("/api/public/activities").then().statusCode(200)
                .extract().jsonPath().<Map<String, Object>>getList("items").stream().filter(a -> title.equals(a.get("title"))).toList();
        assertEquals(1, shown.size(), shown.toString());
        assertEquals("重庆南彭化工储运有限公司", shown.get(0).get("organiser"));
    }

    @Test
    void shouldCountActivitiesPerDistrictMonthAndKindWithinTheRegulatorsDistrict() {
        LocalDate day = TODAY.minusDays(2);
        create("统计活动-" + UUID.randomUUID(), "巴南区", day);
        List<Map<String, Object>> banan = Calls.as("reg.banan").get("/api/activities/stats?year=" + day.getYear()).then()
                .statusCode(200).extract().jsonPath().getList("$");
        assertTrue(banan.stream().allMatch(s -> "巴南区".equals(s.get("district"))), banan.toString());
        assertTrue(banan.stream().anyMatch(s -> day.toString().substring(0, 7).equals(s.get("month"))
                && "KNOWLEDGE_CONTEST".equals(s.get("kind")) && ((Number) s.get("activities")).longValue() >= 1), banan.toString());
        List<String> cityDistricts = Calls.as("reg.city").get("/api/activities/stats?year=" + TODAY.getYear()).then()
                .statusCode(200).extract().jsonPath().getList("district");
        assertTrue(cityDistricts.contains("江北区") && cityDistricts.contains("巴南区"), cityDistricts.toString());
    }

    private static void create(String title, String district, LocalDate date) {
        Calls.as("reg.city").body("{\"kind\": \"KNOWLEDGE_CONTEST\", \"title\": \"" + title + "\", \"organiser\": \"区应急管理局\","
                + " \"district\": \"" + district + "\", \"date\": \"" + date + "\", \"place\": \"文化馆\", \"audience\": \"市民\"}")
                .post("/api/activities").then().statusCode(201);
    }
}
