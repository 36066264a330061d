package io.safetyhub.gateway.openapi;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.safetyhub.devstack.testing.RealInfraResource;
import io.safetyhub.gateway.proxy.EchoUpstreams;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The merged document the gateway serves, built from the test upstreams' real HTTP answers. */
@QuarkusTest
@QuarkusTestResource(RealInfraResource.class)
@QuarkusTestResource(EchoUpstreams.class)
class OpenApiAggregationIT {

    @Test
    void shouldMergeRoutedPathsOfEveryReachableServiceWhenJsonIsAsked() {
        JsonPath doc = given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).contentType(containsString("application/json")).extract().jsonPath();
        Map<String, Object> paths = doc.getMap("paths");
        assertTrue(paths.containsKey("/api/alarms"), "echo-service's path is missing");
        assertTrue(paths.containsKey("/api/stats/slow"), "slow-service's path is missing");
        // /api/activities is routed to training-service: echo-service's claim on it is dropped.
        assertEquals("training activities", doc.getString("paths.'/api/activities'.get.summary"));
        assertEquals(List.of("device-adapter"), doc.getList("x-safetyhub-unavailable"));
        assertTrue(doc.getString("info.description").contains("device-adapter"));
    }

    @Test
    void shouldPrefixClashingComponentsByServiceAndRewriteTheirRefsWhenTwoServicesDiffer() {
        JsonPath doc = given().accept("application/json").when().get("/q/openapi")
                .then().statusCode(200).extract().jsonPath();
        Map<String, Object> schemas = doc.getMap("components.schemas");
        assertTrue(schemas.containsKey("echo-service.Problem"), schemas.keySet().toString());
        assertTrue(schemas.containsKey("slow-service.Problem"), schemas.keySet().toString());
        assertFalse(schemas.containsKey("Problem"), "a clashing name must not be kept bare");
        assertTrue(schemas.containsKey("Shared"), "identical definitions are kept once under their name");
        assertEquals("#/components/schemas/echo-service.Problem",
                doc.getString("components.schemas.AlarmView.properties.problem.$ref"));
        assertEquals("#/components/schemas/slow-service.Problem",
                doc.getString("paths.'/api/stats/slow'.get.responses.'200'.content.'application/json'.schema.$ref"));
        assertEquals("#/components/schemas/Shared", doc.getString("components.schemas.AlarmView.properties.shared.$ref"));
    }

    @Test
    void shouldDeclareTheGatewayAsServerAndItsBearerSchemeWhenServed() {
        JsonPath doc = given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).extract().jsonPath();
        assertEquals("/", doc.getString("servers[0].url"));
        assertEquals("bearer", doc.getString("components.securitySchemes.bearer.scheme"));
        assertEquals(List.of("enterprise", "operator", "regulator"), doc.getList("paths.'/api/alarms'.get.security[0].bearer"));
        assertEquals("#/components/responses/GatewayTooManyRequests",
                doc.getString("paths.'/api/alarms'.get.responses.'429'.$ref"));
        assertEquals("text/event-stream", doc.getMap("paths.'/api/alarms/stream'.get.responses.'200'.content")
                .keySet().iterator().next());
    }

    @Test
    void shouldServeYamlAndSwaggerUiWhenAskedWithoutFormat() {
        String yaml = given().when().get("/q/openapi").then().statusCode(200)
                .contentType(containsString("yaml")).extract().asString();
        assertTrue(yaml.contains("/api/stats/slow:"), yaml);
        given().when().get("/q/swagger-ui/").then().statusCode(200).contentType(containsString("text/html"))
                .header("Content-Security-Policy", containsString("script-src 'self' 'unsafe-inline'"));
    }
}
