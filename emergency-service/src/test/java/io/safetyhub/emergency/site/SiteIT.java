package io.safetyhub.emergency.site;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.safetyhub.devstack.testing.RealInfraResource;
import io.safetyhub.emergency.support.Demo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shelter and key-target catalogue: operators keep it, regulators see their area's, bad input names the field. */
@QuarkusTest
@QuarkusTestResource(RealInfraResource.class)
class SiteIT {
    private static final String SHELTER = "{\"name\":\"界石公园应急避难场所\",\"shelterClass\":\"SHORT_TERM\",\"capacity\":5000,"
            + "\"areaSquareMetres\":20000,\"address\":\"巴南区界石镇\",\"manager\":\"周敏\",\"phone\":\"13800000081\","
            + "\"district\":\"巴南区\",\"town\":\"界石镇\",\"longitude\":106.60,\"latitude\":29.48}";

    @Test
    void shouldShowTheShelterToItsDistrictWhenAnOperatorRecordsIt() {
        String id = Demo.as("ops").body(SHELTER).post("/api/emergency/shelters").then().statusCode(201)
                .body("shelterClass", equalTo("SHORT_TERM")).extract().path("id");
        Demo.as("reg.banan").get("/api/emergency/shelters").then().statusCode(200).body("id", hasItem(id));
        Demo.as("reg.banan").get("/api/emergency/map/shelters").then().statusCode(200)
                .contentType("application/geo+json")
                .body("features.find { it.properties.id == '" + id + "' }.geometry.coordinates", equalTo(List.of(106.6f, 29.48f)));
        Demo.as("ops").body(SHELTER.replace("5000", "6500")).put("/api/emergency/shelters/" + id).then().statusCode(200)
                .body("capacity", equalTo(6500));
        Demo.as("reg.banan").body(SHELTER).put("/api/emergency/shelters/" + id).then().statusCode(403);
        Demo.as("ops").body(SHELTER).put("/api/emergency/shelters/s-nowhere").then().statusCode(404);
        Demo.as("reg.city").get("/api/emergency/shelters/" + id).then().statusCode(200).body("capacity", equalTo(6500));
    }

    @Test
    void shouldNarrowToTheTownWhenATownRegulatorLooks() {
        List<String> shelters = Demo.as("reg.nanpeng").get("/api/emergency/shelters").then().statusCode(200).extract().path("id");
        assertTrue(shelters.stream().noneMatch(s -> s.equals("s-demo-banan-01") || s.equals("s-demo-yubei-01")), shelters::toString);
        Demo.as("reg.nanpeng").get("/api/emergency/key-targets").then().statusCode(200).body("id", hasItem("k-demo-banan-01"));
        Demo.as("reg.nanpeng").get("/api/emergency/shelters/s-demo-banan-01").then().statusCode(404);
        Demo.as("reg.banan").get("/api/emergency/key-targets?kind=HOSPITAL").then().statusCode(200)
                .body("id", not(hasItem("k-demo-yubei-01"))).body("id", not(hasItem("k-demo-banan-01")));
        Demo.as("reg.city").get("/api/emergency/map/key-targets").then().statusCode(200)
                .body("features.properties.id", hasItem("k-demo-yubei-01"));
        Demo.as("reg.city").accept("application/json").get("/api/emergency/map/shelters").then().statusCode(200)
                .contentType("application/json").body("type", equalTo("FeatureCollection"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', textBlock = """
            capacity       | -1
            capacity       | 0
            shelterClass   | "BUNKER"
            longitude      | null
            longitude      | 181
            latitude       | -90.5
            phone          | "call me"
            name           | "\\u0007bell"
            district       | ""
            """)
    void shouldNameTheFieldAndWriteNothingWhenAShelterIsBad(String field, String value) {
        // the field's value, quoted or a number, replaced by the bad one
        String pattern = "\"" + field + "\":(\"[^\"]*\"|[-0-9.]+)";
        String body = SHELTER.replace("界石公园", "坏数据")
                .replaceFirst(pattern, java.util.regex.Matcher.quoteReplacement("\"" + field + "\":" + value));
        Demo.as("ops").body(body).post("/api/emergency/shelters").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem(field));
        Demo.as("ops").get("/api/emergency/shelters").then().statusCode(200).body("name", not(hasItem("坏数据应急避难场所")));
    }

    @Test
    void shouldNameTheParameterWhenAnUnknownClassIsAskedFor() {
        Demo.as("reg.banan").get("/api/emergency/shelters?shelterClass=CAVE").then().statusCode(400)
                .body("errors.field", hasItem("shelterClass"));
        Demo.as("reg.banan").get("/api/emergency/key-targets?kind=CASTLE").then().statusCode(400)
                .body("errors.field", hasItem("kind"));
    }
}
