package io.safetyhub.enterprise.enterprise;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.safetyhub.devstack.testing.RealInfraResource;
import io.safetyhub.devstack.testing.TestInfra;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The tenant matrix with real tokens of the demo users against the seeded demo district. */
@QuarkusTest
@QuarkusTestResource(RealInfraResource.class)
class EnterpriseResourceIT {
    private static final String PROBLEM_JSON = "application/problem+json";

    @Test
    void shouldListOnlyItsOwnEnterpriseWhenCallerIsEnterpriseUser() {
        given().auth().oauth2(token("ent.chem")).when().get("/api/enterprises")
                .then().statusCode(200)
                .body("total", equalTo(1))
                .body("items", hasSize(1))
                .body("items[0].id", equalTo("chem-banan-01"))
                .body("items[0].district", equalTo("巴南区"))
                .body("items[0].riskColour", equalTo("ORANGE"))
                .body("items[0].sectors", equalTo(List.of("HAZARDOUS_CHEMICALS")));
    }

    @Test
    void shouldAnswer404WhenEnterpriseUserAsksForAnotherEnterprise() {
        given().auth().oauth2(token("ent.chem")).when().get("/api/enterprises/build-yubei-01")
                .then().statusCode(404).contentType(PROBLEM_JSON).body("code", equalTo("NOT_FOUND"));
        given().auth().oauth2(token("ent.chem")).when().get("/api/enterprises/chem-banan-01")
                .then().statusCode(200).body("uscc", equalTo("91500113MA5U4XYD7T"));
        given().auth().oauth2(token("ent.build")).when().get("/api/enterprises/chem-banan-01")
                .then().statusCode(404);
    }

    @Test
    void shouldListOnlyItsDistrictWhenCallerIsDistrictRegulator() {
        given().auth().oauth2(token("reg.banan")).queryParam("size", 100).when().get("/api/enterprises")
                .then().statusCode(200)
                // at least the four seeded ones: other tests register enterprises in 巴南区 too
                .body("total", greaterThanOrEqualTo(4))
                .body("items.district", everyItem(equalTo("巴南区")))
                .body("items.id", hasItems("chem-banan-01", "gas-banan-01", "trade-banan-01", "equip-banan-01"));
        given().auth().oauth2(token("reg.banan")).queryParam("district", "渝北区").when().get("/api/enterprises")
                .then().statusCode(200).body("total", equalTo(0)).body("items", hasSize(0));
        given().auth().oauth2(token("reg.banan")).when().get("/api/enterprises/build-yubei-01")
                .then().statusCode(404);
    }

    @Test
    void shouldListEveryDistrictWhenCallerIsCityRegulatorOrOperator() {
        for (String user : List.of("reg.city", "ops")) {
            given().auth().oauth2(token(user)).queryParam("size", 100).when().get("/api/enterprises")
                    .then().statusCode(200)
                    .body("total", greaterThanOrEqualTo(10))
                    .body("items.district", hasItems("巴南区", "渝北区", "江北区"))
                    .body("items.id", hasItems("chem-banan-01", "build-yubei-01", "chem-jiangbei-01"));
        }
        given().auth().oauth2(token("reg.city")).when().get("/api/enterprises/build-yubei-01")
                .then().statusCode(200).body("district", equalTo("渝北区"));
    }

