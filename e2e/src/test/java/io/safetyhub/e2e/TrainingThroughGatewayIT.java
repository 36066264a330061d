package io.safetyhub.e2e;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.safetyhub.devstack.testing.TestInfra;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

/**
 * training-service as its users reach it: through the gateway, with real Keycloak tokens, on the demo data
 * seeded at start and the enterprise names and districts it learned from enterprise-service's
 * {@code enterprise.registry.v1} (both services run as processes; nothing is stubbed).
 */
class TrainingThroughGatewayIT {
    private static final Duration REGISTRY_WAIT = Duration.ofSeconds(60);
    private static final List<String> APPS = List.of("enterprise-service", "training-service", "gateway");

    @BeforeAll
    static void startPlatform() {
        RestAssured.baseURI = E2ePlatform.start(APPS).get("gateway");
        // The rates carry district and name only once the registry topic has reached training-service.
        await().atMost(REGISTRY_WAIT).untilAsserted(() -> given().auth().oauth2(token("reg.banan"))
                .when().get("/api/compliance/certificate-rates")
                .then().statusCode(200).body("key", hasItem("chem-banan-01")));
    }

    @Test
    void shouldShowOnlyTheDistrictsEnterprisesWhenADistrictRegulatorAsksForCertificateRates() {
        given().auth().oauth2(token("reg.banan")).when().get("/api/compliance/certificate-rates")
                .then().statusCode(200)
                .body("key", not(hasItem("build-yubei-01")))
                .body("find { it.key == 'chem-banan-01' }.district", equalTo("巴南区"))
                // Seeded: 3 of the 5 people in the three posts hold a usable certificate.
                .body("find { it.key == 'chem-banan-01' }.rate", equalTo(60.0f));
        given().auth().oauth2(token("reg.city")).when().get("/api/compliance/certificate-rates")
                .then().statusCode(200).body("key", hasItem("build-yubei-01"));
    }

    @Test
    void shouldMaskIdentityNumbersAndKeepToItsOwnStaffWhenAnEnterpriseListsPersonnel() {
        given().auth().oauth2(token("ent.chem")).when().get("/api/personnel")
                .then().statusCode(200)
                .body("total", greaterThan(0))
                .body("items.enterpriseId", everyItem(equalTo("chem-banan-01")))
                .body("items.idCardNumber", everyItem(matchesPattern("\\d{6}\\*{8}[0-9X]{4}")));
    }

    @Test
    void shouldRefuseWithTheFieldNamedWhenACertificateKindIsUnknown() {
        given().auth().oauth2(token("ent.chem")).contentType(ContentType.JSON)
                .body(Map.of("personId", "nobody", "kind", "PILOT_LICENCE", "number", "X1",
                        "authority", "somewhere", "issuedOn", "2025-01-01"))
                .when().post("/api/certificates")
                .then().statusCode(400)
                .contentType(containsString("application/problem+json"))
                .body("errors.field", hasItem("kind"));
    }

    @Test
    void shouldListUpcomingActivitiesWithoutATokenWhenTheCallerIsAnonymous() {
        given().when().get("/api/public/activities")
                .then().statusCode(200).body("total", greaterThan(0));
        given().when().get("/api/personnel").then().statusCode(401);
    }

    private static String token(String user) {
        return TestInfra.shared().token(user);
    }
}
