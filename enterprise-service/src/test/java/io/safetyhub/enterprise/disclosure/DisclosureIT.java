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
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

/** Responsibility disclosure: the enterprise publishes, regulators read in full, the public reads it masked. */
@QuarkusTest
@QuarkusTestResource(RealInfraResource.class)
class DisclosureIT {

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

    /**
     * Every phone is masked whatever its length: local landlines of 7 and 8 digits were shown whole or half before.
     * An identity-card number is never shown: it cannot pass for a phone (at most 15 digits), and one typed into a
     * text is masked in the public view.
     */
    @Test
    void shouldMaskEveryPhoneAndHideIdCardNumbersWhenDisclosureIsPublic() {
        String body = Fixtures.DISCLOSURE
                .replaceFirst("\"administrative\": \\{[^}]*}", person("administrative", "66220003"))
                .replaceFirst("\"industrySupervision\": \\{[^}]*}", person("industrySupervision", "6622003"))
                .replaceFirst("\"professionalSupervision\": \\{[^}]*}", person("professionalSupervision", "023-66220003"))
                .replace("\"facility\": \"液氨储罐区\"", "\"facility\": \"液氨储罐区 负责人身份证 500113198001011234\"");
        given().auth().oauth2(token("ops")).contentType("application/json").body(body)
                .when().put("/api/enterprises/gas-banan-01/disclosure").then().statusCode(200)
                .body("disclosure.responsiblePersons.industrySupervision.phone", equalTo("6622003"));
        String publicBody = given().when().get("/api/public/enterprises/gas-banan-01/disclosure")
                .then().statusCode(200)
                .body("disclosure.responsiblePersons.administrative.phone", equalTo("66****03"))
                .body("disclosure.responsiblePersons.industrySupervision.phone", equalTo("6****03"))
                .body("disclosure.responsiblePersons.professionalSupervision.phone", equalTo("023****0003"))
                .body("disclosure.responsiblePersons.principal.phone", equalTo("138****5678"))
                .body("disclosure.majorRiskPoints[0].facility", equalTo("液氨储罐区 负责人身份证 500113********1234"))
                .extract().asString();
        for (String secret : new String[] {"66220003", "6622003", "13812345678", "500113198001011234"}) {
            org.hamcrest.MatcherAssert.assertThat(publicBody, not(containsString(secret)));
        }
        given().auth().oauth2(token("ops")).contentType("application/json")
                .body(Fixtures.DISCLOSURE.replaceFirst("\"principal\": \\{[^}]*}", person("principal", "500113198001011234")))
                .when().put("/api/enterprises/gas-banan-01/disclosure")
                .then().statusCode(400).body("errors.field", hasItem("responsiblePersons.principal.phone"));
    }

    private static String person(String role, String phone) {
        return "\"" + role + "\": {\"name\": \"王芳\", \"post\": \"安全员\", \"phone\": \"" + phone + "\"}";
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
