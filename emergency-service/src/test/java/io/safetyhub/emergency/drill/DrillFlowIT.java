package io.safetyhub.emergency.drill;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.safetyhub.devstack.testing.RealInfraResource;
import io.safetyhub.emergency.enterprise.EnterpriseDirectory;
import io.safetyhub.emergency.support.Demo;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A drill planned, held and evaluated; the district's large drills counted; an enterprise's rules judged. */
@QuarkusTest
@QuarkusTestResource(RealInfraResource.class)
class DrillFlowIT {
    @Inject
    EnterpriseDirectory directory;

    @BeforeEach
    void registry() throws Exception {
        Demo.registry(directory);
    }

    private static long largeHeldInBanan() {
        List<Map<String, Object>> rows = Demo.as("reg.banan").get("/api/emergency/drills/district-counts").then().statusCode(200)
                .extract().path("$");
        return rows.stream().filter(r -> "巴南区".equals(r.get("district"))).mapToLong(r -> ((Number) r.get("largeDrillsHeld")).longValue())
                .findFirst().orElseThrow();
    }

    @Test
    void shouldCountTheDrillWhenTheDistrictHoldsAndEvaluatesALargeDrill() {
        long before = largeHeldInBanan();
        String id = Demo.as("reg.banan").body("{\"title\":\"危化品泄漏综合演练\",\"form\":\"LIVE\",\"scope\":\"COMPREHENSIVE\","
                        + "\"large\":true,\"plannedOn\":\"" + Demo.today() + "\"}")
                .post("/api/emergency/drills").then().statusCode(201).body("status", equalTo("PLANNED")).extract().path("id");
        Demo.as("reg.banan").body("{\"summary\":\"x\",\"findings\":[]}").post("/api/emergency/drills/" + id + "/evaluation")
                .then().statusCode(409).body("code", equalTo("ILLEGAL_TRANSITION"));
        Demo.as("reg.banan").body("{\"heldOn\":\"" + Demo.today() + "\",\"participants\":120}")
                .post("/api/emergency/drills/" + id + "/held").then().statusCode(200).body("status", equalTo("HELD"));
        Demo.as("reg.banan").body("{\"summary\":\"响应及时\",\"findings\":[{\"problem\":\"通讯中断3分钟\",\"measure\":\"配备卫星电话\"}]}")
                .post("/api/emergency/drills/" + id + "/evaluation").then().statusCode(200)
                .body("status", equalTo("EVALUATED")).body("evaluation.findings[0].measure", equalTo("配备卫星电话"));
        assertEquals(before + 1, largeHeldInBanan());
    }

    @Test
    void shouldJudgeTheOnSiteRuleWhenAHighRiskEnterpriseHoldsItsDrill() {
        String id = Demo.as("ent.chem").body("{\"title\":\"储罐泄漏现场处置\",\"form\":\"LIVE\",\"scope\":\"ON_SITE\",\"plannedOn\":\""
                + Demo.today() + "\"}").post("/api/emergency/drills").then().statusCode(201).extract().path("id");
        Demo.as("ent.chem").body("{\"heldOn\":\"" + Demo.today() + "\",\"participants\":15}")
                .post("/api/emergency/drills/" + id + "/held").then().statusCode(200);
        List<Map<String, Object>> rows = Demo.as("ent.chem").get("/api/emergency/drills/compliance").then().statusCode(200)
                .extract().path("$");
        assertEquals(1, rows.size(), "an enterprise sees itself only");
        List<Map<String, Object>> rules = (List<Map<String, Object>>) rows.get(0).get("rules");
        assertTrue(rules.stream().anyMatch(r -> "ON_SITE".equals(r.get("rule")) && Boolean.FALSE.equals(r.get("overdue"))), rules::toString);
        Demo.as("ent.build").get("/api/emergency/drills/" + id).then().statusCode(404);
    }
}
