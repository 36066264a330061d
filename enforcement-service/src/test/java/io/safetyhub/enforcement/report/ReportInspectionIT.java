package io.safetyhub.enforcement.report;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.safetyhub.devstack.testing.RealInfraResource;
import io.safetyhub.enforcement.roster.RosterRepository;
import io.safetyhub.enforcement.support.DemoRegistry;
import io.safetyhub.enforcement.support.Flow;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.safetyhub.enforcement.support.Calls.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An inspection opened straight from a report, outside any draw, by the report's handler: linked as its verification,
 * the team checked as the draw checks its picks, and the rest of the loop (results, signatures, findings, a case)
 * unchanged. And who may open one (the report-handler role, the report's own handler; reg.nanpeng is 南彭街道's).
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfraResource.class, restrictToAnnotatedClass = false)
class ReportInspectionIT {
    private static final List<String> TEAM = List.of("in-banan-01", "in-banan-02");

    @Inject
    RosterRepository roster;

    @BeforeEach
    void registry() throws Exception {
        DemoRegistry.ensure(roster);
    }

    @Test
    void shouldLinkTheInspectionAndCarryTheLoopOnWhenTheHandlerOpensOneFromTheReport() {
        String base = triaged();
        // in-banan-03 declared a conflict with chem-banan-01 (回避): refused, nothing opened, the report still ACCEPTED.
        as("handler.banan").body(Map.of("inspectorIds", List.of("in-banan-01", "in-banan-03"))).post(base + "/inspection")
                .then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("errors.field", hasItem("inspectorIds[1]"));
        as("handler.banan").body(Map.of("inspectorIds", List.of("in-banan-01"))).post(base + "/inspection")
                .then().statusCode(400).body("errors.field", hasItem("inspectorIds"));
        as("handler.banan").get(base).then().statusCode(200).body("status", equalTo("ACCEPTED"));

        JsonPath opened = as("handler.banan").body(Map.of("inspectorIds", TEAM)).post(base + "/inspection").then()
                .statusCode(201).header("Location", containsString("/api/enforcement/inspections/in-"))
                .body("drawId", nullValue()).body("enterpriseId", equalTo("chem-banan-01"))
                .body("sector", equalTo("HAZARDOUS_CHEMICALS")).body("status", equalTo("OPEN")).extract().jsonPath();
        String inspectionId = opened.getString("id");
        assertEquals(TEAM, opened.getList("team.inspectorId"));
        as("handler.banan").get(base).then().statusCode(200).body("status", equalTo("VERIFYING"))
                .body("inspectionId", equalTo(inspectionId));
        as("handler.banan").body(Map.of("inspectorIds", TEAM)).post(base + "/inspection").then().statusCode(409);

        String failed = opened.getString("items[0].code");
        Flow.record("reg.banan", inspectionId, Set.of(failed), 30);
        Flow.signAll("reg.banan", inspectionId);
        as("reg.banan").get("/api/enforcement/inspections/" + inspectionId).then().statusCode(200)
                .body("status", equalTo("COMPLETED"));
        as("reg.banan").get("/api/enforcement/findings?inspectionId=" + inspectionId).then().statusCode(200)
                .body("items.itemCode", hasItem(failed));
        Flow.fileCase("reg.banan", "chem-banan-01", inspectionId, List.of(), "AQF-102");
        as("ent.chem").get("/api/enforcement/inspections/" + inspectionId).then().statusCode(200);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            anonymous     | 401
            ent.chem      | 403
            reg.banan     | 403
            reg.nanpeng   | 403
            reg.city      | 403
            ops           | 403
            handler.banan | 201
            """)
    void shouldLetOnlyTheReportsHandlerOpenAnInspectionWhenAnyCallerTries(String caller, int status) {
        String base = triaged();
        as(caller).body(Map.of("inspectorIds", TEAM)).post(base + "/inspection").then().statusCode(status);
    }

    /** A report about chem-banan-01 (巴南区/南彭街道), accepted by handler.banan: its base path. */
    private static String triaged() {
        String id = Reports.filed(Reports.about("chem-banan-01", false, false)).get("id");
        String base = "/api/enforcement/reports/" + id;
        as("handler.banan").body(Map.of("accept", true, "note", "受理，直接核查")).post(base + "/triage").then().statusCode(200);
        return base;
    }
}
