package io.safetyhub.training.personnel;

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

import java.util.List;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Personnel through the real HTTP stack: masking, uniqueness per enterprise, filters and the life of a record. */
@QuarkusTest
@QuarkusTestResource(RealInfraResource.class)
class PersonnelFlowIT {
    @Inject
    RegisteredEnterpriseRepository view;

    @BeforeEach
    void registry() throws Exception {
        DemoRegistry.ensure(view);
    }

    @Test
    void shouldNeverReturnTheFullIdCardNumberWhenAPersonIsCreatedListedOrRead() {
        String idCard = Bodies.newIdCard("500113");
        String masked = idCard.substring(0, 6) + "********" + idCard.substring(14);
        String id = Calls.as("ent.chem").body(Bodies.person(null, idCard)).post("/api/personnel")
                .then().statusCode(201).body("idCardNumber", equalTo(masked)).body("enterpriseId", equalTo("chem-banan-01"))
                .body("enterpriseName", equalTo("重庆南彭化工储运有限公司")).extract().path("id");

        String one = Calls.as("reg.banan").get("/api/personnel/" + id).then().statusCode(200).extract().asString();
        String list = Calls.as("reg.city").get("/api/personnel?enterpriseId=chem-banan-01&size=100").then().statusCode(200).extract().asString();
        String uncertified = Calls.as("reg.city").get("/api/compliance/uncertified").then().statusCode(200).extract().asString();
        assertTrue(one.contains(masked));
        assertFalse(one.contains(idCard) || list.contains(idCard) || uncertified.contains(idCard));
    }

    @Test
    void shouldRefuseTheSameIdCardTwiceInOneEnterpriseButAcceptItInAnother() {
        String idCard = Bodies.newIdCard("500112");
        Calls.as("ent.chem").body(Bodies.person(null, idCard)).post("/api/personnel").then().statusCode(201);
        Calls.as("ops").body(Bodies.person("chem-banan-01", idCard.toLowerCase())).post("/api/personnel")
                .then().statusCode(409).body("code", equalTo("DUPLICATE_ID_CARD"));
        Calls.as("ent.build").body(Bodies.person(null, idCard)).post("/api/personnel").then().statusCode(201)
                .body("enterpriseId", equalTo("build-yubei-01"));
    }

    @Test
    void shouldFilterByEnterprisePostCategoryAndStatusWhenListing() {
        List<String> left = Calls.as("reg.city").get("/api/personnel?enterpriseId=chem-banan-01&status=LEFT")
                .then().statusCode(200).extract().jsonPath().getList("items.id");
        assertTrue(left.contains("p-demo-chem-07"), left.toString());
        List<String> principals = Calls.as("reg.city").get("/api/personnel?roleCategory=PRINCIPAL&size=100")
                .then().statusCode(200).extract().jsonPath().getList("items.roleCategory");
        assertFalse(principals.isEmpty());
        assertTrue(principals.stream().allMatch("PRINCIPAL"::equals));
        List<String> welders = Calls.as("ent.chem").get("/api/personnel?post=焊工").then().statusCode(200)
                .extract().jsonPath().getList("items.post");
        assertTrue(welders.stream().allMatch(p -> p.contains("焊工")) && !welders.isEmpty(), welders.toString());
        List<String> own = Calls.as("ent.build").get("/api/personnel?size=100").then().statusCode(200)
                .extract().jsonPath().getList("items.enterpriseId");
        assertTrue(own.stream().allMatch("build-yubei-01"::equals), own.toString());
    }

    @Test
    void shouldUpdateThenDeleteWhenTheEnterpriseKeepsItsStaff() {
        String idCard = Bodies.newIdCard("500113");
        String id = Calls.as("ent.chem").body(Bodies.person(null, idCard)).post("/api/personnel").then().statusCode(201)
                .extract().path("id");
        Calls.as("ent.chem").body(Bodies.person(null, idCard).replace("}", ", \"status\": \"LEFT\"}")).put("/api/personnel/" + id)
                .then().statusCode(200).body("status", equalTo("LEFT"));
        Calls.as("ent.chem").delete("/api/personnel/" + id).then().statusCode(204);
        Calls.as("ops").get("/api/personnel/" + id).then().statusCode(404).body("code", equalTo("NOT_FOUND"));
    }
}
