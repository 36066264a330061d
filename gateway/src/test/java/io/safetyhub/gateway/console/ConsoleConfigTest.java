package io.safetyhub.gateway.console;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ConsoleConfigTest {

    /**
     * In k8s the gateway reaches Keycloak at its in-cluster Service, while browsers reach it at its public hostname;
     * Keycloak's discovery document names the public one (its {@code hostname} setting), and so must the console.
     */
    @Test
    void shouldSendBrowsersToPublicKeycloakWhenGatewayReachesItInsideTheCluster() {
        JsonObject discovery = new JsonObject()
                .put("issuer", "https://auth.safetyhub.example.cn/realms/safetyhub")
                .put("authorization_endpoint", "https://auth.safetyhub.example.cn/realms/safetyhub/protocol/openid-connect/auth")
                .put("token_endpoint", "https://auth.safetyhub.example.cn/realms/safetyhub/protocol/openid-connect/token")
                .put("end_session_endpoint", "https://auth.safetyhub.example.cn/realms/safetyhub/protocol/openid-connect/logout");

        JsonObject config = ConsoleRoutes.browserView(discovery);

        assertEquals("https://auth.safetyhub.example.cn/realms/safetyhub", config.getString("issuer"));
        assertEquals("https://auth.safetyhub.example.cn/realms/safetyhub/protocol/openid-connect/auth",
                config.getString("authorizationEndpoint"));
        assertEquals("https://auth.safetyhub.example.cn/realms/safetyhub/protocol/openid-connect/logout",
                config.getString("endSessionEndpoint"));
        assertEquals("/console/token", config.getString("tokenEndpoint"), "code exchange stays on the gateway's relay");
        assertEquals("safetyhub-console", config.getString("clientId"));
    }

    @Test
    void shouldDeriveLogoutFromIssuerWhenDiscoveryNamesNoEndSessionEndpoint() {
        JsonObject config = ConsoleRoutes.browserView(new JsonObject()
                .put("issuer", "https://sso.example/realms/safetyhub")
                .put("authorization_endpoint", "https://sso.example/realms/safetyhub/protocol/openid-connect/auth"));

        assertEquals("https://sso.example/realms/safetyhub/protocol/openid-connect/logout",
                config.getString("endSessionEndpoint"));
    }
}