    @Test
    void shouldFilterByDistrictAndSectorWhenAsked() {
        given().auth().oauth2(token("reg.city")).queryParam("district", "江北区").queryParam("sector", "construction")
                .when().get("/api/enterprises")
                .then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].id", equalTo("build-jiangbei-01"));
        given().auth().oauth2(token("reg.city")).queryParam("sector", "HAZARDOUS_CHEMICALS").queryParam("size", 100)
                .when().get("/api/enterprises")
                .then().statusCode(200)
                .body("items.id", hasItems("chem-banan-01", "chem-jiangbei-01", "transport-yubei-01"));
    }

    @Test
    void shouldPageInIdOrderWhenListIsLongerThanAPage() {
        List<String> all = given().auth().oauth2(token("reg.city")).queryParam("size", 100)
                .when().get("/api/enterprises").then().statusCode(200).extract().jsonPath().getList("items.id");
        List<String> second = given().auth().oauth2(token("reg.city")).queryParam("page", 1).queryParam("size", 3)
                .when().get("/api/enterprises")
                .then().statusCode(200).body("page", equalTo(1)).body("size", equalTo(3)).body("total", equalTo(all.size()))
                .extract().jsonPath().getList("items.id");
        assertEquals(all.subList(3, 6), second);
        assertEquals(all.stream().sorted().toList(), all);
    }

    @Test
    void shouldAnswer400ProblemWhenPagingOrSectorIsInvalid() {
        given().auth().oauth2(token("reg.city")).queryParam("size", 1000).when().get("/api/enterprises")
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("code", equalTo("VALIDATION_FAILED")).body("errors[0].field", equalTo("size"));
        given().auth().oauth2(token("reg.city")).queryParam("sector", "BAKERY").when().get("/api/enterprises")
                .then().statusCode(400).contentType(PROBLEM_JSON).body("code", equalTo("VALIDATION_FAILED")).body("errors[0].field", equalTo("sector"));
    }

    /** Paging parameters are parsed by the service: a bad one is a 400 naming it, never a 404 or an overflow. */
    @ParameterizedTest(name = "{0} {1}={2}")
    @CsvSource(textBlock = """
            /api/enterprises,                              page, x
            /api/enterprises,                              page, -1
            /api/enterprises,                              size, 0
            /api/enterprises,                              size, 101
            /api/enterprises,                              page, 2147483647
            /api/enterprises,                              size, 99999999999
            /api/hazards,                                  page, x
            /api/hazards,                                  size, 0
            /api/hazards,                                  page, 2147483647
            /api/hazards,                                  open, maybe
            /api/hazards/major-open,                       page, -1
            /api/hazards/overdue,                          size, 101
            /api/enterprises/chem-banan-01/status-history, size, 0
            /api/commitments?enterpriseId=chem-banan-01,   page, 2147483647
            /api/commitments/missing,                      page, x
            """)
    void shouldAnswer400NamingTheParameterWhenPagingIsInvalid(String path, String parameter, String value) {
        given().auth().oauth2(token("reg.city")).queryParam(parameter, value).when().get(path)
                .then().statusCode(400).contentType(PROBLEM_JSON).body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", equalTo(List.of(parameter)));
    }

    /** Every list answers the one page shape, {items, page, size, total}. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            /api/enterprises
            /api/enterprises/chem-banan-01/status-history
            /api/hazards
            /api/hazards/major-open
            /api/hazards/overdue
            /api/commitments?enterpriseId=chem-banan-01
            /api/commitments/missing
            """)
    void shouldAnswerOnePageShapeWhenAnyListIsAsked(String path) {
        given().auth().oauth2(token("reg.city")).queryParam("page", 0).queryParam("size", 2).when().get(path)
                .then().statusCode(200).body("page", equalTo(0)).body("size", equalTo(2))
                .body("items.size()", lessThanOrEqualTo(2)).body("total", greaterThanOrEqualTo(0));
    }

    @Test
    void shouldAnswer401ProblemWhenAnonymousOrTokenForged() {
        given().when().get("/api/enterprises")
                .then().statusCode(401).contentType(PROBLEM_JSON).body("code", equalTo("UNAUTHENTICATED"));
        given().when().get("/api/enterprises/chem-banan-01")
                .then().statusCode(401).contentType(PROBLEM_JSON);
        String token = token("reg.city");
        int at = token.lastIndexOf('.') + 10;
        String forged = token.substring(0, at) + (token.charAt(at) == 'A' ? 'B' : 'A') + token.substring(at + 1);
        given().auth().oauth2(forged).when().get("/api/enterprises")
                .then().statusCode(401).contentType(PROBLEM_JSON);
    }

    private static String token(String user) {
        return TestInfra.shared().token(user);
    }
}
