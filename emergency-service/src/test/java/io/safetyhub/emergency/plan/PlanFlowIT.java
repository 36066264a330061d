package io.safetyhub.emergency.plan;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.safetyhub.devstack.testing.RealInfraResource;
import io.safetyhub.devstack.testing.TestInfra;
import io.safetyhub.emergency.enterprise.EnterpriseDirectory;
import io.safetyhub.emergency.support.Demo;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An enterprise records, attaches and files its plan; the district's regulator accepts the filing. */
@QuarkusTest
@QuarkusTestResource(RealInfraResource.class)
class PlanFlowIT {
    private static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Inject
    EnterpriseDirectory directory;

    @BeforeEach
    void registry() throws Exception {
        Demo.registry(directory);
    }

    private static String plan(int daysAgo) {
        return Demo.as("ent.chem").body("{\"title\":\"综合应急预案\",\"kind\":\"COMPREHENSIVE\",\"version\":\"2026版\",\"publishedOn\":\""
                        + Demo.today().minusDays(daysAgo) + "\",\"reviewedOn\":\"" + Demo.today().minusDays(daysAgo + 3) + "\"}")
                .post("/api/emergency/plans").then().statusCode(201).body("filing.status", equalTo("NOT_FILED"))
                .body("filingDue", notNullValue()).extract().path("id");
    }

    private static io.restassured.response.Response upload(String id, String name, byte[] bytes) {
        return RestAssured.given().auth().oauth2(TestInfra.shared().token("ent.chem")).multiPart("file", name, bytes, "application/pdf")
                .post("/api/emergency/plans/" + id + "/document");
    }

    @Test
    void shouldFileAndAcceptWhenTheEnterpriseFilesAndTheRegulatorAccepts() {
        String id = plan(5);
        upload(id, "预案.pdf", "not a pdf at all".getBytes(StandardCharsets.UTF_8)).then().statusCode(415)
                .body("errors.field", hasItem("file"));
        upload(id, "预案.pdf", PDF).then().statusCode(200).body("document.size", equalTo(PDF.length));
        byte[] back = Demo.as("reg.banan").get("/api/emergency/plans/" + id + "/document").then().statusCode(200)
                .extract().asByteArray();
        assertArrayEquals(PDF, back);

        Demo.as("ent.chem").post("/api/emergency/plans/" + id + "/filing").then().statusCode(200).body("filing.status", equalTo("FILED"));
        Demo.as("ent.chem").post("/api/emergency/plans/" + id + "/filing").then().statusCode(409).body("code", equalTo("ALREADY_FILED"));
        Demo.as("ent.build").get("/api/emergency/plans/" + id).then().statusCode(404);
        Demo.as("reg.banan").body("{\"remark\":\"材料齐全\"}").post("/api/emergency/plans/" + id + "/filing/acceptance")
                .then().statusCode(200).body("filing.status", equalTo("ACCEPTED")).body("filing.decidedBy", notNullValue());
    }

    @Test
    void shouldCountAnOverdueFilingWhenTwentyWorkingDaysHavePassed() {
        plan(60);
        List<Map<String, Object>> rows = Demo.as("reg.banan").get("/api/emergency/plans/overdue").then().statusCode(200)
                .extract().path("$");
        assertTrue(rows.stream().anyMatch(r -> "巴南区".equals(r.get("district")) && ((Integer) r.get("filingOverdue")) >= 1), rows::toString);
    }

    @Test
    void shouldRequireARemarkWhenTheRegulatorReturnsAFiling() {
        String id = plan(1);
        Demo.as("ent.chem").post("/api/emergency/plans/" + id + "/filing").then().statusCode(200);
        Demo.as("reg.banan").body("{}").post("/api/emergency/plans/" + id + "/filing/return").then().statusCode(400)
                .body("errors.field", hasItem("remark"));
        Demo.as("reg.banan").body("{\"remark\":\"缺少风险评估\"}").post("/api/emergency/plans/" + id + "/filing/return")
                .then().statusCode(200).body("filing.status", equalTo("RETURNED"));
    }
}
