package io.safetyhub.gateway.console;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.safetyhub.devstack.testing.RealInfraResource;
import io.safetyhub.devstack.testing.TestInfra;
import io.safetyhub.gateway.proxy.EchoUpstreams;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The console is told what the real Keycloak announces about itself, not what the gateway was configured with. */
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
}
