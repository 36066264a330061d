package io.safetyhub.gateway.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.safetyhub.devstack.testing.RealInfraResource;
import io.safetyhub.devstack.testing.TestInfra;
import io.safetyhub.gateway.proxy.EchoUpstreams;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The verified-token cache with real Keycloak tokens: a token seen again is a cache hit, and a cached genuine token
 * lends nothing to a tampered copy of it, nor to itself once expired.
 */
@QuarkusTest
@QuarkusTestResource(RealInfraResource.class)
@QuarkusTestResource(EchoUpstreams.class)
class TokenCacheIT {
    private static final Pattern HITS = Pattern.compile(
            "cache_gets_total\\{cache=\"gateway-verified-tokens\",result=\"hit\"} ([0-9.E]+)");
    private static final ObjectMapper JSON = new ObjectMapper();
    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    @Test
    void shouldServeRepeatedTokenFromCacheWhenItWasVerifiedBefore() {
        // A user no other test of this JVM signs in as: its identity is cached by the first request below, not by an
        // earlier test whose entry could reach its 60 s max-age between the two requests counted here.
        String token = TestInfra.shared().token("reg.nanpeng");
        given().auth().oauth2(token).when().get("/api/alarms").then().statusCode(200);
        double before = hits();
        given().auth().oauth2(token).when().get("/api/alarms").then().statusCode(200);
        given().auth().oauth2(token).when().get("/api/alarms").then().statusCode(200);
        assertTrue(hits() >= before + 2, "the repeated token was verified again: hits " + before + " -> " + hits());
    }

    @Test
    void shouldRefuseTamperedTokenWhenGenuineOneIsCached() throws Exception {
        String token = TestInfra.shared().token("ent.chem");
        given().auth().oauth2(token).when().get("/api/alarms").then().statusCode(200);
        given().auth().oauth2(token).when().get("/api/alarms").then().statusCode(200);
        String[] parts = token.split("\\.");
        // Claims changed (another enterprise), signature kept; and the signature changed, claims kept.
        ObjectNode claims = (ObjectNode) JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        claims.put("enterprise_id", "build-yubei-01");
        String otherClaims = Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(claims));
        assertRefused(parts[0] + "." + otherClaims + "." + parts[2]);
        char last = parts[2].charAt(parts[2].length() - 2);
        assertRefused(parts[0] + "." + parts[1] + "." + parts[2].substring(0, parts[2].length() - 2)
                + (last == 'A' ? 'B' : 'A') + parts[2].charAt(parts[2].length() - 1));
        // The genuine token is still served from the cache.
        given().auth().oauth2(token).when().get("/api/alarms").then().statusCode(200);
    }

    @Test
    void shouldRefuseTokenOnceExpiredWhenItWasCachedWhileValid() throws Exception {
        String token = KeycloakTestClients.token(KeycloakTestClients.TEN_SECONDS, "reg.city");
        long expiresAt = JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]))
                .path("exp").asLong();
        given().auth().oauth2(token).when().get("/api/alarms").then().statusCode(200);
        double before = hits();
        given().auth().oauth2(token).when().get("/api/alarms").then().statusCode(200);
        assertTrue(hits() > before, "the ten-second token was not cached");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> System.currentTimeMillis() / 1000 > expiresAt + 1);
        // Had the cache kept it for its max age (60 s), this would still be 200.
        assertRefused(token);
    }

    private static void assertRefused(String token) {
        given().auth().oauth2(token).when().get("/api/alarms")
                .then().statusCode(401)
                .header("WWW-Authenticate", containsString("invalid_token"));
    }

    private double hits() {
        String scraped = given().when().get(metrics).then().statusCode(200).extract().asString();
        Matcher hit = HITS.matcher(scraped);
        return hit.find() ? Double.parseDouble(hit.group(1)) : 0;
    }
}
