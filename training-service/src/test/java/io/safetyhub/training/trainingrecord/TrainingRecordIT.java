package io.safetyhub.training.trainingrecord;

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pass marks per category and yearly hours against the minimum, through HTTP. */
@QuarkusTest
@QuarkusTestResource(RealInfraResource.class)
class TrainingRecordIT {
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @Inject
    RegisteredEnterpriseRepository view;

    @BeforeEach
    void registry() throws Exception {
        DemoRegistry.ensure(view);
    }

    @ParameterizedTest(name = "{0} scores {1}: pass mark {2}, passed {3} ({4})")
    @CsvSource(delimiter = '|', textBlock = """
            p-demo-chem-03 | 79 | 80 | false | issue 6: special operations pass at 80
            p-demo-chem-03 | 80 | 80 | true  | issue 6: 80 itself passes
            p-demo-chem-06 | 60 | 60 | true  | platform default pass mark for other staff
            p-demo-chem-06 | 59 | 60 | false | platform default pass mark for other staff
            """)
    void shouldApplyThePassMarkOfThePersonsCategoryWhenAScoreIsRecorded(String personId, int score, int passMark,
                                                                      boolean passed, String source) {
        Calls.as("ent.chem").body(Bodies.trainingRecord(personId, 1, score, TODAY.minusDays(1))).post("/api/training-records")
                .then().statusCode(201).body("passMark", equalTo(passMark)).body("passed", equalTo(passed));
    }

    @Test
    void shouldCompareAnnualHoursWithTheConfiguredMinimumWhenAsked() {
        int year = TODAY.minusDays(20).getYear(); // the year of the seeded 16 h course of chem-01
        JsonPath hours = Calls.as("ent.chem").get("/api/training-records/hours?size=100&year=" + year).then().statusCode(200)
                .extract().jsonPath();
        Map<String, Object> principal = row(hours, "p-demo-chem-01");
        assertEquals(16, ((Number) principal.get("required")).intValue(), "总局令3号 第九条: 16 h a year in hazardous chemicals");
        assertTrue(((Number) principal.get("hours")).doubleValue() >= 16.0);
        assertEquals(true, principal.get("met"));
        List<String> enterprises = hours.getList("items.enterpriseId");
        assertTrue(enterprises.stream().allMatch("chem-banan-01"::equals), enterprises.toString());

        Map<String, Object> buildPrincipal = row(Calls.as("reg.city").get("/api/training-records/hours?year=" + year
                + "&enterpriseId=build-yubei-01").then().statusCode(200).extract().jsonPath(), "p-demo-build-01");
        assertEquals(12, ((Number) buildPrincipal.get("required")).intValue(), "总局令3号 第九条: 12 h a year outside high-risk sectors");
    }

    private static Map<String, Object> row(JsonPath hours, String personId) {
        List<Map<String, Object>> rows = hours.getList("items");
        return rows.stream().filter(r -> personId.equals(r.get("personId"))).findFirst()
                .orElseThrow(() -> new AssertionError(personId + " missing from " + rows));
    }
}
