package io.safetyhub.training.certificate;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
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

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A certificate's life through HTTP: default dates, renewal with history, revocation, and status filters. */
@QuarkusTest
@QuarkusTestResource(RealInfraResource.class)
class CertificateFlowIT {
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @Inject
    RegisteredEnterpriseRepository view;

    @BeforeEach
    void registry() throws Exception {
        DemoRegistry.ensure(view);
    }

    @Test
    void shouldKeepThePreviousTermWhenACertificateIsRenewedAndRefuseRenewalOnceRevoked() {
        String personId = Calls.as("ent.chem").body(Bodies.person(null, Bodies.newIdCard("500113"))).post("/api/personnel")
                .then().statusCode(201).extract().path("id");
        LocalDate issued = TODAY.minusYears(2);
        String id = Calls.as("ent.chem").body(Bodies.certificate(personId, "SPECIAL_OPERATION", issued)).post("/api/certificates")
                .then().statusCode(201)
                .body("validUntil", equalTo(issued.plusYears(6).toString()))
                .body("nextReview", equalTo(issued.plusYears(3).toString()))
                .body("status", equalTo("VALID"))
                .extract().path("id");
        String oldNumber = Calls.as("ent.chem").get("/api/certificates/" + id).then().extract().path("number");

        Calls.as("ent.chem").body("{\"number\": \"T-RENEWED\", \"issuedOn\": \"" + TODAY + "\"}").post("/api/certificates/" + id + "/renew")
                .then().statusCode(200)
                .body("number", equalTo("T-RENEWED"))
                .body("validUntil", equalTo(TODAY.plusYears(6).toString()))
                .body("history", hasSize(1))
                .body("history[0].number", equalTo(oldNumber))
                .body("history[0].issuedOn", equalTo(issued.toString()))
                .body("history[0].replacedBy", equalTo("ent.chem"));

        Calls.as("reg.banan").body("{\"reason\": \"违章作业\"}").post("/api/certificates/" + id + "/revoke")
                .then().statusCode(200).body("status", equalTo("REVOKED")).body("revokedReason", equalTo("违章作业"));
        Calls.as("ent.chem").body("{\"issuedOn\": \"" + TODAY + "\"}").post("/api/certificates/" + id + "/renew")
                .then().statusCode(409).body("code", equalTo("CERTIFICATE_REVOKED"));
        List<String> revoked = Calls.as("ent.chem").get("/api/certificates?status=REVOKED&size=100").then().statusCode(200)
                .extract().jsonPath().getList("items.id");
        assertTrue(revoked.contains(id), revoked.toString());
    }

    @Test
    void shouldFilterByComputedStatusAndKindWhenListing() {
        List<String> expiring = Calls.as("reg.city").get("/api/certificates?status=EXPIRING&size=100").then().statusCode(200)
                .extract().jsonPath().getList("items.id");
        assertTrue(expiring.containsAll(List.of("c-demo-chem-02", "c-demo-build-03", "c-demo-jb-02")), expiring.toString());
        List<String> expired = Calls.as("reg.city").get("/api/certificates?status=EXPIRED&size=100").then().statusCode(200)
                .extract().jsonPath().getList("items.id");
        assertTrue(expired.contains("c-demo-chem-04"), expired.toString());
        List<String> kinds = Calls.as("reg.banan").get("/api/certificates?kind=PRINCIPAL_ASSESSMENT&size=100").then().statusCode(200)
                .extract().jsonPath().getList("items.kind");
        assertTrue(!kinds.isEmpty() && kinds.stream().allMatch("PRINCIPAL_ASSESSMENT"::equals), kinds.toString());
        List<String> districts = Calls.as("reg.banan").get("/api/certificates?size=100").then().statusCode(200)
                .extract().jsonPath().getList("items.district");
        assertTrue(districts.stream().allMatch("巴南区"::equals), districts.toString());
    }
}
