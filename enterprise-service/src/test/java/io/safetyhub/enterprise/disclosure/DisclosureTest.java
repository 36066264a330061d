package io.safetyhub.enterprise.disclosure;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.safetyhub.devstack.testing.RealInfraResource;
import io.safetyhub.devstack.testing.TestInfra;
import io.safetyhub.enterprise.access.Fixtures;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

/** Responsibility disclosure: the enterprise publishes, regulators read in full, the public reads it masked. */
@QuarkusTest
@QuarkusTestResource(RealInfraResource.class)
class DisclosureTest {

    @Test
    void shouldPublishInFullAndShowMaskedToAnonymousWhenEnterprisePutsDisclosure() {
        given().auth().oauth2(token("ent.chem")).contentType("application/json").body(Fixtures.DISCLOSURE)
                .when().put("/api/enterprises/chem-banan-01/disclosure")
                .then().statusCode(200).body("updatedBy", equalTo("ent.chem"))
                .body("disclosure.responsiblePersons.principal.phone", equalTo("13812345678"));
        given().auth().oauth2(token("reg.banan")).when().get("/api/enterprises/chem-banan-01/disclosure")
                .then().statusCode(200)
                .body("disclosure.majorRiskPoints[0].directlyResponsible.phone", equalTo("13812345678"))
                .body("disclosure.hazardSourceGuardians[0].technical.name", equalTo("陈建国"));
        String publicBody = given().when().get("/api/public/enterprises/chem-banan-01/disclosure")
                .then().statusCode(200)
                .body("enterpriseName", equalTo("重庆南彭化工储运有限公司"))
                .body("updatedBy", equalTo(null))
                .body("disclosure.responsiblePersons.principal.phone", equalTo("138****5678"))
                .body("disclosure.majorRiskPoints[0].deputyInCharge.phone", equalTo("138****5678"))
                .body("disclosure.majorRiskPoints[0].controlMeasures", hasSize(1))
                .body("disclosure.hazardSourceGuardians[0].operational.phone", equalTo("138****5678"))
                .extract().asString();
        org.hamcrest.MatcherAssert.assertThat(publicBody, not(containsString("13812345678")));
        org.hamcrest.MatcherAssert.assertThat(publicBody, not(containsString("500113198001011234")));
        org.hamcrest.MatcherAssert.assertThat(publicBody, not(containsString("idCard")));
    }

    @Test
    void shouldShowSeededDisclosureToPublicWhenEnterpriseHasOne() {
        given().when().get("/api/public/enterprises/chem-jiangbei-01/disclosure")
                .then().statusCode(200).body("disclosure.responsiblePersons.principal.phone", equalTo("137****5678"))
                .body("disclosure.hazardSourceGuardians[0].grade", equalTo(1));
        given().when().get("/api/public/enterprises/no-such-enterprise/disclosure")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void shouldAnswer400NamingTheFieldWhenDisclosureIsIncomplete() {
        String withoutPrincipal = Fixtures.DISCLOSURE.replaceFirst("\"principal\": \\{[^}]*}", "\"principal\": null");
        given().auth().oauth2(token("ent.chem")).contentType("application/json").body(withoutPrincipal)
                .when().put("/api/enterprises/chem-banan-01/disclosure")
                .then().statusCode(400).body("errors[0].field", equalTo("responsiblePersons.principal"));
        given().auth().oauth2(token("ent.chem")).contentType("application/json")
                .body(Fixtures.DISCLOSURE.replace("13812345678", "call me"))
                .when().put("/api/enterprises/chem-banan-01/disclosure")
                .then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
    }

    private static String token(String user) {
        return TestInfra.shared().token(user);
    }
}
