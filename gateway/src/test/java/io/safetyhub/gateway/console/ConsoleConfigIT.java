package io.safetyhub.gateway.console;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.safetyhub.devstack.testing.RealInfraResource;
import io.safetyhub.devstack.testing.TestInfra;
import io.safetyhub.gateway.proxy.EchoUpstreams;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The console is told what the real Keycloak announces about itself, not what the gateway was configured with; its
 * files and the WebJars it loads (ECharts, the Chongqing map) come from the gateway's own origin under the page policy.
 */
@QuarkusTest
@QuarkusTestResource(RealInfraResource.class)
@QuarkusTestResource(EchoUpstreams.class)
class ConsoleConfigIT {

    @Test
    void shouldGiveConsoleKeycloaksAnnouncedEndpointsWhenConsoleAsksForItsConfig() {
        JsonPath keycloak = given().baseUri(TestInfra.shared().keycloakUrl())
                .get("/realms/safetyhub/.well-known/openid-configuration").then().statusCode(200).extract().jsonPath();

        JsonPath config = given().get("/console-config.json").then().statusCode(200)
                .header("Cache-Control", "no-store").extract().jsonPath();

        assertEquals(keycloak.getString("issuer"), config.getString("issuer"));
        assertEquals(keycloak.getString("authorization_endpoint"), config.getString("authorizationEndpoint"));
        assertEquals(keycloak.getString("end_session_endpoint"), config.getString("endSessionEndpoint"));
        assertEquals("/console/token", config.getString("tokenEndpoint"));
    }

    @Test
    void shouldServeEchartsImmutableUnderThePagePolicyWhenTheConsoleLoadsIt() {
        given().get("/webjars/echarts/5.3.1/dist/echarts.esm.min.js").then().statusCode(200)
                .header("Content-Type", containsString("javascript"))
                .header("Cache-Control", containsString("immutable"))
                .header("Content-Security-Policy", containsString("script-src 'self'"));
    }

    @Test
    void shouldServeChongqingsThirtyEightDistrictsWhenTheConsoleLoadsTheMap() {
        given().get("/webjars/echarts/4.1.0/map/json/province/chongqing.json").then().statusCode(200)
                .body("features.size()", is(38))
                .body("features.properties.name", hasItem("巴南区"));
    }

    @Test
    void shouldAskBrowsersToRevalidateTheConsolesOwnFilesWhenTheyKeepTheirNames() {
        given().get("/js/app.js").then().statusCode(200).header("Cache-Control", "no-cache");
    }
}
