package io.safetyhub.enterprise.majorhazard;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.safetyhub.devstack.testing.RealInfraResource;
import io.safetyhub.devstack.testing.TestInfra;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

/** The register over REST with real tokens: the seeded worked example, writes, bad input, the regulator's views. */
@QuarkusTest
@QuarkusTestResource(RealInfraResource.class)
class MajorHazardIT {
    private static final String BASE = "/api/enterprises/chem-banan-01/major-hazards";

    @Test
    void shouldShowSeededTankFarmGradedSecondWhenRegulatorReadsIt() {
        as("reg.banan").when().get(BASE + "/MHS-chem-banan-01-01").then().statusCode(200)
                .body("s", equalTo(19.0f)).body("alpha", equalTo(2.0f)).body("r", equalTo(70.0f))
                .body("major", equalTo(true)).body("grade", equalTo("SECOND")).body("gradeLabel", equalTo("二级"))
                .body("substances[0].thresholdClause", equalTo("GB 18218-2018 表1 序号1"))
                .body("substances[0].betaClause", equalTo("GB 18218-2018 表3 氨"))
                .body("substances[1].betaClause", equalTo("GB 18218-2018 表2 W2 / 表4 W2"));
    }

    @Test
    void shouldComputeGradeAgainWhenEnterpriseChangesQuantities() {
        String location = as("ent.chem").body("""
                {"name": "氯气库", "unitType": "WAREHOUSE", "peopleWithin500m": 100,
                 "substances": [{"substance": "液氯", "quantity": 6.25}]}
                """).when().post(BASE).then().statusCode(201).header("Location", startsWith(BASE + "/MHS-chem-banan-01-"))
                .body("r", equalTo(10.0f)).body("grade", equalTo("THIRD")).extract().header("Location");
        as("ent.chem").body("""
                {"name": "氯气库", "unitType": "WAREHOUSE", "peopleWithin500m": 100,
                 "substances": [{"substance": "液氯", "quantity": 62.5}]}
                """).when().put(location).then().statusCode(200).body("r", equalTo(100.0f)).body("grade", equalTo("FIRST"));
        as("reg.banan").queryParam("grade", "FIRST").when().get("/api/major-hazards").then().statusCode(200)
                .body("items.id", hasItem(location.substring(location.lastIndexOf('/') + 1)))
                .body("items.grade", everyItem(equalTo("FIRST")));
        as("ent.chem").when().delete(location).then().statusCode(204);
        as("ent.chem").when().get(location).then().statusCode(404);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            quantity 0                    | {"substance": "液氨", "quantity": 0}              | substances[0].quantity
            negative quantity             | {"substance": "液氨", "quantity": -1}             | substances[0].quantity
            unknown without a category    | {"substance": "神秘物质", "quantity": 5}           | substances[0].category
            """)
    void shouldRefuseNamingTheFieldAndWriteNothingWhenASubstanceIsBad(String what, String substance, String field) {
        long before = total();
        ValidatableResponse r = as("ent.chem").body("{\"name\": \"坏数据\", \"unitType\": \"OTHER\", \"peopleWithin500m\": 1,"
                + " \"substances\": [" + substance + "]}").when().post(BASE).then();
        r.statusCode(400).contentType("application/problem+json").body("errors.field", hasItem(field));
        as("ent.chem").when().get(BASE).then().body("total", equalTo((int) before));
    }

    @Test
    void shouldCountDistrictInstallationsByGradeWhenRegulatorAsks() {
        as("reg.banan").when().get("/api/major-hazards/by-grade").then().statusCode(200)
                .body("district", equalTo("巴南区")).body("byGrade.SECOND", greaterThanOrEqualTo(1))
                .body("byGrade.THIRD", greaterThanOrEqualTo(1));
        as("reg.banan").queryParam("district", "渝北区").when().get("/api/major-hazards").then().statusCode(200)
                .body("total", equalTo(0));
        as("reg.banan").queryParam("grade", "ZEROTH").when().get("/api/major-hazards").then().statusCode(400)
                .body("errors[0].field", equalTo("grade"));
    }

    private static long total() {
        return as("ent.chem").when().get(BASE).then().statusCode(200).extract().<Integer>path("total");
    }

    private static io.restassured.specification.RequestSpecification as(String user) {
        return given().auth().oauth2(TestInfra.shared().token(user)).contentType("application/json");
    }
}
