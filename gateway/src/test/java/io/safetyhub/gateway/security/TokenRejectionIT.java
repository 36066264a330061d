package io.safetyhub.gateway.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.safetyhub.devstack.testing.RealInfraResource;
import io.safetyhub.devstack.testing.TestInfra;
import io.safetyhub.gateway.proxy.EchoUpstreams;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Duration;
import java.util.Base64;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tokens that look right but are not: each must be a 401 with the invalid_token challenge. */
@QuarkusTest
@QuarkusTestResource(RealInfraResource.class)
@QuarkusTestResource(EchoUpstreams.class)
class TokenRejectionIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    @Test
    void shouldAnswer401WhenGenuineClaimsAreSignedWithAForeignKey() throws Exception {
        String real = TestInfra.shared().token("ops");
        String[] parts = real.split("\\.");
        PrivateKey foreign = KeyPairGenerator.getInstance("RSA").generateKeyPair().getPrivate();
        // Same header (kid included) and claims as the real token: only the key differs.
        String signingInput = parts[0] + "." + parts[1];
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(foreign);
        rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        assertRefused(signingInput + "." + URL.encodeToString(rsa.sign()));
    }

    @Test
    void shouldAnswer401WhenTokenIsUnsigned() {
        String[] parts = TestInfra.shared().token("ops").split("\\.");
        String header = URL.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        assertRefused(header + "." + parts[1] + ".");
    }

    @Test
    void shouldAnswer401WhenTokenIsForAnotherAudience() throws Exception {
        String token = KeycloakTestClients.token(KeycloakTestClients.NO_AUDIENCE, "reg.city");
        JsonNode claims = claims(token);
        assertFalse(claims.path("aud").toString().contains("safetyhub-services"), "the test token must lack the audience");
        assertTrue(claims.path("realm_access").path("roles").toString().contains("regulator"), "same user, same roles");
        assertRefused(token);
    }

    @Test
    void shouldAnswer401WhenTokenHasExpired() throws Exception {
        String token = KeycloakTestClients.token(KeycloakTestClients.SHORT_LIVED, "reg.city");
        long expiresAt = claims(token).path("exp").asLong();
        assertTrue(claims(token).path("aud").toString().contains("safetyhub-services"), "otherwise valid");
        // Accepted while valid would be racy against a two-second lifespan; refused once past exp is not.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> System.currentTimeMillis() / 1000 > expiresAt + 1);
        assertRefused(token);
    }

    private static void assertRefused(String token) {
        given().auth().oauth2(token).when().get("/api/alarms")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("invalid_token"))
                .body("code", equalTo("UNAUTHENTICATED"));
    }

    private static JsonNode claims(String token) throws Exception {
        return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    }
}
